// A React 19 host app (bundled by tests/page/frameworks.mjs with esbuild, jsx automatic): the
// widgets as JSX, attributes from React state, cogov-select heard through the `oncogov-select`
// prop (React 19 adds a listener for `on` + the event name as written), a feed passed as a
// property (`feed={object}`: React 19 sets a property when the element has it).
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [lang, setLang] = useState('en');
  const [month, setMonth] = useState('2026-07');
  const [picked, setPicked] = useState([]);
  const [feed, setFeed] = useState(null);
  useEffect(() => {
    fetch('/data/feed.json').then((r) => r.json()).then(setFeed);
  }, []);
  const pick = (prevent) => (e) => {
    setPicked((xs) => [...xs, `${e.detail.kind}:${e.detail.id}`]);
    if (prevent) e.preventDefault(); // the host shows the proposal itself
  };
  return (
    <>
      <button id="lang" onClick={() => setLang((l) => (l === 'en' ? 'ko' : 'en'))}>language</button>
      <button id="month" onClick={() => setMonth('2026-09')}>September</button>
      <output id="picked">{picked.join(' ')}</output>
      <cogov-calendar id="cal" src="/data/feed.json" lang={lang} month={month} today="2026-07-14" refresh={600}
        oncogov-select={pick(false)} oncogov-change={(e) => setPicked((xs) => [...xs, `change:${e.detail.name}=${e.detail.value}`])} />
      <cogov-proposals id="prop" src="/data/feed.json" lang={lang} today="2026-11-22" oncogov-select={pick(true)} />
      {feed && <cogov-structure id="org" lang={lang} feed={feed} oncogov-select={pick(false)} onCogovSelect={() => (window.__wrongSpelling = (window.__wrongSpelling || 0) + 1)} />}
    </>
  );
}

createRoot(document.getElementById('app')).render(<App />);
