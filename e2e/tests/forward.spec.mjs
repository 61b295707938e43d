// A page a buyer can forward (issue 22): links that never invent a
// scenario and name what they drop and why; vendor quotes kept in the link
// and checked on the same work; downloads named and worded for a person;
// a printed proposal on one page; help from the field without extra Tab
// stops. In the three languages where there are words.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { openApp, axeClean, settled, mountBelow } from './helpers.mjs';

const TEXTS_BIN = new URL('../../target/release/examples/texts', import.meta.url).pathname;
const QUOTE_BIN = new URL('../../target/release/examples/quote', import.meta.url).pathname;
const TEXTS = JSON.parse(execFileSync(TEXTS_BIN, { encoding: 'utf8' }));
const modelOutcome = (query) => JSON.parse(execFileSync(QUOTE_BIN, [query], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const fill = (text, ...values) => values.reduce((t, v, i) => t.replaceAll(`{${i}}`, v), text);
const LANGS = ['en', 'ja', 'ru'];
const notice = (page) => page.getByTestId('link-notice');
const pagesOf = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

for (const lang of LANGS) {
  const t = TEXTS[lang];
  const listed = (...items) => fill(t.link_notice, items.join('; '));
  const item = (keyValue, why) => fill(t.link_item, keyValue, why);

  test(`a cut saved set is never shown as saved, and each dropped value is named with why (${lang})`, async ({ page }) => {
    // A set this browser saved stays as it was.
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('supportcalc:compare:v1', '2~Mine*phone=100~*1'));
    const cut = 'cmp=2~Today*phone=4000~Scenario%202*pho';
    const problems = await openApp(page, `?lang=${lang}&v=1&phone=5000&${cut}&langs=en:50,es:60`);
    await expect(notice(page)).toHaveText(new RegExp(
      [item('langs=en:50,es:60', fill(t.err_shares_sum, '110')), item('cmp=2~Today*phone=4000~Scenario 2*pho', t.link_why_cut)]
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('; '),
    ));
    const saved = page.getByTestId('scenario-compare').getByTestId('saved-scenario');
    await expect(saved).toHaveCount(1);
    await expect(page.getByTestId('scenario-compare').getByRole('textbox').first()).toHaveValue('Mine');
    await axeClean(page);

    // A version-1 link cut inside its last scenario names which one.
    await openApp(page, `?lang=${lang}&cmp=1~Today*phone=4000~Scenario%202*pho`);
    await expect(notice(page)).toContainText(item('cmp=1~Today*phone=4000~Scenario 2*pho', fill(t.link_why_scenario, '2')));
    await expect(notice(page).locator('p')).toHaveText(listed(item('cmp=1~Today*phone=4000~Scenario 2*pho', fill(t.link_why_scenario, '2'))));
    expect(problems.consoleErrors).toEqual([]);
  });
}

const percent = (lang, pct) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(pct / 100);
const usdCents = (lang, usd) => new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD' }).format(usd);
const decimal = (lang, text) => (lang === 'ru' ? text.replace('.', ',') : text);

for (const lang of LANGS) {
  const t = TEXTS[lang];
  test(`a quote is checked on the same work, kept in the link and across a reload (${lang})`, async ({ page, browser }) => {
    const { outcome } = modelOutcome('v=1&region=nearshore');
    const ours = outcome.shared.monthly_cost / outcome.shared.pool_minutes;
    const problems = await openApp(page, `?lang=${lang}&region=nearshore`);
    const quote = page.getByTestId('quote').first();
    await quote.getByRole('textbox', { name: t.vendor, exact: true }).fill('Acme, Manila');
    // Only the price is needed: no minutes, no agents.
    await quote.getByRole('textbox', { name: t.price }).fill(decimal(lang, '0.95'));
    const flag = quote.getByTestId('quote-flag');
    // $0.95 against our $0.92 a minute: about 3% above, in line.
    const off = Math.round((0.95 / ours - 1) * 100);
    expect(off).toBe(3);
    await expect(flag).toHaveAttribute('data-flag', 'in_line');
    await expect(flag).toHaveText(fill(t.flag_in_line_above, percent(lang, off)));
    await expect(quote.getByTestId('quote-minutes')).toHaveText(fill(t.quote_our_minute, usdCents(lang, ours)));
    await expect(page.getByTestId('quote-check').locator('.section-note')).toContainText(percent(lang, 10));
    await axeClean(page);

    // Kept in the address: a reload brings it back as typed.
    await expect(page).toHaveURL(/[?&]quotes=1~Acme%20Manila\*minute\*0\.95\*\*0~\*1$|[?&]quotes=1~Acme%2C%20Manila\*minute\*0\.95\*\*0~\*1$/);
    await page.reload();
    await settled(page);
    await mountBelow(page);
    const again = page.getByTestId('quote').first();
    await expect(again.getByRole('textbox', { name: t.price })).toHaveValue(decimal(lang, '0.95'));
    await expect(again.getByRole('textbox', { name: t.vendor, exact: true })).toHaveValue('Acme, Manila');
    await expect(again.getByTestId('quote-flag')).toHaveAttribute('data-flag', 'in_line');

    // The share link carries it to a fresh browser.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('copy-link').click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('quotes=1~');
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await openApp(other, new URL(link).search);
    await expect(other.getByTestId('quote').first().getByTestId('quote-flag')).toHaveText(fill(t.flag_in_line_above, percent(lang, off)));
    await expect(other.getByTestId('link-notice')).toHaveCount(0);
    await fresh.close();

    // Per agent-month without a headcount: priced on the agents we bill.
    await again.getByLabel(t.priced).selectOption('month');
    await again.getByRole('textbox', { name: t.price }).fill('3000');
    await expect(again.getByTestId('quote-flag')).toBeVisible();
    await expect(again.locator('.error')).toHaveCount(0);
    expect(problems.consoleErrors).toEqual([]);
  });
}

for (const lang of LANGS) {
  const t = TEXTS[lang];
  test(`a quote below our estimate at a published market price says so (${lang})`, async ({ page }) => {
    // Offshore our minute is $0.50, above the $0.35–0.45 shared desks
    // publish: a typical $0.40 is 20% below our estimate and a market price,
    // not a quote to distrust. $0.30 is below the market too.
    const { outcome } = modelOutcome('v=1');
    const ours = outcome.shared.monthly_cost / outcome.shared.pool_minutes;
    await openApp(page, `?lang=${lang}`);
    const quote = page.getByTestId('quote').first();
    const price = quote.getByRole('textbox', { name: t.price });
    const flag = quote.getByTestId('quote-flag');
    await price.fill(decimal(lang, '0.40'));
    await expect(flag).toHaveAttribute('data-flag', 'below');
    const off = percent(lang, Math.abs(Math.round((0.4 / ours - 1) * 100)));
    await expect(flag).toHaveText(fill(t.flag_below_published, off, usdCents(lang, 0.35), usdCents(lang, 0.45)));
    await price.fill(decimal(lang, '0.30'));
    await expect(flag).toHaveText(fill(t.flag_below, percent(lang, Math.abs(Math.round((0.3 / ours - 1) * 100)))));
    await axeClean(page);
  });
}

test('a typed quote keeps its value when the currency shown changes', async ({ page }) => {
  const problems = await openApp(page, '?region=nearshore');
  const quote = page.getByTestId('quote').first();
  const price = quote.getByRole('textbox', { name: 'Price' });
  const setup = quote.getByRole('textbox', { name: 'Setup fee' });
  await price.fill('0.95');
  await setup.fill('1000');
  const flag = quote.getByTestId('quote-flag');
  await expect(flag).toHaveAttribute('data-flag', 'in_line');
  const judged = await flag.textContent();
  const link = /quotes=1~[^&]*\*minute\*0\.95\*\*1000~\*1/;
  await expect(page).toHaveURL(link);

  // At the starting 0.9 euros to the dollar, the same quote reads in euros.
  await page.getByLabel('Currency', { exact: true }).selectOption('EUR');
  await expect(price).toHaveValue('0.855');
  await expect(setup).toHaveValue('900');
  await expect(flag).toHaveText(judged);
  await expect(page).toHaveURL(link);

  // Back in dollars, as typed.
  await page.getByLabel('Currency', { exact: true }).selectOption('USD');
  await expect(price).toHaveValue('0.95');
  await expect(setup).toHaveValue('1000');

  // Text that does not read stays as typed, with its message.
  await price.fill('0.9x');
  await page.getByLabel('Currency', { exact: true }).selectOption('JPY');
  await expect(price).toHaveValue('0.9x');
  await expect(setup).toHaveValue('150000');
  expect(problems.consoleErrors).toEqual([]);
});

test('a minute count off ours is said apart from the price, and bad or cut quotes in a link are named', async ({ page }) => {
  const { outcome } = modelOutcome('v=1&region=nearshore');
  await openApp(page, '?region=nearshore');
  const quote = page.getByTestId('quote').first();
  await quote.getByRole('textbox', { name: 'Price' }).fill('0.95');
  await quote.getByRole('textbox', { name: 'Minutes a month' }).fill('30000');
  const fewer = Math.round((1 - 30000 / outcome.shared.pool_minutes) * 100);
  await expect(quote.getByTestId('quote-minutes')).toContainText(`It counts 30,000 minutes a month, ${fewer}% fewer than our`);
  await expect(quote.getByTestId('quote-flag')).toHaveText('in line (3% above)');

  await openApp(page, '?quotes=1~A*minute*-1**0~B*minute*0.5**0~*2');
  await expect(notice(page)).toContainText('quotes=A*minute*-1**0 (quote 1 could not be read, so it is left out)');
  await expect(page.getByTestId('quote')).toHaveCount(1);
  await expect(page.getByTestId('quote').getByRole('textbox', { name: 'Vendor', exact: true })).toHaveValue('B');

  await openApp(page, '?quotes=1~A*minute*0.5**0~B*min');
  await expect(notice(page)).toContainText('quotes=1~A*minute*0.5**0~B*min (the link ends inside it, so none of it is used)');
  await expect(page.getByTestId('quote').getByRole('textbox', { name: 'Price' })).toHaveValue('');
  await axeClean(page);
});

test('CSV and JSON are named for the scenario and the day, with reasons, units and quotes in words', async ({ page }) => {
  await openApp(page, '?region=nearshore&quotes=1~Acme*minute*0.95**0~*1');
  const day = await page.evaluate(() => new Date().toLocaleDateString('sv'));
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  expect(csvDownload.suggestedFilename()).toBe(`supportcalc-8000-contacts-nearshore-${day}.csv`);
  const lines = readFileSync(await csvDownload.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  const reasons = await page.getByTestId('recommendation').locator('ul').first().locator('li').allInnerTexts();
  const at = lines.indexOf('Why this pick');
  expect(at).toBeGreaterThan(0);
  expect(lines[at + 1].replace(/^"|"$/g, '').replaceAll('""', '"')).toBe(reasons[0]);
  expect(lines).toContain('Phone calls,4000,per month');
  expect(lines).toContain('Agent region,"Nearshore (Latin America, Eastern Europe)"');
  expect(lines.some((l) => /^\d+\.\d{5,}/.test(l.split(',')[1] ?? ''))).toBe(false);
  expect(lines.find((l) => l.startsWith('Acme,'))).toMatch(/^Acme,Shared: price per handled minute,0\.9500,,0,\d+,\d+,in line \(3% above\)$/);

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  expect(jsonDownload.suggestedFilename()).toBe(`supportcalc-8000-contacts-nearshore-${day}.json`);
  const report = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
  expect(report.quotes).toHaveLength(1);
  expect(report.quotes[0]).toMatchObject({ named: { vendor: 'Acme', quote: { basis: { basis: 'per_minute', price_per_minute: 0.95 }, setup_fee: 0 } }, check: { flag: 'in_line' } });
});

for (const lang of LANGS) {
  const t = TEXTS[lang];
  for (const format of ['A4', 'Letter']) {
    test(`the printed proposal says the scenario, the date, the link and the quotes on one ${format} page (${lang})`, async ({ page }) => {
      const query = 'v=1&phone=9000&region=nearshore&h24=1';
      const { outcome } = modelOutcome(query);
      const off = Math.round((0.95 * outcome.shared.pool_minutes / outcome.shared.monthly_cost - 1) * 100);
      await openApp(page, `?lang=${lang}&${query}&quotes=1~Acme*minute*0.95**0~*1`);
      await page.emulateMedia({ media: 'print' });
      const proposal = page.getByTestId('proposal');
      await expect(proposal).toBeVisible();
      const day = await page.evaluate(() => new Date().toLocaleDateString('sv'));
      await expect(proposal).toContainText(fill(t.proposal_date, day));
      await expect(page.getByTestId('proposal-summary')).toContainText(t.proposal_round_the_clock);
      await expect(page.getByTestId('proposal-summary')).toContainText(new Intl.NumberFormat(lang).format(9000));
      // The pick's price reads as its card prints it, to the figures an
      // estimate carries, not a second, exact figure on the same page.
      const picked = page.locator('[data-testid="model-card"].recommended');
      for (const figure of ['monthly-cost', 'first-year-cost']) {
        await expect(page.getByTestId('proposal-summary')).toContainText(await picked.getByTestId(figure).innerText());
      }
      await expect(page.getByTestId('proposal-changed')).toContainText(t.region_label);
      await expect(page.getByTestId('proposal-link')).toContainText('phone=9000');
      await expect(page.getByTestId('proposal-link')).toContainText('quotes=1~Acme');
      await expect(page.getByTestId('proposal-quotes')).toContainText('Acme');
      await expect(page.getByTestId('proposal-quotes')).toContainText(fill(t.flag_in_line_above, percent(lang, off)));
      // The recommendation and the three cards print under it.
      await expect(page.getByTestId('recommendation')).toBeVisible();
      await expect(page.locator('[data-testid="model-card"]:visible')).toHaveCount(3);
      expect(pagesOf(await page.pdf({ format, printBackground: false }))).toBe(1);

      // With saved scenarios beside it, two pages at most; the enterprise preset, one.
      await openApp(page, `?lang=${lang}&v=1&phone=9000&cmp=2~Today*phone=4000~Twice*phone=8000;h24=1~*2`);
      await page.emulateMedia({ media: 'print' });
      expect(pagesOf(await page.pdf({ format, printBackground: false }))).toBeLessThanOrEqual(2);
      // The set above is kept in this browser: the preset alone is one page.
      await page.evaluate(() => localStorage.clear());
      await openApp(page, `?lang=${lang}&preset=enterprise`);
      await expect(page.getByTestId('scenario-compare').getByTestId('saved-scenario')).toHaveCount(0);
      await page.emulateMedia({ media: 'print' });
      expect(pagesOf(await page.pdf({ format, printBackground: false }))).toBe(1);
    });
  }
}

for (const lang of LANGS) {
  const t = TEXTS[lang];
  test(`help opens from its field on F1 or "?", without a Tab stop of its own (${lang})`, async ({ page }) => {
    await openApp(page, `?lang=${lang}`);
    const phone = page.locator('#f-phone');
    await phone.focus();
    await page.keyboard.press('Tab');
    // The next stop is the next field, not the "?" beside it.
    expect(await page.evaluate(() => document.activeElement.tagName)).toBe('INPUT');
    expect(await page.locator('.help-toggle').evaluateAll((all) => all.every((b) => b.tabIndex === -1))).toBe(true);
    const help = page.locator('#f-phone-help');
    await expect(help).toBeHidden();
    await phone.focus();
    await page.keyboard.press('F1');
    await expect(help).toHaveText(t.phone_help);
    await expect(help).toHaveAttribute('aria-live', 'polite');
    await expect(page.locator('.help-toggle[aria-controls="f-phone-help"]')).toHaveAttribute('aria-expanded', 'true');
    await axeClean(page);
    await page.keyboard.press('?');
    await expect(help).toBeHidden();
    await expect(phone).toHaveValue('4000');
    await expect(phone).toBeFocused();
  });
}
