// The header is on the page before the wasm (src/start.js draws it from
// the app's texts, in the language the app will speak), and the app's own
// header takes its place: one header, the same words, in the same place.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';

const TEXTS_BIN = new URL('../../target/release/examples/texts', import.meta.url).pathname;
const TEXTS = JSON.parse(execFileSync(TEXTS_BIN, { encoding: 'utf8' }));
const isMainWasm = (url) => /\/supportcalc-[0-9a-f]+_bg\.wasm$/.test(url.pathname);

/** Every animation frame from the first: how many headers, their words and where the tagline stands. */
async function recordFrames(page) {
  await page.addInitScript(() => {
    window.frames_seen = [];
    window.shifted = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.shifted += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    const look = () => {
      const headers = document.querySelectorAll('header.top');
      const tagline = document.querySelector('header.top .tagline');
      window.frames_seen.push({
        headers: headers.length,
        words: [...headers].map((h) => `${h.querySelector('h1')?.textContent}|${h.querySelector('.tagline')?.textContent}`),
        top: tagline ? Math.round(tagline.getBoundingClientRect().top) : null,
      });
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}

for (const [how, lang, locale, query] of [
  ['a link', 'ja', 'en-US', '?lang=ja'],
  ['a browser set to it', 'ru', 'ru-RU', ''],
  ['no choice', 'en', 'fr-FR', '?lang=xx'],
]) {
  test(`${lang} by ${how}: the header is there before the wasm, in ${lang}, and the app's takes its place`, async ({ browser }) => {
    const context = await browser.newContext({ locale, serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    expect(await page.evaluate(() => navigator.languages[0])).toBe(locale);
    await recordFrames(page);
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(isMainWasm, async (route) => { await held; await route.continue(); });
    await page.goto(`/${query}`, { waitUntil: 'commit' });

    const first = page.locator('#first-screen');
    await expect(first).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(first.getByRole('heading', { level: 1 })).toHaveText('Supportcalc');
    await expect(first.locator('.tagline')).toHaveText(TEXTS[lang].tagline);
    await expect(page.locator('[data-testid="model-card"]')).toHaveCount(0);

    release();
    await expect(page.locator('[data-testid="model-card"]')).toHaveCount(3);
    await expect(first).toHaveCount(0);
    await expect(page.locator('header.top')).toHaveCount(1);
    await expect(page.locator('header.top .tagline')).toHaveText(TEXTS[lang].tagline);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    // From the first frame with a header on: never two, never none, the
    // same words in the same place.
    const frames = await page.evaluate(() => window.frames_seen.slice(window.frames_seen.findIndex((f) => f.headers > 0)));
    const words = `Supportcalc|${TEXTS[lang].tagline}`;
    expect(frames.filter((f) => f.headers !== 1 || f.words[0] !== words || f.top !== frames[0].top)).toEqual([]);
    expect(await page.evaluate(() => window.shifted)).toBe(0);
    await context.close();
  });
}

test('with no wasm at all, the header still reads in the language chosen (under a sub-path too)', async ({ page }) => {
  await page.route(/\.wasm$/, (route) => route.abort('connectionfailed'));
  await page.goto('http://127.0.0.1:4175/tools/calc/?lang=ru&phone=9000');
  await expect(page.locator('#first-screen .tagline')).toHaveText(TEXTS.ru.tagline);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});

// A frame hides the page's title and tagline, and present mode shows big
// figures instead: a link that asks for either gets no header before the wasm.
for (const query of ['?embed=1&lang=ja', '?present=1&lang=ja']) {
  test(`${query}: no header is drawn before the wasm`, async ({ page }) => {
    await page.route(/\.wasm$/, (route) => route.abort('connectionfailed'));
    await page.goto(`/${query}`);
    // start.js has run: it chose the language.
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.locator('header')).toHaveCount(0);
  });
}

// The wasm is fetched once the header has painted, not preloaded with the
// page: a preload puts its 200 KB on the way to the first paint, as
// Lighthouse counts it. Its integrity still holds.
test('the wasm is requested after the first paint, not preloaded with the page', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-testid="model-card"]')).toHaveCount(3);
  expect(await page.locator('link[rel=preload]').count()).toBe(0);
  const [paint, wasm] = await page.evaluate(() => [
    performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    performance.getEntriesByType('resource').find((e) => /_bg\.wasm$/.test(e.name))?.startTime,
  ]);
  expect(paint).toBeGreaterThan(0);
  expect(wasm).toBeGreaterThanOrEqual(paint);
});

test('a wasm that does not match its integrity is not run', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route((url) => url.pathname === '/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/data-wasm-integrity="sha384-[^"]*"/, `data-wasm-integrity="sha384-${'A'.repeat(64)}"`);
    await route.fulfill({ response, body: html });
  });
  await page.goto('/');
  await expect.poll(() => errors.join(' ')).toMatch(/integrity|fetch/i);
  await expect(page.locator('#first-screen .tagline')).toHaveText(TEXTS.en.tagline);
  await expect(page.locator('[data-testid="model-card"]')).toHaveCount(0);
});

