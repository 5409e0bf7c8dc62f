// DOM building without innerHTML: data only ever reaches the page as text nodes and checked URLs.

/**
 * `h('ul', {part: 'tree', role: 'tree'}, child, 'text', [more], null)`: an element.
 * Attributes: `null`/`false` are skipped, `true` is an empty attribute; `on*` functions become listeners.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const k in attrs) {
    const v = attrs[k];
    if (v == null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  add(el, children);
  return el;
}

/** Replaces the children of `el` with `children` (same rules as `h`). */
export function fill(el, ...children) {
  el.replaceChildren();
  add(el, children);
  return el;
}

function add(el, kids) {
  for (const c of kids) {
    if (c == null || c === false || c === '') continue;
    if (Array.isArray(c)) add(el, c);
    else el.append(c); // strings become text nodes
  }
}

/** An http(s) URL as a string, or null for anything else (javascript:, data:, relative, junk). */
export function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A link when `url` is http(s), else plain text. */
export function link(url, text, attrs) {
  const href = safeUrl(url);
  return href ? h('a', { href, rel: 'noopener noreferrer', ...attrs }, text || href) : text || null;
}

/** Joins nodes/strings with a separator, skipping empty ones. */
export function join(items, sep = ', ') {
  const out = [];
  for (const it of items) if (it != null && it !== '') out.push(out.length ? sep : null, it);
  return out;
}
