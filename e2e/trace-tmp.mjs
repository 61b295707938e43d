import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const [url] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(url);
await page.waitForSelector('[data-testid="model-card"]');
const box = page.locator('#f-phone');
await box.click(); await box.press('End');
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.waitForTimeout(300);
await browser.startTracing(page, { path: '/tmp/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
for (const digit of '1234') { for (const key of ['Backspace', 'Backspace', digit, '0']) { await page.keyboard.press(key); await page.waitForTimeout(200); } }
await browser.stopTracing();
await browser.close();
const events = JSON.parse(readFileSync('/tmp/trace.json', 'utf8')).traceEvents;
const sum = {};
for (const e of events) { if (e.ph === 'X' && e.dur) { sum[e.name] = (sum[e.name] ?? 0) + e.dur / 1000; } }
const top = Object.entries(sum).sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [n, ms] of top) console.log(n.padEnd(40), (ms / 16).toFixed(1), 'ms per keystroke');
