// Starts the app. Trunk would write this as an inline module script, which a
// CSP without 'unsafe-inline' blocks; as a file it needs only script-src 'self'.
// The hashed glue and wasm are named by the links Trunk writes to preload
// them: the first modulepreload is the glue, the one preload the wasm.
const link = (rel) => document.querySelector(`link[rel=${rel}]`).href;
const { default: init } = await import(link('modulepreload'));
await init({ module_or_path: link('preload') });
