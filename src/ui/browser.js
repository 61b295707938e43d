const formats = new Map();
export function format_number(value, locale, currency, digits, compact, percent) {
  const key = `${locale}|${currency}|${digits}|${compact}|${percent}`;
  let f = formats.get(key);
  if (!f) {
    const o = {};
    if (currency) Object.assign(o, { style: 'currency', currency });
    if (percent) o.style = 'percent';
    if (digits >= 0) Object.assign(o, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    if (compact) Object.assign(o, { notation: 'compact', maximumFractionDigits: 1 });
    formats.set(key, f = new Intl.NumberFormat(locale, o));
  }
  return f.format(percent ? value / 100 : value);
}
const months = new Map();
export function month_name(locale, month, style) {
  const key = `${locale}|${style}`;
  let f = months.get(key);
  if (!f) months.set(key, f = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }));
  return f.format(Date.UTC(2001, month, 1));
}
export const query = () => location.search;
const address = (how) => (q) => {
  const url = location.pathname + (q ? '?' + q : '') + location.hash;
  if (url !== location.pathname + location.search + location.hash) history[how](history.state, '', url);
};
export const replace_query = address('replaceState'), push_query = address('pushState');
export const base_url = () => location.origin + location.pathname;
export function load(key) { try { return localStorage.getItem(key) ?? ''; } catch { return ''; } }
export function save(key, value) { try { localStorage.setItem(key, value); } catch {} }
export const copy_text = (text) => navigator.clipboard ? navigator.clipboard.writeText(text).then(() => true, () => false) : Promise.resolve(false);
export function download(name, mime, text) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
export const print_page = () => window.print();
export const today = () => new Date().toLocaleDateString('sv');
// The host's origin: ancestorOrigins survives a host's no-referrer policy
// (Chromium, Safari); the referrer is Firefox's only clue. '*' only when
// neither says, and then only what the host itself framed is sent.
const parentOrigin = () => {
  const a = location.ancestorOrigins;
  if (a && a.length && a[0] !== 'null') return a[0];
  try { if (document.referrer) return new URL(document.referrer).origin; } catch {}
  return '*';
};
const toParent = (data) => window.parent.postMessage(data, parentOrigin());
export function report_height() {
  if (window.parent === window) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) toParent({ type: 'supportcalc:height', height: last = height });
  };
  new ResizeObserver(send).observe(document.documentElement);
  send();
}
const timers = {};
export function tell_parent(type, link, recommended, shared, dedicated, combined, contacts, lang, currency, wait_ms) {
  if (window.parent === window) return;
  const data = { type, link, recommended, monthly_cost_usd: { shared, dedicated, combined }, contacts_per_month: contacts, lang, currency };
  clearTimeout(timers[type]);
  if (wait_ms > 0) timers[type] = setTimeout(() => toParent(data), wait_ms); else toParent(data);
}
export function keep_offline() { navigator.serviceWorker?.register('./sw.js').catch(() => {}); }
// A page drawn again (a language switch) watches its own placeholders:
// the last page's watcher and print hooks go first.
let unwatchBelow = () => {};
export function watch_below(near, print) {
  unwatchBelow();
  const o = new IntersectionObserver((es) => es.forEach((e) => {
    if (e.isIntersecting) { o.unobserve(e.target); near(Number(e.target.dataset.later)); }
  }), { root: document, rootMargin: '100% 0px' });
  document.querySelectorAll('[data-later]').forEach((el) => o.observe(el));
  const m = matchMedia('print');
  const change = () => m.matches && print();
  addEventListener('beforeprint', print);
  m.addEventListener('change', change);
  unwatchBelow = () => { o.disconnect(); removeEventListener('beforeprint', print); m.removeEventListener('change', change); };
  if (m.matches) print();
}
let styles, styled = false;
export const later_styles_ready = () => styled;
export function later_styles() {
  const tag = document.querySelector('script[data-later-css]');
  if (!tag) return Promise.resolve(styled = true);
  return styles ??= new Promise((done) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: new URL(tag.dataset.laterCss, document.baseURI), integrity: tag.dataset.laterCssIntegrity });
    link.onload = () => done(styled = true);
    link.onerror = () => { link.remove(); styles = undefined; done(false); };
    document.head.append(link);
  });
}
