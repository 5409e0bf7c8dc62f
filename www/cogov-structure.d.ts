// TypeScript declarations for cogov-structure.js, the bundle defining <cogov-structure> alone (npm: `cogov/structure`).
// Everything is declared in ./cogov.d.ts; its tag map names all three elements, of which this
// bundle defines only <cogov-structure>.
export { CogovStructure, setAssetBase } from './cogov.js';
export type * from './cogov.js';
