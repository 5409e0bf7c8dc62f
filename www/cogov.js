// cogov: embeddable governance widgets. One line on a partner page:
//   <script type="module" src="https://…/cogov.js"></script>
// then <cogov-structure src="feed.json" lang="ko"></cogov-structure>.
// Importing this module defines every element; import ./elements/*.js to register under other tags.
import { CogovStructure } from './elements/structure.js';
import { CogovCalendar } from './elements/calendar.js';
import { CogovProposals } from './elements/proposals.js';
// Listed here too so the browser fetches the whole module graph in one round trip, not one per import level.
import './lib/element.js';
import './lib/core.js';
import './lib/dom.js';
import './lib/i18n.js';
import './pkg/cogov.js';

CogovStructure.define('cogov-structure');
CogovCalendar.define('cogov-calendar');
CogovProposals.define('cogov-proposals');

export { CogovStructure, CogovCalendar, CogovProposals };
export { CogovElement } from './lib/element.js';
export { setAssetBase } from './lib/core.js';
