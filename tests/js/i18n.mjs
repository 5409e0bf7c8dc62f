// i18n.date writes dates by hand (no Intl start-up on the structure widget's path); it must give
// exactly what Intl's dateStyle 'medium' gives, in ko and en, over fifty years of days.
import { date, labels } from '../../www/lib/i18n.js';

let checked = 0, bad = 0;
for (let t = Date.UTC(1990, 0, 1); t < Date.UTC(2040, 0, 1); t += 86400000) {
  const iso = new Date(t).toISOString().slice(0, 10);
  for (const [lang, loc] of [['ko', 'ko-KR'], ['en', 'en']]) {
    const want = new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso + 'T00:00:00Z'));
    checked++;
    if (date(lang, iso) !== want && bad++ < 5) console.log(`FAIL ${iso} ${lang}: ${date(lang, iso)} != ${want}`);
  }
}
for (const partial of ['2019', '2018-07', '', null]) if (date('ko', partial) !== partial) bad++, console.log(`FAIL partial ${partial}`);
console.log(bad ? `${bad} of ${checked} dates differ from Intl` : `i18n.date: ${checked} dates equal Intl's in ko and en`);

// The shared label sets have the same keys in ko and en, every string non-empty, and a `{}`
// placeholder in one language only where the other has it too (the elements' own sets are
// merged in by their modules, which need a DOM).
const keys = (o, at = '') => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${at}${k}.`) : [[at + k, v]]));
const ko = new Map(keys(labels('ko'))), en = new Map(keys(labels('en')));
let missing = 0;
for (const [a, b, name] of [[ko, en, 'en'], [en, ko, 'ko']]) {
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w === undefined) missing++, console.log(`FAIL ${k} has no ${name} label`);
    else if (typeof v === 'string' && (!v || v.includes('{}') !== w.includes('{}'))) missing++, console.log(`FAIL ${k}: ${JSON.stringify(v)} vs ${JSON.stringify(w)}`);
  }
}
console.log(missing ? `${missing} label problems` : `i18n labels: ${ko.size} keys in both ko and en`);
process.exit(bad || missing ? 1 : 0);
