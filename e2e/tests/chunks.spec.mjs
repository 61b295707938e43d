// The wasm split: the first screen comes from the main module, the parts
// below it and present mode from chunks (src/ui/lazy.rs). A chunk that
// cannot be fetched leaves the first screen working and says so in place,
// with a retry; after one visit the chunks are there offline; once the page
// is idle every chunk is loaded, so a later click needs no network.
import { test, expect } from '@playwright/test';
import { openApp, axeClean, mountBelow } from './helpers.mjs';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
const SUB = 'http://127.0.0.1:4175/tools/calc/';
const cards = (page) => page.locator('[data-testid="model-card"]');
// A chunk is any wasm but the main module (<crate>-<hash>_bg.wasm).
const isChunk = (url) => url.pathname.endsWith('.wasm') && !url.pathname.endsWith('_bg.wasm');

// page.route does not see what a service worker fetches: the page fetches
// everything itself here.
test.describe('with the network failing', () => {
  test.use({ serviceWorkers: 'block' });

  test('a chunk that cannot load leaves the first screen working, says so in place, and a retry brings it', async ({ page }) => {
    let blocked = 0;
    let failing = true;
    const pending = new Set();
    page.on('request', (r) => isChunk(new URL(r.url())) && pending.add(r));
    page.on('requestfailed', (r) => pending.delete(r));
    page.on('requestfinished', (r) => pending.delete(r));
    await page.route(isChunk, (route) => {
      if (!failing) return route.continue();
      blocked += 1;
      return route.abort('connectionfailed');
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto('/?v=1&phone=4000');
    await expect(cards(page)).toHaveCount(3);
    // The sections below the results, the form's closed sections and the
    // what-ifs all fail: one box says so, with one retry.
    const failed = page.locator('.output').getByTestId('part-failed');
    await expect(failed).toBeVisible();
    expect(blocked).toBeGreaterThan(0);
    await expect(page.getByTestId('part-loading')).toHaveCount(0);
    await expect(page.getByTestId('what-if')).toHaveAttribute('data-state', 'failed');
    await expect(page.getByTestId('part-failed')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(1);
    // None of the failed parts is drawn.
    await expect(page.getByTestId('comparison')).toHaveCount(0);
    await expect(failed).toContainText('Some parts of this page could not load');
    await axeClean(page);
    await failed.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}chunk-failed.png` });

    // The first screen still computes: no panic stopped the app.
    const cost = page.locator('[data-model="shared"] [data-testid="monthly-cost"]');
    const before = await cost.textContent();
    await page.getByRole('textbox', { name: 'Phone calls' }).fill('9000');
    await expect(cost).not.toHaveText(before);

    // The connection is back once every fetch it failed has ended: the
    // idle prefetch's included, which a retry would otherwise join (one
    // attempt per chunk is in flight at a time) and fail with.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve())));
    await expect.poll(() => pending.size).toBe(0);
    failing = false;
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('comparison')).toBeVisible();
    await expect(page.getByTestId('what-if')).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('breakdown')).toBeVisible();
    await expect(page.getByTestId('part-failed')).toHaveCount(0);
    await expect(page.getByTestId('part-loading')).toHaveCount(0);
    await page.getByTestId('comparison').scrollIntoViewIfNeeded();
    // The sections near the view paint a frame after the scroll
    // (content-visibility): the picture waits for it, as an eye would.
    await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))));
    await page.screenshot({ path: `${ARTIFACTS}chunk-retried.png` });
    expect(errors).toEqual([]);
  });

  test('the parts\' stylesheet that cannot load: the first screen keeps its styles, the parts say so, and a retry brings them styled', async ({ page }) => {
    let failing = true;
    let fetched = 0;
    const isLaterCss = (url) => /\/later-[0-9a-f]{16}\.css$/.test(url.pathname);
    await page.route(isLaterCss, (route) => {
      fetched += 1;
      return failing ? route.abort('connectionfailed') : route.continue();
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto('/?v=1&phone=4000');
    await expect(cards(page)).toHaveCount(3);
    // main.css, the first screen's, is there: a card's rounded corner.
    await expect(cards(page).first()).toHaveCSS('border-top-left-radius', '10px');
    const failed = page.locator('.output').getByTestId('part-failed');
    await expect(failed).toBeVisible();
    expect(fetched).toBeGreaterThan(0);
    await expect(page.getByTestId('comparison')).toHaveCount(0);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve())));
    failing = false;
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('part-failed')).toHaveCount(0);
    await mountBelow(page);
    // Drawn with later.css applied: the comparison's collapsed borders.
    await expect(page.locator('.compare')).toHaveCSS('border-collapse', 'collapse');
    await axeClean(page);
    expect(errors).toEqual([]);
  });

  test('present mode whose chunk cannot load offers the way back to the form, and a retry', async ({ page }) => {
    let failing = true;
    await page.route(isChunk, (route) => (failing ? route.abort('connectionfailed') : route.continue()));
    await page.goto('/?v=1&phone=4000&present=1');
    const failed = page.getByTestId('part-failed');
    await expect(failed).toBeVisible();
    await expect(failed.getByRole('button', { name: 'Back to the form' })).toBeVisible();
    failing = false;
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('present')).toBeVisible();
    await expect(page.getByTestId('present-figure')).toHaveCount(3);
  });

  // Only a link with values that could not be used shows the notice: its
  // words come in a chunk of their own, fetched at load by such a link.
  test('the link notice comes in its own chunk: none for a good link; a failed one is in the page\'s box, and a retry names the values', async ({ page }) => {
    const notice = (url) => /\/split_notice-[0-9a-f]+\.wasm$/.test(url.pathname);
    const fetched = [];
    let failing = true;
    await page.route(notice, (route) => {
      fetched.push(route.request().url());
      return failing ? route.abort('connectionfailed') : route.continue();
    });
    await openApp(page, '?v=1&phone=4000');
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve())));
    expect(fetched).toEqual([]);

    await page.goto('/?v=1&phone=4000&region=mars');
    await expect(cards(page)).toHaveCount(3);
    const failed = page.locator('.output').getByTestId('part-failed');
    await expect(failed).toBeVisible();
    await expect(page.getByTestId('link-notice')).toHaveCount(0);
    await expect(page.getByTestId('part-loading')).toHaveCount(0);
    await axeClean(page);
    failing = false;
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('link-notice')).toContainText('region=mars (not one of the choices)');
    await expect(page.getByTestId('part-failed')).toHaveCount(0);
    await page.getByTestId('link-notice').getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('link-notice')).toHaveCount(0);
  });

  // The quote check's rows are in the chunk of the sections below; the
  // quotes a link carries are kept, in dollars, in the main module, so the
  // address, this browser and a reload keep them before that chunk loads.
  test('quotes in a link survive round trips while the quote check\'s chunk cannot load, and show once it does', async ({ page }) => {
    const below = (url) => /\/split_below-[0-9a-f]+\.wasm$/.test(url.pathname);
    const link = '?v=1&phone=4000&quotes=1~Acme%2C%20Manila*minute*0.95**1000~*1';
    const quotes = () => new URL(page.url()).searchParams.get('quotes');
    await openApp(page, link);
    const kept = quotes();
    expect(kept).toMatch(/^1~Acme, Manila\*minute\*0\.95\*\*1000~\*1$/);

    let failing = true;
    const pending = new Set();
    page.on('request', (r) => below(new URL(r.url())) && pending.add(r));
    page.on('requestfailed', (r) => pending.delete(r));
    page.on('requestfinished', (r) => pending.delete(r));
    await page.route(below, (route) => (failing ? route.abort('connectionfailed') : route.continue()));
    await page.evaluate(() => localStorage.clear());
    await page.goto(`/${link}`);
    await expect(cards(page)).toHaveCount(3);
    const failed = page.locator('.output').getByTestId('part-failed');
    await expect(failed).toBeVisible();
    await expect(page.getByTestId('quote-check')).toHaveCount(0);
    expect(quotes()).toBe(kept);
    // Typing, a visit without a link (this browser kept them) and another
    // currency keep them.
    await page.getByRole('textbox', { name: 'Phone calls' }).fill('9000');
    await expect(page).toHaveURL(/phone=9000/);
    expect(quotes()).toBe(kept);
    await page.goto('/');
    await expect(cards(page)).toHaveCount(3);
    await expect(failed).toBeVisible();
    await expect(page).toHaveURL(/phone=9000/);
    expect(quotes()).toBe(kept);
    await page.getByLabel('Currency', { exact: true }).selectOption('EUR');
    await expect(page).toHaveURL(/cur=EUR/);
    expect(quotes()).toBe(kept);

    // Once the chunk loads, the rows show them in the currency shown.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve())));
    await expect.poll(() => pending.size).toBe(0);
    failing = false;
    await failed.getByRole('button', { name: 'Try again' }).click();
    const quote = page.getByTestId('quote');
    await expect(quote).toHaveCount(1);
    await expect(quote.getByRole('textbox', { name: 'Vendor' })).toHaveValue('Acme, Manila');
    await expect(quote.getByRole('textbox', { name: 'Price' })).toHaveValue('0.855');
    await expect(quote.getByRole('textbox', { name: 'Setup fee' })).toHaveValue('900');
    expect(quotes()).toBe(kept);
    // And typing in them is in the address again.
    await quote.getByRole('textbox', { name: 'Setup fee' }).fill('450');
    await expect.poll(quotes).toBe('1~Acme, Manila*minute*0.95**500~*1');
  });

  test('once the page is idle every chunk is loaded: present mode opens with the network gone', async ({ page }) => {
    const fetched = new Set();
    let offline = false;
    await page.route(isChunk, (route) => {
      if (offline) return route.abort('internetdisconnected');
      fetched.add(new URL(route.request().url()).pathname);
      return route.continue();
    });
    await openApp(page, '?v=1&phone=4000');
    // Present mode's chunk is not shown on the page: only the prefetch loads it.
    await expect.poll(() => [...fetched].some((p) => /present/.test(p))).toBe(true);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve())));
    offline = true;
    await page.getByRole('button', { name: 'Present' }).click();
    await expect(page.getByTestId('present-figure')).toHaveCount(3);
    await expect(page.getByTestId('part-failed')).toHaveCount(0);
  });
});

test('after one visit every chunk is there offline: the sections below and present mode, from a sub-path', async ({ page, context }) => {
  await page.goto(SUB);
  await expect(cards(page)).toHaveCount(3);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  const cachedChunks = await page.evaluate(async () => {
    const [key] = await caches.keys();
    return (await (await caches.open(key)).keys()).map((r) => r.url).filter((u) => u.endsWith('.wasm') && !u.endsWith('_bg.wasm'));
  });
  expect(cachedChunks.length).toBeGreaterThan(0);
  await context.setOffline(true);
  await page.reload();
  await expect(cards(page)).toHaveCount(3);
  await mountBelow(page);
  for (const section of ['comparison', 'breakdown', 'share']) {
    await expect(page.getByTestId(section)).toBeVisible();
  }
  await expect(page.getByTestId('part-failed')).toHaveCount(0);
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByTestId('present-figure')).toHaveCount(3);
});

// The texts of Japanese and Russian are each in a chunk of their own
// (split_ja, split_ru): an English page never fetches them; a page that
// opens in either waits for its chunk and never shows English first; a
// switch says it is loading, and a failed one offers a retry.
test.describe('the languages not shown', () => {
  test.use({ serviceWorkers: 'block' });
  const langChunk = (lang) => (url) => new RegExp(`/split_${lang}-[0-9a-f]+\\.wasm$`).test(url.pathname);
  // Every English text the page drew, from its first node on: a
  // MutationObserver from before the app starts.
  const recordTexts = (page) => page.addInitScript(() => {
    window.seenTexts = new Set();
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          const text = n.textContent?.trim();
          if (text) window.seenTexts.add(text);
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });

  test('an English page, idle with every chunk prefetched, has fetched neither', async ({ page }) => {
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await openApp(page, '?v=1&phone=4000');
    await expect.poll(() => fetched.some((p) => /\/split_present-/.test(p))).toBe(true);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve())));
    expect(fetched.filter((p) => /\/split_(ja|ru)-/.test(p))).toEqual([]);
  });

  for (const [how, lang, open] of [
    ['a link', 'ja', (page) => page.goto('/?v=1&phone=4000&lang=ja')],
    ['a browser set to it', 'ru', (page) => page.goto('/?v=1&phone=4000')],
  ]) {
    test(`a page opened in ${lang} by ${how} waits for its texts and shows no English first`, async ({ browser }) => {
      const context = await browser.newContext({ locale: lang, serviceWorkers: 'block' });
      const page = await context.newPage();
      await recordTexts(page);
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route(langChunk(lang), async (route) => { await held; await route.continue(); });
      await open(page);
      // The main module has run and asked for the chunk: nothing drawn yet.
      await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource')
        .some((e) => e.name.endsWith('_bg.wasm')))).toBe(true);
      await page.waitForTimeout(300);
      await expect(cards(page)).toHaveCount(0);
      release();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(cards(page)).toHaveCount(3);
      const seen = await page.evaluate(() => [...window.seenTexts]);
      expect(seen.filter((t) => /Phone calls|Start from a preset|Recommendation/.test(t))).toEqual([]);
      await context.close();
    });
  }

  test('a switch says it is loading until the chunk is there, and one that fails offers a retry', async ({ page }) => {
    let mode = 'hold';
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(langChunk('ru'), async (route) => {
      if (mode === 'fail') return route.abort('connectionfailed');
      await held;
      return route.continue();
    });
    await openApp(page, '?v=1&phone=4000');
    const settings = page.getByRole('group', { name: 'Language and currency' });
    await page.getByLabel('Language', { exact: true }).selectOption('ru');
    await expect(settings.getByTestId('part-loading')).toBeVisible();
    await expect(settings).toHaveAttribute('aria-busy', 'true');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await axeClean(page);
    release();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByTestId('part-loading')).toHaveCount(0);
    await expect(page.getByLabel('Язык', { exact: true })).toBeFocused();

    // Japanese cannot be fetched: the page stays Russian and says so.
    await page.unroute(langChunk('ru'));
    await page.route(langChunk('ja'), (route) => (mode === 'fail' ? route.abort('connectionfailed') : route.continue()));
    mode = 'fail';
    await page.getByLabel('Язык', { exact: true }).selectOption('ja');
    const failed = page.getByTestId('part-failed');
    await expect(failed).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await axeClean(page);
    mode = 'ok';
    await failed.getByRole('button').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByTestId('part-failed')).toHaveCount(0);
  });
});