// The app's first task is short (TBT): it draws the header and the three
// cards; the recommendation, below them, comes in a task of its own, and
// the form after it. An observer's callback runs once per task that changed
// the page, so what it sees is what each task left.
test('the first task draws the cards, the recommendation comes in a later task, and nothing on screen moves', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.seen = [];
    window.shifted = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.shifted += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    new MutationObserver(() => {
      const cards = document.querySelectorAll('[data-testid="model-card"]').length;
      const recommendation = !!document.querySelector('[data-testid="recommendation"]');
      const form = !!document.querySelector('form.inputs');
      const last = window.seen.at(-1);
      if (!last || last.cards !== cards || last.recommendation !== recommendation || last.form !== form) {
        window.seen.push({ cards, recommendation, form });
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto('/');
  await expect(page.getByTestId('recommendation')).toBeVisible();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  const seen = await page.evaluate(() => window.seen);
  expect(seen.filter((s) => s.cards > 0)).toEqual([
    { cards: 3, recommendation: false, form: false },
    { cards: 3, recommendation: true, form: false },
    { cards: 3, recommendation: true, form: true },
  ]);
  expect(await page.evaluate(() => window.shifted)).toBe(0);
  await context.close();
});

// Some static hosts send a .wasm as application/octet-stream, which
// compileStreaming refuses: the page compiles it from its bytes instead.
test('a wasm served with another type than application/wasm still starts the app', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route((url) => isMainWasm(url), async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  await page.goto('/');
  await expect(page.locator('[data-testid="model-card"]')).toHaveCount(3);
  expect(errors).toEqual([]);
});

/** Each size, weight, style and family of the text under `selector` (laid out, seen or not). */
const textStyles = (page, selector) => page.evaluate((selector) => {
  const styles = new Set();
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!node.textContent.trim() || parent.closest('option, script, style, template')) continue;
      // Seen, or in the warm-up, which is laid out but hidden.
      if (!parent.checkVisibility() && !parent.closest('.font-warmup')) continue;
      const s = getComputedStyle(parent);
      styles.add(`${s.fontSize} ${s.fontWeight} ${s.fontStyle} ${s.fontFamily}`);
    }
  }
  return [...styles].sort();
}, selector);

// start.js lays the first screen's text styles out while the wasm
// downloads, so that the app's first layout finds each size and weight's
// font made: with the header it draws before the wasm, its list must cover
// what the first screen (the header, the results and the form) shows, or
// the font is made in that layout again.
for (const [query, width] of [['?lang=ja', 412], ['?embed=1', 412], ['?lang=ru', 1280]]) {
  test(`${query} at ${width} px: the fonts warmed before the wasm are every one the first screen shows`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`/${query}`);
    await page.locator('main:not([aria-busy="true"])').waitFor();
    const shown = await textStyles(page, 'header.top, main > .results, main > .inputs');
    expect(shown.length).toBeGreaterThan(5);

    // A context of its own: the first page's service worker would serve
    // the wasm past the route that holds it back.
    const without = await browser.newContext({ viewport: { width, height: 900 } });
    const before = await without.newPage();
    await before.route((url) => isMainWasm(url), (route) => route.abort('connectionfailed'));
    await before.goto(`/${query}`);
    const warm = before.locator('.font-warmup');
    await expect(warm).toHaveAttribute('aria-hidden', 'true');
    await expect(warm.locator('> *')).toHaveCount(5);
    expect(await warm.evaluate((el) => el.getBoundingClientRect().height)).toBe(0);
    const warmed = await textStyles(before, 'body');
    expect(shown.filter((style) => !warmed.includes(style))).toEqual([]);
    await context.close();
    await without.close();
  });
}
