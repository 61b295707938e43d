// Trunk's post-build hook: the app icons, drawn here so they always match
// the favicon, and the service worker with this build's file list and a
// version from their contents. Writes into TRUNK_STAGING_DIR.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const { PNG } = createRequire(new URL('../e2e/package.json', import.meta.url))('pngjs');
const out = process.env.TRUNK_STAGING_DIR;
if (!out) throw new Error('run by trunk build (TRUNK_STAGING_DIR unset)');

// The favicon's design on a 16-unit grid: a rounded square in the accent
// colour and three white bars. `inset` shrinks the bars into the safe zone
// of a maskable icon, whose corners the platform cuts.
const ACCENT = [0x1d, 0x4e, 0xd8];
const BARS = [[4, 7, 6, 11], [7, 4, 9, 11], [10, 8, 12, 11]];
function icon(size, maskable) {
  const png = new PNG({ width: size, height: size });
  const unit = size / 16;
  const radius = maskable ? 0 : 3 * unit;
  const scale = maskable ? 0.7 : 1;
  const inBar = (x, y) => BARS.some(([x0, y0, x1, y1]) => {
    const gx = 8 + (x / unit - 8) / scale, gy = 8 + (y / unit - 8) / scale;
    return gx >= x0 && gx < x1 && gy >= y0 && gy < y1;
  });
  const inSquare = (x, y) => {
    const dx = Math.max(radius - x, x - (size - radius), 0), dy = Math.max(radius - y, y - (size - radius), 0);
    return dx * dx + dy * dy <= radius * radius;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // 4x4 samples a pixel, so the corners are smooth.
      let square = 0, bar = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) {
        const px = x + (sx + 0.5) / 4, py = y + (sy + 0.5) / 4;
        if (inSquare(px, py)) { square++; if (inBar(px, py)) bar++; }
      }
      const i = (y * size + x) * 4;
      const white = bar / Math.max(square, 1);
      for (let c = 0; c < 3; c++) png.data[i + c] = Math.round(ACCENT[c] * (1 - white) + 255 * white);
      png.data[i + 3] = Math.round((square / 16) * 255);
    }
  }
  return PNG.sync.write(png, { deflateLevel: 9 });
}
writeFileSync(join(out, 'icon-192.png'), icon(192, false));
writeFileSync(join(out, 'icon-512.png'), icon(512, false));
writeFileSync(join(out, 'icon-maskable-512.png'), icon(512, true));

// What the page loads, relative to the worker: everything but the host's
// embed script, the hosting headers and the worker itself.
const files = (d) => readdirSync(d, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)]));
const shipped = files(out).map((f) => relative(out, f).split('\\').join('/'))
  .filter((f) => !['_headers', 'embed.js', 'sw.js', 'index.html'].includes(f)).sort();
const version = createHash('sha256');
for (const f of [...shipped, 'index.html']) version.update(f).update(readFileSync(join(out, f)));
// Its comments stay in the source: every visitor downloads the worker.
const worker = readFileSync(new URL('../pwa/sw.js', import.meta.url), 'utf8')
  .replace(/^\/\/.*\n/gm, '')
  .replace('__VERSION__', version.digest('hex').slice(0, 16))
  .replace('__FILES__', JSON.stringify(['./', ...shipped]));
writeFileSync(join(out, 'sw.js'), worker);
console.log(`pwa: 3 icons and sw.js caching ${shipped.length + 1} files`);
