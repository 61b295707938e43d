import { chromium } from '@playwright/test';
const [url, field = '#f-phone'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(url);
await page.waitForSelector('[data-testid="model-card"]');
const box = page.locator(field);
await box.click(); await box.press('End');
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (const digit of '12341234') { for (const key of ['Backspace', 'Backspace', digit, '0']) { await page.keyboard.press(key); await page.waitForTimeout(60); } }
const { profile } = await cdp.send('Profiler.stop');
await browser.close();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id, i) => { const n = byId.get(id); const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`; self.set(name, (self.get(name) ?? 0) + dt[i]); total += dt[i]; });
const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
for (const [n, us] of rows) console.log((us / 1000).toFixed(1).padStart(8), 'ms', n.slice(0, 100));
console.log('total', (total / 1000).toFixed(0));
const cat = {};
for (const [n, us] of self.entries()) { const k = n.includes('.wasm') ? 'wasm' : n.startsWith('(idle)') ? 'idle' : n.startsWith('(program)') ? 'program' : n.includes('.js') ? 'js glue' : n.startsWith('(garbage') ? 'gc' : 'browser api'; cat[k] = (cat[k] ?? 0) + us / 1000; }
console.log(JSON.stringify(cat));
