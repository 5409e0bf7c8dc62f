// A React component using the cogov elements through www/cogov-jsx.d.ts (type-checked, never run).
import type {} from '../../www/cogov-jsx';
import type { SelectDetail } from '../../www/cogov.js';

export function Governance(props: { feed: string; onPick: (d: SelectDetail) => void }) {
  return (
    <div>
      <cogov-structure src={props.feed} lang="ko" body="gaok-association" as-of="2026-01-01" oncogov-select={(e) => props.onPick(e.detail)} />
      <cogov-calendar src={props.feed} lang="en" view="list" month="2026-07" today="2026-07-01" className="wide" history="hash" refresh={300}
        oncogov-change={(e) => console.log(e.detail.name, e.detail.value)} oncogov-error={(e) => console.log(e.detail.stale)} />
      <cogov-structure feed={{ cogov: 1 }} oncogov-ready={(e) => console.log(e.detail.url)} />
      <cogov-proposals src={props.feed} view="stats" hash-key="p" today="2026-11-22">
        <p>Proposals need JavaScript.</p>
      </cogov-proposals>
      {/* @ts-expect-error not a view of the calendar */}
      <cogov-calendar view="grid" />
      {/* @ts-expect-error history is none or hash */}
      <cogov-proposals history="push" />
      {/* @ts-expect-error not an attribute of the org chart */}
      <cogov-structure month="2026-07" />
      <cogov-calendar heading-level="2" first-day={1} hour12 />
      {/* @ts-expect-error headings go from 1 to 6 */}
      <cogov-proposals heading-level="7" />
    </div>
  );
}
