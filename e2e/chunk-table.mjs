// What loads when: the first screen's files, then each wasm chunk of a
// release build with its gzip size and what brings it, read from the link
// module the split writes (scripts/split.mjs). A measurement for
// scripts/bench.sh; prints Markdown table rows.
// Usage: node e2e/chunk-table.mjs [dist]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// The split points of src/ui/lazy.rs, by chunk.
const WHEN = {
  below: 'as the sections below the results are mounted, one a task after the first screen',
  form: "as the form's closed sections are mounted (the languages editor)",
  hourly: 'when the hourly volumes box first opens, or once the page is idle',
  present: 'when present mode opens, or once the page is idle',
  own: 'when a scenario has a team of its own (src/model/own_team.rs)',
  notice: 'at load, only by a link with values it could not use',
  whatif: "a task after the first figures, with what would change the answer (the what-ifs' own code)",
  months: "when the buyer's own twelve months are first chosen",
  ja: 'at load for a page in Japanese, or when Japanese is first chosen',
  ru: 'at load for a page in Russian, or when Russian is first chosen',
};
const dir = process.argv[2] ?? 'dist';
const kb = (f) => `${(gzipSync(readFileSync(join(dir, f)), { level: 9 }).length / 1024).toFixed(1)} KB`;
const linkName = readdirSync(dir).find((f) => /^__wasm_split-[0-9a-f]+\.js$/.test(f));
if (!linkName) throw new Error(`no link module in ${dir}: not a split build`);
const link = readFileSync(join(dir, linkName), 'utf8');
// The link module as wasm-split writes it (`const __chunk_11 = makeLoad(()
// => { const src = fetch(new URL("./chunk_11-….wasm", …` and `export const
// __wasm_split_load_below = wrapAsyncCb(makeLoad(…), [__chunk_11, …]))`)
// or as terser leaves it in a release build (the same with one-letter
// names and no spaces): either is read.
const fetched = String.raw`[\w$]+\(\(\)\s*=>\s*\{\s*const [\w$]+\s*=\s*fetch\(new URL\("\./([^"]+)"`;
const shared = new Map([...link.matchAll(new RegExp(String.raw`(?:const |,)\s*([\w$]+)\s*=\s*${fetched}`, 'g'))]
  .filter(([, , file]) => file.startsWith('chunk_'))
  .map(([, name, file]) => [name, { file, users: [] }]));
const splits = [...link.matchAll(new RegExp(String.raw`export const __wasm_split_load_(\w+)\s*=\s*[\w$]+\(${fetched}[\s\S]*?\}\s*,\s*\[([^\]]*)\]\)\)`, 'g'))]
  .map(([, split, file, deps]) => ({ split, file, deps: deps.split(',').map((d) => d.trim()).filter(Boolean) }));
if (splits.length === 0) throw new Error(`no split loads read in ${linkName}: its format changed`);
for (const { split, deps } of splits) for (const d of deps) shared.get(d)?.users.push(split);
const mainWasm = readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
console.log(`| the first screen's wasm, \`${mainWasm}\` | ${kb(mainWasm)} gzip, at once |`);
for (const { split, file } of splits) {
  console.log(`| chunk \`${file}\` | ${kb(file)} gzip, ${WHEN[split] ?? 'when its part is shown'} |`);
}
for (const { file, users } of shared.values()) {
  console.log(`| chunk \`${file}\`, code shared by ${users.join(', ')} | ${kb(file)} gzip, with the first of them |`);
}
