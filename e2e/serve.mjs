// A static server for dist/, as a CDN would serve it: right MIME types, the
// headers of DIR/_headers (as Netlify and Cloudflare Pages apply them), and
// gzip when the client accepts it and GZIP=1. BASE serves DIR under a
// sub-path (/tools/calc/), with nothing at the root. Used by the browser
// tests, the Lighthouse run and the embed demo. Usage: node serve.mjs DIR PORT [BASE]
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 8080);
const base = process.argv[4] ?? '/';
const gzip = process.env.GZIP === '1';
// _headers: a path pattern (`*` matches anything), then its indented
// `Name: value` lines; `#` starts a comment.
const rules = [];
try {
  for (const line of readFileSync(join(root, '_headers'), 'utf8').split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    const header = line.match(/^\s+([^:]+):\s*(.*)$/);
    if (header) rules.at(-1).headers[header[1]] = header[2];
    else rules.push({ path: new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`), headers: {} });
  }
} catch (e) {
  if (e.code !== 'ENOENT') throw e;
}
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

createServer(async (req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (!url.startsWith(base)) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  const path = `/${url.slice(base.length)}`;
  const file = join(root, normalize(path).replace(/^(\.\.[/\\])+/, ''));
  const target = file.endsWith('/') ? join(file, 'index.html') : file;
  try {
    let body = await readFile(target);
    const headers = { 'content-type': types[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    for (const rule of rules) if (rule.path.test(path)) Object.assign(headers, rule.headers);
    if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body, { level: 9 });
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}${base}`));
