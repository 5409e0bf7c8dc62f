// cogov, <cogov-proposals> only: for a page that shows no other cogov widget. Its bundle,
// dist/cogov-proposals.js, loads a wasm built with only the proposals methods (smaller than the full one).
// A page with more than one kind of cogov widget loads dist/cogov.js instead (one wasm for all).
import { CogovProposals } from './elements/proposals.js';

CogovProposals.define('cogov-proposals');

export { CogovProposals };
export { setAssetBase } from './lib/core.js';
