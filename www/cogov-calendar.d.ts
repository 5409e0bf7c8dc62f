// TypeScript declarations for cogov-calendar.js, the bundle defining <cogov-calendar> alone (npm: `cogov/calendar`).
// Everything is declared in ./cogov.d.ts; its tag map names all three elements, of which this
// bundle defines only <cogov-calendar>.
export { CogovCalendar, setAssetBase } from './cogov.js';
export type * from './cogov.js';
