// How long a host's own page is blocked by the calculator it embeds: loads
// a host page whose iframe holds the app on the same origin (so both share
// one main thread, as a marketing site's own embed does) under a CPU
// throttle with Chromium's tracing on, and sums the blocking time past
// 50 ms of the main thread's long tasks in the first 8 s, as Lighthouse's
// TBT counts it. A measurement, not a test: node e2e/hostblock.mjs URL [rate]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const [url, rate = '4'] = process.argv.slice(2);
const WINDOW_US = 8_000_000;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hostblock-')), 'trace.json');
let frames = 0;
try {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(rate) });
  await browser.startTracing(page, { path: file, categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.goto(url);
  await page.waitForTimeout(WINDOW_US / 1000);
  frames = page.frames().length;
  await browser.stopTracing();
} finally {
  await browser.close();
}

const events = JSON.parse(fs.readFileSync(file, 'utf8')).traceEvents;
const mainThreads = new Set(events
  .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  .map((e) => `${e.pid}:${e.tid}`));
// The window starts at the host document's navigation.
const start = Math.min(...events.filter((e) => e.name === 'navigationStart' || e.name === 'TracingStartedInBrowser').map((e) => e.ts));
const long = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.dur >= 50_000 &&
  mainThreads.has(`${e.pid}:${e.tid}`) && e.ts >= start && e.ts < start + WINDOW_US);
const ms = (us) => Math.round(us / 1000);
console.log(JSON.stringify({
  rate: Number(rate),
  frames,
  renderer_main_threads: mainThreads.size,
  long_tasks: long.length,
  blocking_ms: ms(long.reduce((s, t) => s + Math.min(t.ts + t.dur, start + WINDOW_US) - t.ts - 50_000, 0)),
  longest_ms: ms(Math.max(0, ...long.map((t) => t.dur))),
}));
