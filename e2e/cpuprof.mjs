// Where the first load's script time goes, by function: loads the page under
// a CPU throttle with V8's sampling profiler on and prints the functions with
// the most self time before the page's parts are all mounted. Wasm functions
// are named only in a build that keeps its name section.
// A measurement, not a test: node e2e/cpuprof.mjs URL [rate] [top]
import { chromium } from '@playwright/test';

const [url, rate = '4', top = '40'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(rate) });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.waitForSelector('main:not([aria-busy="true"])', { timeout: 60_000 });
  await page.waitForTimeout(1000);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const name = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}`;
    self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0));
  });
  const rows = [...self].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((s, [, v]) => s + v, 0);
  console.log(`total ${Math.round(total / 1000)} ms`);
  for (const [name, us] of rows.slice(0, Number(top))) console.log(String(Math.round(us / 100) / 10).padStart(7), name.slice(0, 140));
} finally {
  await browser.close();
}
