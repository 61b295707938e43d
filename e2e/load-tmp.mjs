import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const [url] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await browser.startTracing(page, { path: '/tmp/load.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] });
await page.goto(url);
await page.waitForSelector('[data-testid="model-card"]');
await page.waitForTimeout(1500);
await browser.stopTracing();
await browser.close();
const events = JSON.parse(readFileSync('/tmp/load.json', 'utf8')).traceEvents;
const tasks = events.filter((e) => e.name === 'RunTask' && e.dur > 30000).map((e) => e);
const t0 = Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
let tbt = 0;
for (const t of tasks) {
  const inner = events.filter((e) => e.tid === t.tid && e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e.name !== 'RunTask' && e.dur > 5000);
  const names = {};
  for (const e of inner) names[e.name] = Math.max(names[e.name] ?? 0, e.dur / 1000);
  tbt += Math.max(0, t.dur / 1000 - 50);
  console.log(((t.ts - t0) / 1000).toFixed(0).padStart(6), 'ms start', (t.dur / 1000).toFixed(0).padStart(5), 'ms', JSON.stringify(Object.fromEntries(Object.entries(names).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => [k, Math.round(v)]))));
}
console.log('TBT-ish (tasks over 50 ms, 4x):', Math.round(tbt));
