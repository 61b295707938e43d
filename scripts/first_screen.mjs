// Puts the texts of the header that src/start.js draws before the wasm
// (examples/first_screen.rs: the title and the tagline in every language,
// from the app's own texts) into index.html as a JSON data block, which a
// CSP without 'unsafe-inline' allows: it is read, never run. In the page
// itself, not a file of its own, so the first paint waits for no request.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.env.TRUNK_STAGING_DIR;
if (!out) throw new Error('run by trunk build (TRUNK_STAGING_DIR unset)');
const printed = execFileSync('cargo', ['run', '--quiet', '--release', '--locked', '--example', 'first_screen'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
// "<" escaped so no text can end the script element early.
const texts = JSON.stringify(JSON.parse(printed)).replaceAll('<', '\\u003c');
const htmlPath = join(out, 'index.html');
const html = readFileSync(htmlPath, 'utf8');
if (!html.includes('</head>')) throw new Error('index.html has no </head>');
writeFileSync(htmlPath, html.replace('</head>', `<script type=application/json id=first-screen-texts>${texts}</script></head>`));
