// Starts the app. Trunk would write this as an inline module script, which a
// CSP without 'unsafe-inline' blocks; as a file it needs only script-src 'self'.
// The hashed glue is named by the first modulepreload Trunk writes; the
// wasm by this script's tag, where scripts/split.mjs moved its preload.
const glue = document.querySelector('link[rel=modulepreload]').href;
const wasm = document.querySelector('script[data-wasm]');
const query = new URLSearchParams(location.search);
// The header's words in every language, from the app's texts at build time
// (scripts/first_screen.mjs).
const texts = JSON.parse(document.getElementById('first-screen-texts').textContent);
// The page's language, chosen here once: the link's `lang=` (its last that
// we speak, as the app reads a link), else the browser's first that we
// speak, else English. It goes on <html lang>, where the app takes it.
const spoken = (tag) => {
  const primary = tag.split(/[-_]/)[0].toLowerCase();
  return Object.hasOwn(texts.tagline, primary) ? primary : undefined;
};
const browser = navigator.languages?.length ? navigator.languages : [navigator.language || 'en'];
const lang = query.getAll('lang').map(spoken).findLast(Boolean) ?? browser.map(spoken).find(Boolean) ?? 'en';
document.documentElement.lang = lang;
// The header drawn now, before the wasm, is the first paint; the app's own
// header takes its place (browser::drop_first_screen). A frame and present
// mode show no such header, so a link that asks for either gets none.
if (!query.has('embed') && !query.has('present')) {
  const header = document.createElement('header');
  header.id = 'first-screen';
  header.className = 'top';
  const title = document.createElement('h1');
  title.textContent = texts.title;
  const tagline = document.createElement('p');
  tagline.className = 'tagline';
  tagline.textContent = texts.tagline[lang];
  header.append(title, tagline);
  document.body.prepend(header);
  // The wasm starts once the browser has painted this header and said so
  // (its first-contentful-paint entry): served fast, the wasm could run
  // first, and its header, not this one, would be the paint that counts.
  // A hidden tab paints nothing; the timer is there so nothing waits long.
  if (document.visibilityState === 'visible' && PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    await new Promise((painted) => {
      new PerformanceObserver((list, observer) => {
        if (list.getEntriesByName('first-contentful-paint').length) {
          observer.disconnect();
          painted();
        }
      }).observe({ type: 'paint', buffered: true });
      setTimeout(painted, 1000);
    });
  }
}
// Fetched and compiled from here on, the wasm downloads while Intl and the
// glue load.
const response = fetch(new URL(wasm.dataset.wasm, document.baseURI), { integrity: wasm.dataset.wasmIntegrity });
// A server that sends the wasm with another type than application/wasm
// gets it compiled from its bytes, as wasm-bindgen's own loader does.
const compiled = response.then((r) => WebAssembly.compileStreaming(r.clone()).catch((e) => {
  if (r.headers.get('Content-Type')?.startsWith('application/wasm')) throw e;
  return r.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
}));
const loaded = Promise.all([import(glue), compiled]);
// Intl loads a locale's data when its first formatter is made: tens of ms on
// a phone. Made here, they load while the wasm downloads, not in the app's
// first task (browser.js keeps its own formatters; these only warm the data);
// each in a task of its own, so that in a frame, where nothing waits for a
// paint first, the host page's thread is not held by all four at once.
for (const o of [{}, { style: 'currency', currency: 'USD' }, { style: 'percent' }, { notation: 'compact' }]) {
  await new Promise((next) => setTimeout(next));
  try { new Intl.NumberFormat(lang, o).format(1); } catch { break; }
}
// The first screen's text styles, laid out while the wasm downloads: a
// page's first layout creates a font for each size and weight it meets
// (traced at 4x: 48 of the app's 91 ms first layout, each font through the
// Linux sandbox's font service). Here each part is a short task of its own,
// in time the page waits anyway, and the app's first layout finds them made
// (in a frame at 4x it fell from 100-150 ms to 45-70 ms). A part is a
// selector, or [selector, parts] (no <header>: the page has one, or in a
// frame none); its text is in the page's language, so a script's fallback
// font is looked up too. e2e/tests/first-screen.spec.mjs checks that these
// cover every size and weight the first screen shows.
const WARM = [
  ['div.top', [['nav.presets', ['button']], ['div.settings', [['div.field', ['label']]]], 'h2.visually-hidden']],
  ['article.card', [['div', ['h2', 'span.badge']], 'p.price-flag', 'p.basis', 'p.big', 'p.big-label']],
  ['article.card', [['dl.figures', ['dt', 'dd']]]],
  ['section.panel.recommendation', ['h2', ['ul', ['li', 'strong']], 'h3']],
  ['div.inputs', [['fieldset', ['legend', ['div.field', ['label', 'span.unit', ['p.note', ['span.hint', 'span.error']]]]]]]],
];
const sample = `${texts.tagline[lang].slice(0, 24)} 0123456789 $%–`;
const element = (part) => {
  const [selector, parts] = typeof part === 'string' ? [part, null] : part;
  const [tag, ...classes] = selector.split('.');
  const e = document.createElement(tag);
  e.className = classes.join(' ');
  if (parts) e.append(...parts.map(element));
  else e.textContent = sample;
  return e;
};
const warm = document.createElement('div');
warm.className = 'font-warmup';
warm.setAttribute('aria-hidden', 'true');
document.body.append(warm);
for (const part of WARM) {
  await new Promise((next) => setTimeout(next));
  warm.append(element(part));
  // Laid out now, in this task, not with whatever the next frame holds.
  warm.offsetHeight;
}
const [{ default: init }, module] = await loaded;
// The compiled module is instantiated and draws the first screen in a task
// of its own, not in the one that finishes compiling it (TBT).
await new Promise((next) => setTimeout(next));
await init({ module_or_path: module });
warm.remove();
