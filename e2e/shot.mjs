// Screenshots for looking at the page by hand: node e2e/shot.mjs URL OUT.png [width] [dark]
// SELECTOR=css shoots that element alone (scrolled to, once drawn).
// NOWASM=1 blocks the wasm and shoots what the page draws before it.
import { chromium } from '@playwright/test';
const [url, out, width = '1280', scheme = 'light'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(process.env.HEIGHT ?? 900) }, colorScheme: scheme });
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
if (process.env.NOWASM) await page.route(/\.wasm$/, (route) => route.abort('connectionfailed'));
await page.goto(url);
await page.waitForSelector(process.env.NOWASM ? '#first-screen' : '[data-testid="model-card"], [data-testid="present"]');
// The sections below mount as they near the viewport: scroll to each.
async function mountBelow() {
  while (await page.evaluate(() => {
    const next = [...document.querySelectorAll('[data-testid="later"]')].find((e) => e.checkVisibility());
    next?.scrollIntoView({ block: 'center' });
    return Boolean(next);
  })) await page.waitForTimeout(300);
  await page.waitForFunction(() => !document.querySelector('[data-testid="part-loading"]'));
  await page.evaluate(() => window.scrollTo(0, 0));
}
if (process.env.SELECTOR) {
  await mountBelow();
  const part = page.locator(process.env.SELECTOR).first();
  await part.scrollIntoViewIfNeeded();
  await part.screenshot({ path: out });
} else {
  if (process.env.FULL !== '0') await mountBelow();
  await page.screenshot({ path: out, fullPage: process.env.FULL !== '0' });
}
await browser.close();
