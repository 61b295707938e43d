// Trunk's post-build hook, first step (scripts/post_build.sh): splits the
// wasm into the main module, which draws the first screen, and one chunk
// per split point (src/ui/lazy.rs), loaded when its part is shown. The
// steps of ../shared/TOOLCHAIN.md, "Splitting the wasm with Trunk":
// 1. wasm-split-cli cuts the raw rustc wasm (built with --emit-relocs, see
//    .cargo/config.toml), not Trunk's wasm-bindgen output, whose
//    relocations no longer match; it writes the main module, the chunks
//    and the link module __wasm_split.js that loads them;
// 2. wasm-bindgen makes the main module's JS glue, keeping the exports the
//    chunks link against;
// 3. wasm-opt -Oz shrinks every wasm (release builds);
// 4. in TRUNK_STAGING_DIR, the glue and the wasm replace Trunk's (same
//    names, which Trunk hashed from the same raw wasm), the chunks and the
//    link module get names hashed from their contents (the references to
//    them patched), and index.html's integrity values are computed again
//    and it preloads the link module, which the glue imports.
// Any failure throws, and the hook fails the build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = process.env.TRUNK_STAGING_DIR;
if (!out) throw new Error('run by trunk build (TRUNK_STAGING_DIR unset)');
const profile = process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug';
const targetDir = resolve(root, process.env.CARGO_TARGET_DIR ?? 'target');
// The tools scripts/setup.sh installs: wasm-split-cli and wasm-bindgen by
// cargo, wasm-opt by npm.
const env = {
  ...process.env,
  PATH: [join(process.env.HOME ?? '', '.cargo/bin'), join(root, 'e2e/node_modules/.bin'), process.env.PATH].join(delimiter),
};
// wasm-opt warns of each name subsection it does not know (local names
// the splitter keeps); the output has no names, so those lines are noise.
const run = (tool, args) => {
  const { status, stderr } = spawnSync(tool, args, { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  process.stderr.write(stderr.split('\n').filter((l) => l && !/^warning: unknown name subsection/.test(l)).map((l) => `${l}\n`).join(''));
  if (status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${status})`);
};
// As Trunk's own wasm-opt step had them (index.html before the split).
const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-reference-types', '--enable-multivalue'];
// Trunk minifies the JS it writes; the hook writes the glue, the link
// module and the snippet itself, so it minifies them with terser (scripts/
// setup.sh installs it with npm): names mangled inside each module, the
// exported and imported names kept. 1.6 KB gzip less on the first screen
// than dropping comments and indentation alone.
const minify = (file) => run('terser', [file, '--module', '--compress', '--mangle', '-o', file]);
// LEB128, as the wasm binary format writes its numbers and lengths.
const leb = (value) => {
  const out = [];
  do {
    const byte = value % 128;
    value = Math.floor(value / 128);
    out.push(value ? byte | 0x80 : byte);
  } while (value);
  return Buffer.from(out);
};
const wasmName = (text) => Buffer.concat([leb(Buffer.byteLength(text)), Buffer.from(text)]);
// Reads a wasm's sections: `at` is the next byte, from the first section.
class WasmReader {
  constructor(bytes) {
    this.bytes = bytes;
    this.at = 8;
  }
  byte() {
    return this.bytes[this.at++];
  }
  uleb() {
    let value = 0, shift = 0, byte;
    do {
      byte = this.byte();
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  }
  name() {
    const length = this.uleb();
    this.at += length;
    return this.bytes.subarray(this.at - length, this.at).toString();
  }
}
// Rewrites the wasm at `path` section by section: `edit(id, reader, end)`
// reads a section's body from the reader and gives its new body, or
// undefined to keep the section as it is.
function rewriteSections(path, edit) {
  const bytes = readFileSync(path);
  const reader = new WasmReader(bytes);
  const parts = [bytes.subarray(0, 8)];
  while (reader.at < bytes.length) {
    const start = reader.at;
    const id = reader.byte();
    const end = reader.uleb() + reader.at;
    const body = edit(id, reader, end);
    parts.push(body === undefined ? bytes.subarray(start, end) : Buffer.concat([Buffer.from([id]), leb(body.length), body]));
    reader.at = end;
  }
  writeFileSync(path, Buffer.concat(parts));
}
// Rewrites the import and export sections of the wasm at `path`: each
// import's module and name become `onImport(module, name)`'s, each
// export's name `onExport(name)`'s, and an export for which it gives
// undefined goes.
function editLinks(path, onImport, onExport) {
  rewriteSections(path, (id, r) => {
    if (id !== 2 && id !== 7) return undefined;
    const entries = [];
    for (let n = r.uleb(); n > 0; n--) {
      if (id === 2) {
        const [module, field] = onImport(r.name(), r.name());
        const desc = r.at;
        const kind = r.byte();
        if (kind === 0) r.uleb();
        else if (kind === 1 || kind === 2) {
          if (kind === 1) r.at++;
          if (r.uleb() & 1) r.uleb();
          r.uleb();
        } else if (kind === 3) r.at += 2;
        else throw new Error(`import kind ${kind} in ${path}`);
        entries.push(Buffer.concat([wasmName(module), wasmName(field), r.bytes.subarray(desc, r.at)]));
      } else {
        const field = onExport(r.name());
        const desc = r.at;
        r.at += 1;
        r.uleb();
        if (field !== undefined) entries.push(Buffer.concat([wasmName(field), r.bytes.subarray(desc, r.at)]));
      }
    }
    return Buffer.concat([leb(entries.length), ...entries]);
  });
}
// wasm-opt's `--reorder-functions-by-name` orders the functions by the
// names this gives them (the output keeps no names): Rust's mangled name
// read back into its path, a trait method's impls first by the trait and
// method (`<T as Render>::build` as `Render::build for T`), so each
// method's copies for every type sit side by side, where gzip finds their
// likeness.
function sortableNames(path) {
  const sortable = (mangled) => {
    const legacy = mangled.match(/^_ZN(.*)17h[0-9a-f]{16}E(.*)$/);
    if (!legacy) return mangled;
    let rest = legacy[1];
    const segments = [];
    for (let digits; (digits = rest.match(/^\d+/)); ) {
      const length = Number(digits[0]);
      segments.push(rest.slice(digits[0].length, digits[0].length + length));
      rest = rest.slice(digits[0].length + length);
    }
    const path = segments.join('::').replaceAll('$LT$', '<').replaceAll('$GT$', '>').replaceAll('$u20$', ' ')
      .replaceAll('..', '::').replace(/^_</, '<');
    const impl = path.match(/^<(.*?) as (.*)>::(.*)$/);
    return `${impl ? `${impl[2]}::${impl[3]} for ${impl[1]}` : path}#${legacy[2]}${mangled}`;
  };
  let named = 0;
  rewriteSections(path, (id, r, end) => {
    if (id !== 0 || r.name() !== 'name') return undefined;
    const subsections = [wasmName('name')];
    while (r.at < end) {
      const subsection = r.at;
      const kind = r.byte();
      const subsectionEnd = r.uleb() + r.at;
      if (kind === 1) {
        const entries = [];
        for (let n = r.uleb(); n > 0; n--) {
          const index = r.uleb();
          entries.push(Buffer.concat([leb(index), wasmName(sortable(r.name()))]));
          named += 1;
        }
        const body = Buffer.concat([leb(entries.length), ...entries]);
        subsections.push(Buffer.from([1]), leb(body.length), body);
      } else {
        subsections.push(r.bytes.subarray(subsection, subsectionEnd));
      }
      r.at = subsectionEnd;
    }
    return Buffer.concat(subsections);
  });
  if (named === 0) throw new Error(`${path} has no function names to order by`);
}
const hash16 = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

// Trunk's names: <crate>-<hash>.js and <crate>-<hash>_bg.wasm.
const staged = readdirSync(out).find((f) => f.endsWith('_bg.wasm'));
if (!staged) throw new Error(`no wasm in ${out}`);
const base = staged.slice(0, -'_bg.wasm'.length);
const crate = base.replace(/-[0-9a-f]+$/, '');
const raw = join(targetDir, 'wasm32-unknown-unknown', profile, `${crate}.wasm`);
if (!existsSync(raw)) throw new Error(`no raw wasm at ${raw}`);

const work = join(targetDir, 'wasm-split', profile);
const cut = join(work, 'split');
const bound = join(work, 'bindgen');
rmSync(work, { recursive: true, force: true });
mkdirSync(cut, { recursive: true });
run('wasm-split-cli', ['--target', 'web', '--out-name', base, raw, cut]);
run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
  '--out-name', base, '--out-dir', bound, join(cut, `${base}.wasm`)]);

