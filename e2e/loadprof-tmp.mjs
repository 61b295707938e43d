import { chromium } from '@playwright/test';
const [url] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 }); await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
await cdp.send('Profiler.start');
await page.goto(url);
await page.waitForSelector('[data-testid="model-card"]');
await page.waitForTimeout(300);
const { profile } = await cdp.send('Profiler.stop');
await browser.close();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map(), incl = new Map();
profile.samples.forEach((id, i) => {
  const d = profile.timeDeltas[i];
  const n = byId.get(id); const name = n.callFrame.functionName || '(anon)';
  self.set(name, (self.get(name) ?? 0) + d);
  const seen = new Set(); let cur = id;
  while (cur !== undefined) { const nm = byId.get(cur).callFrame.functionName || '(anon)'; if (!seen.has(nm)) { seen.add(nm); incl.set(nm, (incl.get(nm) ?? 0) + d); } cur = parent.get(cur); }
});
const show = (m, title) => { console.log('--', title); for (const [n, us] of [...m.entries()].sort((a, b) => b[1] - a[1]).filter(([n]) => !n.includes('{{closure}}')).slice(0, 60)) console.log((us / 1000).toFixed(1).padStart(8), 'ms', n.slice(0, 140)); };
show(incl, 'inclusive');
