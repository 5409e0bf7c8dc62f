// TypeScript declarations for cogov-proposals.js, the bundle defining <cogov-proposals> alone (npm: `cogov/proposals`).
// Everything is declared in ./cogov.d.ts; its tag map names all three elements, of which this
// bundle defines only <cogov-proposals>.
export { CogovProposals, setAssetBase } from './cogov.js';
export type * from './cogov.js';