const mainWasm = join(bound, `${base}_bg.wasm`);
const gluePath = join(bound, `${base}.js`);
let bindings = readFileSync(gluePath, 'utf8');
// Leptos turns on server_fn's `browser` feature, whose wasm-streams exports
// three JS classes (IntoUnderlying*, streams of a server function's
// response). The page has no server and the wasm never makes one; as
// exports they stay, with their code and the glue's classes. Taken out
// here, wasm-opt drops the code: 1.9 KB gzip less on the first screen.
const STREAMS = /^(__wbg_)?intounderlying(bytesource|sink|source)(_|$)/;
const GLUE_STREAMS = [
  /^export class IntoUnderlying(ByteSource|Sink|Source) \{\n[^]*?^\}\n/gm,
  /^if \(Symbol\.dispose\) IntoUnderlying(ByteSource|Sink|Source)\.prototype.*\n/gm,
  /^const IntoUnderlying(ByteSource|Sink|Source)Finalization = [^;]*;\n/gm,
];
let streams = 0;
editLinks(mainWasm, (module, field) => [module, field], (field) => {
  if (!STREAMS.test(field)) return field;
  streams += 1;
  return undefined;
});
if (streams > 0) {
  for (const pattern of GLUE_STREAMS) {
    const found = bindings.match(pattern)?.length ?? 0;
    if (found !== 3) throw new Error(`the glue has ${found} of the 3 stream classes' ${pattern}`);
    bindings = bindings.replace(pattern, '');
  }
  if (/IntoUnderlying/.test(bindings)) throw new Error('the glue still names a stream class');
}
// The names between the wasm and its glue, which only they use: the
// imports' modules, and the imports and exports that wasm-bindgen names
// with a 16-digit hash (`__wbg_append_1a2b…`, `_ZN…17h1a2b…E`), which
// gzip cannot shorten, twice each. A short name each in both, in release
// builds: 4.2 KB gzip less on the first screen.
if (profile === 'release') {
  const HASHED = /^(__wbg_\w+_[0-9a-f]{16}|_ZN\w+17h[0-9a-f]{16}E(_\d+)?)$/;
  const modules = new Map();
  const names = new Map();
  const short = (field) => {
    if (!HASHED.test(field)) return field;
    if (!names.has(field)) names.set(field, `$${names.size.toString(36)}`);
    return names.get(field);
  };
  editLinks(mainWasm, (module, field) => {
    if (!modules.has(module)) modules.set(module, modules.size.toString(36));
    return [modules.get(module), short(field)];
  }, short);
  const used = new Set();
  bindings = bindings.replace(/[\w$]+/g, (word) => {
    if (names.has(word)) used.add(word);
    else if (/^\$[0-9a-z]+$/.test(word)) throw new Error(`the glue already has a name ${word}`);
    return names.get(word) ?? word;
  });
  for (const field of names.keys()) {
    if (!used.has(field)) throw new Error(`the glue does not name ${field}`);
  }
  for (const [module, key] of modules) {
    const quoted = `${JSON.stringify(module)}:`;
    if (!bindings.includes(quoted)) throw new Error(`the glue's imports have no ${module}`);
    bindings = bindings.replaceAll(quoted, `${JSON.stringify(key)}:`);
  }
}
writeFileSync(gluePath, bindings);
const chunks = readdirSync(cut).filter((f) => f.endsWith('.wasm') && f !== `${base}.wasm`).sort();
// The functions in the order of their names, after -Oz: a generic's copies
// and a module's functions side by side, where gzip finds their likeness;
// the main module's names first made sortable (`sortableNames`): 4.3 KB
// gzip less on the first screen. The function indices change, not the
// table's slots, which is what the chunks use.
// The producers and target features sections, which no browser reads, go
// (about 180 B gzip a file, 27 chunks). `--low-memory-unused` lets
// wasm-opt fold a pointer's constant offset (under 1 KB) into the load or
// store (0.8 KB gzip less on the first screen). That changes only an
// address that wraps past 4 GB into the first 1 KB of memory, which Rust
// never forms: its stack is first in the memory, from 1 MB down to 0, its
// data above (Emscripten assumes the same of its layout).
if (profile === 'release') {
  sortableNames(mainWasm);
  for (const wasm of [mainWasm, ...chunks.map((c) => join(cut, c))]) {
    run('wasm-opt', ['--low-memory-unused', '-Oz', '--reorder-functions-by-name', '--strip-producers',
      '--strip-target-features', ...WASM_FEATURES, wasm, '-o', wasm]);
  }
}

