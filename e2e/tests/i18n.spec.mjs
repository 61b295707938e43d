// Each language renders every text it has: no English left where Japanese
// or Russian should be, no placeholder or key showing, nothing overflowing
// its box at phone width. Screenshots of each are saved as artefacts.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { openApp, axeClean, round3, settled, mountBelow } from './helpers.mjs';

const TEXTS_BIN = new URL('../../target/release/examples/texts', import.meta.url).pathname;
const QUOTE_BIN = new URL('../../target/release/examples/quote', import.meta.url).pathname;
const TEXTS = JSON.parse(execFileSync(TEXTS_BIN, { encoding: 'utf8' }));
const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

/** Opens every section, every help text and the table views, so every text is on screen. */
async function showEverything(page) {
  const closed = page.locator('details:not([open]) > summary');
  while (await closed.count()) await closed.first().click();
  const help = page.locator('.help-toggle[aria-expanded="false"]');
  while (await help.count()) await help.first().click();
}

/** Text of every element whose own text is not empty, with where it is. */
function ownTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent.trim();
      if (text) out.push(text);
    }
    for (const e of document.querySelectorAll('[aria-label], [title]')) {
      out.push(e.getAttribute('aria-label') ?? '', e.getAttribute('title') ?? '');
    }
    return out.filter(Boolean);
  });
}

for (const lang of ['en', 'ja', 'ru']) {
  test(`${lang}: every text in the language, none overflowing at 375 px`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const problems = await openApp(page, `?lang=${lang}&phone=9000`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await showEverything(page);
    const shown = await ownTexts(page);
    expect(shown.filter((t) => /\{\d\}|[a-z]+_[a-z_]+/.test(t) && !/^\S+=/.test(t))).toEqual([]);
    if (lang !== 'en') {
      const own = new Set(Object.values(TEXTS[lang]));
      const english = Object.entries(TEXTS.en)
        .filter(([key, text]) => TEXTS[lang][key] !== text && !own.has(text) && text.length > 3)
        .map(([, text]) => text);
      expect(shown.filter((t) => english.includes(t))).toEqual([]);
    }
    // Labels, buttons and headings fit their boxes; tables scroll in their own wrapper.
    const overflowing = await page.evaluate(() => [...document.querySelectorAll('label, button, h1, h2, h3, legend, summary, p, dt, dd, option, .unit')]
      .filter((e) => !e.closest('.table-wrap, .heatmap-wrap, .visually-hidden') && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
      .map((e) => e.textContent.trim().slice(0, 40)));
    expect(overflowing).toEqual([]);
    const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(pageOverflow).toBeLessThanOrEqual(0);
    expect(problems.consoleErrors).toEqual([]);
    await axeClean(page);
    await page.screenshot({ path: `${ARTIFACTS}language-${lang}-375.png`, fullPage: true });
  });
}

for (const lang of ['en', 'ja', 'ru']) {
  test(`${lang}: nothing overflows at 320 px, even with seven-digit yen amounts`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    const problems = await openApp(page, `?lang=${lang}&cur=JPY&phone=90000`);
    await showEverything(page);
    const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(pageOverflow).toBeLessThanOrEqual(0);
    expect(problems.consoleErrors).toEqual([]);
  });
}

for (const lang of ['en', 'ja', 'ru']) {
  test(`${lang}: the phone's cost bar holds four seven-digit yen amounts at 320 px`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await openApp(page, `?lang=${lang}&cur=JPY&phone=90000&own_agents=8`);
    const bar = page.getByTestId('summary-bar');
    await expect(bar.locator('strong')).toHaveCount(4);
    await expect(bar.locator('strong').last()).toContainText(/[¥￥]/);
    const cells = await bar.locator('span').evaluateAll((spans) => spans.map((s) => {
      const box = s.getBoundingClientRect();
      const figure = s.querySelector('strong');
      return { left: box.left, right: box.right, fits: figure.scrollWidth <= s.clientWidth };
    }));
    for (const [i, cell] of cells.entries()) {
      expect(cell.left, `cell ${i}`).toBeGreaterThanOrEqual(0);
      expect(cell.right, `cell ${i}`).toBeLessThanOrEqual(320);
      expect(cell.fits, `cell ${i}`).toBe(true);
      if (i > 0) expect(cell.left, `cell ${i}`).toBeGreaterThanOrEqual(cells[i - 1].right);
    }
  });
}

