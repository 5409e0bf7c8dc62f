// The demo page's own behaviour (not shipped to partners): controls, event log, a host-page button.
const log = document.getElementById('log');
document.addEventListener('cogov-select', (e) => {
  const li = document.createElement('li');
  li.textContent = `${e.target.id}: ${e.type} ${JSON.stringify(e.detail)}`;
  log.prepend(li);
});

const controls = document.getElementById('controls');
controls.addEventListener('change', () => {
  for (const el of document.querySelectorAll('#structure-ko, #structure-en')) {
    for (const name of ['body', 'as-of']) {
      const v = controls.elements[name].value;
      if (v) el.setAttribute(name, v);
      else el.removeAttribute(name);
    }
  }
});

let clicks = 0;
document.getElementById('host-button').addEventListener('click', () => {
  document.getElementById('host-count').value = ++clicks;
});
