// Where the first load's main-thread time goes: loads the page under a CPU
// throttle with Chromium's tracing on and sums, over the long tasks (50 ms
// or more, as Lighthouse counts them), the blocking time past 50 ms and the
// things that fill them: style, layout and paint, and script. With --wasm it
// also traces V8's compiling of each wasm function on its first call (lazy
// compilation, on the main thread): an event per function, which slows the
// load it measures, so the other figures come from a run without it.
// With --tasks it first lists each long task: when it started, how long it
// took and the longest events inside it.
// A measurement, not a test: node e2e/loadtrace.mjs URL [rate] [--wasm] [--tasks]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const [url, rate = '4', ...flags] = process.argv.slice(2);
const wasm = flags.includes('--wasm') ? '--wasm' : undefined;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'loadtrace-')), 'trace.json');
try {
  // Lighthouse's mobile viewport.
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(rate) });
  await browser.startTracing(page, { path: file, categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', ...(wasm === '--wasm' ? ['v8.wasm'] : [])] });
  await page.goto(url);
  // The page's own word that the first screen and the form are mounted
  // (the sections below wait for a scroll), then a quiet second
  await page.waitForSelector('main:not([aria-busy="true"])', { timeout: 60_000 });
  // and the parts whose code comes in wasm chunks drawn.
  await page.waitForFunction(() => !document.querySelector('[data-testid="part-loading"]'), null, { timeout: 60_000 });
  await page.waitForTimeout(1000);
  await browser.stopTracing();
} finally {
  await browser.close();
}

const events = JSON.parse(fs.readFileSync(file, 'utf8')).traceEvents;
const mainThread = new Set(events
  .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  .map((e) => `${e.pid}:${e.tid}`));
// In start order: `within` below reads each task's outermost events.
const spans = events
  .filter((e) => e.ph === 'X' && mainThread.has(`${e.pid}:${e.tid}`))
  .sort((a, b) => a.ts - b.ts);
const ms = (us) => Math.round(us / 1000);
const long = spans.filter((e) => e.name === 'RunTask' && e.dur >= 50_000);
// Time inside a task spent in events of these names, outermost only (the
// names nest: Layout inside UpdateLayoutTree's lifecycle, and so on).
const within = (task, names) => {
  let total = 0;
  let end = 0;
  for (const e of spans) {
    if (!names.has(e.name) || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur || e.ts < end) continue;
    total += e.dur;
    end = e.ts + e.dur;
  }
  return total;
};
const compile = new Set(['wasm.CompileLazy']);
const layout = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint']);
const script = new Set(['FunctionCall', 'TimerFire', 'FireAnimationFrame', 'v8.evaluateModule', 'EvaluateScript']);
const sum = (f) => ms(long.reduce((s, t) => s + f(t), 0));
if (flags.includes('--tasks')) {
  const start = spans.find((e) => e.name === 'RunTask')?.ts ?? 0;
  for (const task of long) {
    const inside = {};
    for (const e of spans) {
      if (e === task || e.dur < 5_000 || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur) continue;
      const what = [e.name, e.args?.data?.url?.split('/').pop()].filter(Boolean).join(' ');
      inside[what] = (inside[what] ?? 0) + e.dur;
    }
    const top = Object.entries(inside).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${ms(v)} ms`);
    console.log(`at ${ms(task.ts - start)} ms: ${ms(task.dur)} ms (${top.join('; ')})`);
  }
}
const longest = long.reduce((a, b) => (b.dur > (a?.dur ?? 0) ? b : a), null);
console.log(JSON.stringify({
  rate: Number(rate),
  long_tasks: long.length,
  blocking_ms: sum((t) => t.dur - 50_000),
  long_task_ms: sum((t) => t.dur),
  style_layout_paint_ms: sum((t) => within(t, layout)),
  script_ms: sum((t) => within(t, script)),
  longest_ms: longest ? ms(longest.dur) : 0,
  // Only a run that traced the compiles can say how long they took.
  ...(wasm === '--wasm' && {
    lazy_compile_ms: sum((t) => within(t, compile)),
    longest_lazy_compile_ms: longest ? ms(within(longest, compile)) : 0,
  }),
}));