test('numbers and money follow the language and the chosen currency', async ({ page }) => {
  await openApp(page, '?lang=ru&cur=RUB&fx=100');
  const cost = page.locator('[data-model="shared"][data-testid="model-card"] [data-testid="monthly-cost"]');
  await expect(cost).toHaveText(/^[\d\s\u00a0\u202f]+\s?₽$/);
  await page.getByLabel('Язык', { exact: true }).selectOption('ja');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByLabel('言語', { exact: true })).toBeFocused();
  await expect(cost).toHaveText(/^RUB\s?[\d,]+$|^[\d,]+\s?RUB$|^[\d,]+\s?₽$|^₽[\d,]+$/);
  await expect(page).toHaveURL(/lang=ja/);
});

test('typed text survives a language switch', async ({ page }) => {
  await openApp(page);
  await page.getByRole('textbox', { name: 'Phone calls' }).fill('lots');
  await page.getByLabel('Language', { exact: true }).selectOption('ru');
  // The English page, still up while the texts load, would pass what follows.
  await expect(page.getByLabel('Язык', { exact: true })).toBeVisible();
  const phone = page.locator('#f-phone');
  await expect(phone).toHaveValue('lots');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('stale-note')).toBeVisible();
});

test('a Russian reader types a decimal comma', async ({ page }) => {
  await openApp(page, '?lang=ru');
  const closed = page.locator('form details:not([open]) > summary');
  while (await closed.count()) await closed.first().click();
  const ramp = page.locator('#f-ramp_w');
  await ramp.fill('1,5');
  await expect(ramp).toHaveAttribute('aria-invalid', 'false');
  await expect(page).toHaveURL(/ramp_w=1\.5/);
  // The hourly rate's unit in Russian, not the English "USD/h".
  await expect(page.locator('label[for="f-rate"] .unit')).toHaveText('USD/ч');
});

test('a currency and a typed rate convert every figure as you type', async ({ page }) => {
  await openApp(page);
  const cost = page.locator('[data-model="shared"][data-testid="model-card"] [data-testid="monthly-cost"]');
  const usd = JSON.parse(execFileSync(QUOTE_BIN, ['v=1'], { encoding: 'utf8' })).outcome.shared.monthly_cost;
  await page.getByLabel('Currency', { exact: true }).selectOption('EUR');
  // Quotes are typed in the currency shown, and say so.
  await expect(page.getByTestId('quote').first().locator('.unit')).toHaveText(['EUR', 'EUR']);
  const rate = page.getByRole('textbox', { name: 'EUR per US dollar' });
  await rate.fill('0.5');
  await expect(rate).toBeFocused();
  await expect(cost).toHaveText(`€${round3(usd / 2).toLocaleString('en-US')}`);
  await rate.fill('abc');
  await expect(rate).toHaveAttribute('aria-invalid', 'true');
  await expect(rate).toHaveValue('abc');
  await expect(page).toHaveURL(/cur=EUR&fx=0\.5/);
  // Figures stay at the last valid rate, and say so; the text survives a
  // language switch, and a valid rate clears it all.
  await expect(page.getByTestId('stale-note')).toBeVisible();
  await page.getByLabel('Language', { exact: true }).selectOption('ja');
  await expect(page.getByLabel('言語', { exact: true })).toBeVisible();
  await expect(page.locator('#f-fx')).toHaveValue('abc');
  await expect(page.locator('#f-fx')).toHaveAttribute('aria-invalid', 'true');
  await page.locator('#f-fx').fill('0.5');
  await expect(page.locator('#f-fx')).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('stale-note')).toHaveCount(0);
});

