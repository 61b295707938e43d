// Starts the app. Trunk would write this as an inline module script, which a
// CSP without 'unsafe-inline' blocks; as a file it needs only script-src 'self'.
// The hashed glue and wasm are named by the links Trunk writes to preload
// them: the first modulepreload is the glue, the one preload the wasm.
const link = (rel) => document.querySelector(`link[rel=${rel}]`).href;
// Intl loads a locale's data when its first formatter is made: tens of ms on
// a phone. Made here, they load while the wasm downloads, not in the app's
// first task (browser.js keeps its own formatters; these only warm the data).
const lang = new URLSearchParams(location.search).get('lang') ?? navigator.language;
for (const o of [{}, { style: 'currency', currency: 'USD' }, { style: 'percent' }, { notation: 'compact' }]) {
  try { new Intl.NumberFormat(lang, o).format(1); } catch { break; }
}
const { default: init } = await import(link('modulepreload'));
await init({ module_or_path: link('preload') });
