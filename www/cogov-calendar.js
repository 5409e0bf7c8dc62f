// cogov, <cogov-calendar> only: for a page that shows no other cogov widget. Its bundle,
// dist/cogov-calendar.js, loads a wasm built with only the calendar methods (smaller than the full one).
// A page with more than one kind of cogov widget loads dist/cogov.js instead (one wasm for all).
import { CogovCalendar } from './elements/calendar.js';

CogovCalendar.define('cogov-calendar');

export { CogovCalendar };
export { setAssetBase } from './lib/core.js';
