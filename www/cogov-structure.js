// cogov, <cogov-structure> only: for a page that shows no other cogov widget. Its bundle,
// dist/cogov-structure.js, loads a wasm built with only the structure methods (smaller than the full one).
// A page with more than one kind of cogov widget loads dist/cogov.js instead (one wasm for all).
import { CogovStructure } from './elements/structure.js';

CogovStructure.define('cogov-structure');

export { CogovStructure };
export { setAssetBase } from './lib/core.js';