// The chunks, then the link module that names them, then the glue that
// imports it: each name hashed from contents that hold the names before.
if (profile === 'release') minify(join(cut, '__wasm_split.js'));
let link = readFileSync(join(cut, '__wasm_split.js'), 'utf8');
for (const chunk of chunks) {
  const bytes = readFileSync(join(cut, chunk));
  const hashed = `${chunk.slice(0, -'.wasm'.length)}-${hash16(bytes)}.wasm`;
  const ref = `"./${chunk}"`;
  if (!link.includes(ref)) throw new Error(`__wasm_split.js does not load ${chunk}`);
  link = link.replaceAll(ref, `"./${hashed}"`);
  writeFileSync(join(out, hashed), bytes);
}
const linkName = `__wasm_split-${hash16(link)}.js`;
writeFileSync(join(out, linkName), link);

// Only the import is renamed: the wasm's import object keeps the module
// name "./__wasm_split.js" as its key.
let glue = readFileSync(join(bound, `${base}.js`), 'utf8');
const importRef = /from\s*(["'])\.\/__wasm_split\.js\1/g;
if (!importRef.test(glue)) throw new Error('the glue does not import __wasm_split.js');
glue = glue.replace(importRef, `from "./${linkName}"`);
writeFileSync(join(out, `${base}.js`), glue);
if (profile === 'release') minify(join(out, `${base}.js`));
cpSync(mainWasm, join(out, staged));
if (existsSync(join(bound, 'snippets'))) {
  rmSync(join(out, 'snippets'), { recursive: true, force: true });
  cpSync(join(bound, 'snippets'), join(out, 'snippets'), { recursive: true });
  if (profile === 'release') {
    for (const file of readdirSync(join(out, 'snippets'), { recursive: true })) {
      if (file.endsWith('.js')) minify(join(out, 'snippets', file));
    }
  }
}

// index.html: the link module preloaded beside the glue (it is on the way
// to the first screen), and every integrity value computed again.
const htmlPath = join(out, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
const attr = (tag, name) => tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`))?.slice(1).find((v) => v !== undefined);
const glueTag = html.match(/<link\b[^>]*\brel="?modulepreload"?[^>]*>/);
if (!glueTag) throw new Error('index.html has no modulepreload for the glue');
html = html.replace(glueTag[0], `${glueTag[0]}<link rel="modulepreload" href="./${linkName}" crossorigin integrity="">`);
let checked = 0;
html = html.replace(/<(?:link|script)\b[^>]*\sintegrity=[^>]*>/g, (tag) => {
  const href = attr(tag, 'href') ?? attr(tag, 'src');
  const integrity = attr(tag, 'integrity');
  if (!href || integrity === undefined || integrity === 'none') return tag;
  checked += 1;
  const file = join(out, decodeURI(href.replace(/^\.?\//, '')));
  return tag.replace(/(\sintegrity=)(?:"[^"]*"|'[^']*'|[^\s>]+)/, `$1"${sri(readFileSync(file))}"`);
});
// The wasm is not preloaded: src/start.js fetches it once the header it
// draws has painted, with the preload's address and integrity, which move
// onto its script tag. A preload starts the wasm's 200 KB with the page,
// and Lighthouse then counts them as on the way to that first paint
// (its LCP went from 2.3 s to the header's own time, about 1.1 s).
const wasmTag = html.match(/<link\b[^>]*\brel="?preload"?[^>]*>/);
const startTag = html.match(/<script\b[^>]*\ssrc=["']?[^"'\s>]*start-[0-9a-f]+\.js[^>]*>/);
if (!wasmTag || !attr(wasmTag[0], 'href')?.endsWith('_bg.wasm')) throw new Error('index.html has no preload for the wasm');
if (!startTag) throw new Error('index.html has no start script');
// The stylesheet of the parts after the first screen (style/later.css,
// which Trunk copies as it is) gets a name hashed from its contents; it is
// named, with its integrity, on the start script's tag too, where the page
// finds it when the first such part is drawn (browser.js, later_styles).
const laterCss = readFileSync(join(out, 'later.css'));
const laterName = `later-${hash16(laterCss)}.css`;
rmSync(join(out, 'later.css'));
writeFileSync(join(out, laterName), laterCss);
html = html.replace(wasmTag[0], '').replace(startTag[0],
  startTag[0].replace(/>$/, ` data-wasm="${attr(wasmTag[0], 'href')}" data-wasm-integrity="${attr(wasmTag[0], 'integrity')}"`
    + ` data-later-css="./${laterName}" data-later-css-integrity="${sri(laterCss)}">`));
writeFileSync(htmlPath, html);
console.log(`split: ${base}_bg.wasm, ${chunks.length} chunks, ${linkName}; ${checked} integrity values`);
