// The calculator in a host page on another origin, as a marketing site
// embeds it: the host sizes the frame from the app's height messages, so
// nothing scrolls inside; the host's query options apply. The app is copied
// under a sub-path, as a marketing site hosts it.
import { test, expect } from '@playwright/test';
import { axeClean } from './helpers.mjs';

const ORIGIN = 'http://127.0.0.1:4175';
const APP = `${ORIGIN}/tools/calc/`;
const HOST = 'http://127.0.0.1:4174';

async function openHost(page, query) {
  const app = `${APP}?${query}`;
  // Every message the host receives, with who sent it.
  await page.addInitScript(() => {
    window.__messages = [];
    addEventListener('message', (e) => {
      const frame = document.getElementById('supportcalc');
      window.__messages.push({ origin: e.origin, fromFrame: e.source === frame?.contentWindow, data: e.data });
    });
  });
  await page.goto(`${HOST}/embed.html?app=${encodeURIComponent(app)}`);
  const frame = page.frameLocator('#supportcalc');
  await expect(frame.locator('[data-testid="model-card"]')).toHaveCount(3);
  return frame;
}

/** The iframe's height in the host, and its content's own height. */
async function heights(page) {
  const frameHeight = await page.locator('#supportcalc').evaluate((f) => f.getBoundingClientRect().height);
  const inner = page.frames().find((f) => f.url().startsWith(APP));
  const content = await inner.evaluate(() => ({
    height: Math.ceil(document.documentElement.getBoundingClientRect().height),
    scrolls: document.scrollingElement.scrollHeight > document.scrollingElement.clientHeight + 1,
  }));
  return { frameHeight, ...content };
}

test('the frame follows its content as sections open and close, and never scrolls', async ({ page }) => {
  // One column, so opening a form section makes the page taller.
  await page.setViewportSize({ width: 700, height: 800 });
  const frame = await openHost(page, 'embed=1&accent=0f766e');
  await expect.poll(async () => (await heights(page)).frameHeight).toBeGreaterThan(500);
  const start = await heights(page);
  expect(Math.abs(start.frameHeight - start.height)).toBeLessThanOrEqual(1);
  expect(start.scrolls).toBe(false);

  await frame.getByText('Staffing', { exact: true }).click();
  await expect.poll(async () => (await heights(page)).frameHeight).toBeGreaterThan(start.frameHeight + 50);
  const open = await heights(page);
  expect(open.scrolls).toBe(false);

  await frame.getByText('Staffing', { exact: true }).click();
  await expect.poll(async () => (await heights(page)).frameHeight).toBeLessThan(open.frameHeight - 50);

  const messages = await page.evaluate(() => window.__messages);
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(m).toMatchObject({ origin: ORIGIN, fromFrame: true, data: { type: 'supportcalc:height' } });
    expect(Number.isInteger(m.data.height)).toBe(true);
  }
});

test('the app posts only to its parent, and only when framed', async ({ page }) => {
  // Calls to postMessage on the app's own window would be a message to itself.
  await page.addInitScript(() => {
    if (location.origin !== 'http://127.0.0.1:4175') return;
    window.__selfPosts = 0;
    const own = window.postMessage.bind(window);
    window.postMessage = (...args) => { window.__selfPosts += 1; return own(...args); };
  });
  await openHost(page, 'embed=1');
  const inner = page.frames().find((f) => f.url().startsWith(APP));
  expect(await inner.evaluate(() => window.__selfPosts)).toBe(0);
  // Opened on its own, the page is its own parent and sends nothing.
  await page.goto(`${APP}?embed=1`);
  await expect(page.locator('[data-testid="model-card"]')).toHaveCount(3);
  expect(await page.evaluate(() => window.__selfPosts)).toBe(0);
});

test('the app acts on no message from its parent: a hostile host cannot change or break it', async ({ page }) => {
  const frame = await openHost(page, 'embed=1');
  const cost = frame.locator('[data-model="shared"] [data-testid="monthly-cost"]');
  const before = await cost.textContent();
  const inner = page.frames().find((f) => f.url().startsWith(APP));
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.locator('#supportcalc').evaluate((f) => {
    const post = (data) => f.contentWindow.postMessage(data, '*');
    for (const data of [
      { type: 'supportcalc:height', height: 1 },
      { type: 'supportcalc:scenario', query: 'phone=999999' },
      { type: 'supportcalc:set', phone: 999999, lang: 'ru' },
      'phone=999999',
      '<img src=x onerror=alert(1)>',
      JSON.parse('{"__proto__": {"polluted": true}, "type": "supportcalc:reset"}'),
      null, 42, [1, 2, 3], new ArrayBuffer(8),
    ]) post(data);
  });
  // Give the messages time to arrive, then see that nothing followed them.
  await inner.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  await expect(cost).toHaveText(before);
  await expect(frame.locator('html')).toHaveAttribute('lang', 'en');
  await expect(frame.getByRole('textbox', { name: 'Phone calls' })).toHaveValue('4000');
  expect(await inner.evaluate(() => ({}).polluted)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('the host sets language, accent, preset and sections; no page header in a frame', async ({ page }) => {
  const frame = await openHost(page, 'embed=1&lang=ru&accent=0f766e&preset=enterprise&show=results,curves');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(frame.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(frame.getByTestId('cost-curves')).toBeVisible();
  await expect(frame.locator('form')).toHaveCount(0);
  await expect(frame.getByTestId('quote-check')).toHaveCount(0);
  await expect(frame.getByTestId('coverage-heatmap')).toHaveCount(0);
  const accent = await frame.locator('html').evaluate((e) => getComputedStyle(e).getPropertyValue('--accent').trim());
  expect(accent).toBe('#0f766e');
  // axe checks the host page and, inside it, the framed calculator.
  await axeClean(page);
  // The enterprise preset: 24/7 in four languages, so the dedicated team covers every hour.
  await expect(frame.locator('[data-model="dedicated"] [data-testid="hours-covered"]')).toHaveText(/100/);
});