test('quotes typed before a language switch are still there after it, and remove cleanly', async ({ page }) => {
  const problems = await openApp(page);
  await page.getByRole('button', { name: 'Add a quote' }).click();
  const second = page.getByTestId('quote').nth(1);
  // The keyboard moves on to the new quote, ready for the vendor's name.
  await expect(second.getByRole('textbox', { name: 'Vendor' })).toBeFocused();
  await second.getByRole('textbox', { name: 'Price' }).fill('1.5');
  await page.getByLabel('Language', { exact: true }).selectOption('ja');
  // The page is drawn again in Japanese: its sections below mount as they
  // are scrolled to.
  await settled(page);
  await mountBelow(page);
  const again = page.getByTestId('quote').nth(1);
  await expect(again.locator('input[data-col="price"]')).toHaveValue('1.5');
  await expect(again.getByTestId('quote-flag')).toBeVisible();
  await again.locator('input[data-col="price"]').fill('2');
  await expect(again.locator('input[data-col="price"]')).toHaveValue('2');
  await again.locator('.remove-quote').click();
  await expect(page.getByTestId('quote')).toHaveCount(1);
  await expect(page.locator('#quote-add')).toBeFocused();
  await page.getByTestId('quote').first().locator('input[data-col="price"]').fill('0.8');
  await expect(page.getByTestId('quote').first().getByTestId('quote-flag')).toBeVisible();
  expect(problems.consoleErrors).toEqual([]);
});

test('a Japanese keyboard types full-width digits into the boxes', async ({ page }) => {
  const problems = await openApp(page, '?lang=ja');
  const phone = page.locator('#f-phone');
  // What an input method sends with full-width digits on.
  await phone.fill('１２，０００');
  await expect(phone).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('stale-note')).toHaveCount(0);
  await expect(page).toHaveURL(/phone=12000/);
  expect(problems.consoleErrors).toEqual([]);
});

test('a pasted amount is refused with the number to type, and the box keeps it', async ({ page }) => {
  const problems = await openApp(page);
  const phone = page.locator('#f-phone');
  const cost = page.getByTestId('monthly-cost').first();
  const before = await cost.textContent();
  await phone.fill('$12,000');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Not an amount: type 12000')).toBeVisible();
  await expect(phone).toHaveValue('$12,000');
  await expect(page.getByTestId('stale-note')).toBeVisible();
  await expect(cost).toHaveText(before);
  // A dollar amount in a money box is read; another currency is not.
  const rate = page.locator('#f-rate');
  await rate.fill('$22.50');
  await expect(rate).toHaveAttribute('aria-invalid', 'false');
  await rate.fill('22 €');
  await expect(page.getByText('Amounts are in US dollars: type the number alone')).toBeVisible();
  await expect(rate).toHaveValue('22 €');
  expect(problems.consoleErrors).toEqual([]);
});

test('Russian: "12,000" asks whether twelve or twelve thousand is meant', async ({ page }) => {
  const problems = await openApp(page, '?lang=ru');
  const phone = page.locator('#f-phone');
  await phone.fill('12,000');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('12000 или 12? Введите нужное')).toBeVisible();
  await expect(phone).toHaveValue('12,000');
  // Thousands grouped with a no-break space, as Russian writes them.
  await phone.fill('12\u00a0000');
  await expect(phone).toHaveAttribute('aria-invalid', 'false');
  await expect(page).toHaveURL(/phone=12000/);
  await phone.fill('abc');
  await expect(page.getByText('Введите число, например 4000')).toBeVisible();
  await axeClean(page);
  expect(problems.consoleErrors).toEqual([]);
});

// With no lang= in the link, the page speaks the first of the browser's
// own languages that it has; a link's lang= wins; a language it lacks
// leaves it in English.
for (const [locale, lang] of [['ja-JP', 'ja'], ['ru-RU', 'ru'], ['fr-FR', 'en']]) {
  test(`a browser set to ${locale} opens the page in ${lang}`, async ({ browser }) => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    expect(await page.evaluate(() => navigator.language)).toBe(locale);
    const problems = await openApp(page, '?phone=9000');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByTestId('copy-link')).toHaveText(TEXTS[lang].copy_link);
    await expect(page.getByRole('heading', { level: 2, name: TEXTS[lang].compare_title })).toBeVisible();
    // The choice is not written into the link: a reader elsewhere gets
    // their own browser's language.
    await expect(page).toHaveURL(/phone=9000/);
    expect(page.url()).not.toMatch(/lang=/);
    await openApp(page, '?lang=en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
}
