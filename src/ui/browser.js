// The browser edge, in the browser's own language: number formatting by
// Intl, storage, the address bar, the clipboard, downloads and the embed
// height message. Each is a line or two here and would be a pile of
// web-sys bindings in the wasm.

const formats = new Map();

/// `value` formatted for `locale` by Intl.NumberFormat. `currency` is an
/// ISO code for money or "" for a plain number; `digits` is the number of
/// fraction digits (-1: the currency's own, as 2 for USD, 0 for JPY);
/// `compact` gives "12K" style for chart axes; `percent` reads `value` as
/// a percentage (80 -> "80%").
export function format_number(value, locale, currency, digits, compact, percent) {
  const key = `${locale}|${currency}|${digits}|${compact}|${percent}`;
  let f = formats.get(key);
  if (!f) {
    const options = {};
    if (currency) Object.assign(options, { style: 'currency', currency });
    if (percent) options.style = 'percent';
    if (digits >= 0) Object.assign(options, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    if (compact) Object.assign(options, { notation: 'compact', maximumFractionDigits: 1 });
    f = new Intl.NumberFormat(locale, options);
    formats.set(key, f);
  }
  return f.format(percent ? value / 100 : value);
}

export function preferred_languages() {
  return (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en']).join(',');
}

export function query() {
  return location.search;
}

/// Puts the scenario in the address bar without adding a history entry.
export function replace_query(query) {
  const url = location.pathname + (query ? '?' + query : '') + location.hash;
  if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, '', url);
}

/// The page's address without its query: where a shared link points.
export function base_url() {
  return location.origin + location.pathname;
}

/// Storage can be missing or throw (private windows, sandboxed frames):
/// then nothing is kept, and nothing breaks.
export function load(key) {
  try { return localStorage.getItem(key) ?? ''; } catch { return ''; }
}

export function save(key, value) {
  try { localStorage.setItem(key, value); } catch { /* not kept */ }
}

/// Resolves to true when the text is on the clipboard.
export function copy_text(text) {
  if (!navigator.clipboard) return Promise.resolve(false);
  return navigator.clipboard.writeText(text).then(() => true, () => false);
}

export function download(filename, mime, text) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function print_page() {
  window.print();
}

export function set_document_language(lang) {
  document.documentElement.lang = lang;
}

export function set_accent(colour, ink) {
  const style = document.documentElement.style;
  style.setProperty('--accent', colour);
  style.setProperty('--accent-ink', ink);
}

export function set_embedded() {
  document.documentElement.classList.add('embed');
}

/// After the page is drawn again (a language switch), puts the keyboard
/// back on the control that caused it.
export function focus_soon(id) {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/// In a frame, tells the parent page the content height whenever it
/// changes, as {type: "supportcalc:height", height} in CSS pixels, so the
/// host can size the iframe and nothing scrolls inside it. Posted to the
/// parent only, and only to the origin that embedded us when the browser
/// tells it (document.referrer).
export function report_height() {
  if (window.parent === window) return;
  let origin = '*';
  try { if (document.referrer) origin = new URL(document.referrer).origin; } catch { /* keep '*' */ }
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'supportcalc:height', height }, origin);
    }
  };
  new ResizeObserver(send).observe(document.documentElement);
  send();
}
