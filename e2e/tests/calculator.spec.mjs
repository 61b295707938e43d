// The calculator as a prospect or a salesperson uses it: fill the form,
// read the numbers, try presets, make mistakes, check a quote. Numbers on
// the page are checked against the model itself (examples/quote.rs).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { openApp, amount, axeClean, round3, money, MODELS, breakdownOf, breakdownTable } from './helpers.mjs';

const QUOTE_BIN = new URL('../../target/release/examples/quote', import.meta.url).pathname;
const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

/** The model's outcome for a link query, straight from the Rust model. */
function modelOutcome(query) {
  return JSON.parse(execFileSync(QUOTE_BIN, [query], { encoding: 'utf8' }));
}

const field = (page, name) => page.getByRole('textbox', { name, exact: false });
const card = (page, model) => page.locator(`[data-model="${model}"][data-testid="model-card"]`);

test('the numbers shown are the model\'s for the scenario typed', async ({ page }) => {
  await openApp(page);
  await field(page, 'Phone calls').fill('9,000');
  await field(page, 'Chats').fill('3000');
  await field(page, 'Emails and tickets').fill('500');
  await page.getByLabel('24/7').check();
  await page.getByLabel('Agent region').selectOption('nearshore');
  const { outcome } = modelOutcome('v=1&phone=9000&chat=3000&email=500&h24=1&region=nearshore&rate=22');
  for (const model of ['shared', 'dedicated', 'combined']) {
    const expected = outcome[model];
    const c = card(page, model);
    await expect(c.getByTestId('monthly-cost')).toHaveText('$' + round3(expected.monthly_cost).toLocaleString('en-US'));
    await expect(c.getByTestId('first-year-cost')).toHaveText('$' + round3(expected.first_year_cost).toLocaleString('en-US'));
    await expect(c.getByTestId('fte')).toHaveText(expected.fte.toFixed(1));
  }
  await expect(card(page, outcome.recommendation.model.toLowerCase())).toHaveClass(/recommended/);
  await axeClean(page);
});

test('a preset fills the form and reset brings the defaults back', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: /Enterprise 24\/7/ }).click();
  await expect(field(page, 'Phone calls')).toHaveValue('20000');
  await expect(page.getByLabel('24/7')).toBeChecked();
  await expect(page.getByLabel('Agent region')).toHaveValue('onshore');
  await page.getByText('Languages', { exact: true }).click();
  await expect(page.getByTestId('languages').getByRole('textbox', { name: 'Language code', exact: true })).toHaveCount(3);
  await axeClean(page);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(field(page, 'Phone calls')).toHaveValue('4000');
  await expect(page.getByLabel('24/7')).not.toBeChecked();
});

test('an invalid value shows its message, keeps the text and leaves the results stale', async ({ page }) => {
  await openApp(page);
  const cost = card(page, 'shared').getByTestId('monthly-cost');
  const before = await cost.innerText();
  const phone = field(page, 'Phone calls');
  await phone.fill('2000000');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('At most 1,000,000')).toBeVisible();
  await expect(page.getByTestId('stale-note')).toBeVisible();
  await expect(cost).toHaveText(before);
  await expect(phone).toHaveValue('2000000');
  await axeClean(page);
  await phone.fill('5000');
  await expect(page.getByTestId('stale-note')).toHaveCount(0);
  await expect(cost).not.toHaveText(before);
});

test('closing before opening is caught, and fixing the other field clears it', async ({ page }) => {
  await openApp(page);
  await field(page, 'Opens').fill('19');
  await expect(field(page, 'Opens')).toHaveAttribute('aria-invalid', 'true');
  await field(page, 'Closes').fill('22');
  await expect(field(page, 'Opens')).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('stale-note')).toHaveCount(0);
});

test('arrow keys step a value for quick entry', async ({ page }) => {
  await openApp(page);
  const phone = field(page, 'Phone calls');
  await phone.focus();
  await phone.press('ArrowUp');
  await expect(phone).toHaveValue('4100');
  await phone.press('Shift+ArrowDown');
  await expect(phone).toHaveValue('3100');
  // The year's preset goes into the link by name.
  await page.locator('#f-season').selectOption('summer');
  await expect(page).toHaveURL(/season=summer(&|$)/);
});

test('charts: three cost curves, the break-even marker, a 7 x 24 heatmap, a bar per model', async ({ page }) => {
  await openApp(page);
  const curves = page.getByTestId('cost-curves');
  await expect(curves.locator('path.series')).toHaveCount(3);
  for (const model of ['shared', 'dedicated', 'combined']) {
    await expect(curves.locator(`path[data-series="${model}"]`)).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){5,}/);
  }
  const { outcome } = modelOutcome('v=1');
  expect(outcome.break_even.contacts_per_month).not.toBeNull();
  await expect(curves.getByTestId('break-even')).toHaveCount(1);
  await expect(page.getByTestId('coverage-heatmap').locator('tbody tr')).toHaveCount(7);
  await expect(page.getByTestId('coverage-heatmap').locator('tbody tr').first().locator('td')).toHaveCount(24);
  // The tabs switch the model shown; the pressed tab keeps the focus.
  const heatmap = page.getByTestId('coverage-heatmap');
  const tab = (name) => heatmap.getByRole('button', { name, exact: true });
  await tab('Shared').click();
  await expect(tab('Shared')).toHaveAttribute('aria-pressed', 'true');
  await expect(tab('Dedicated')).toHaveAttribute('aria-pressed', 'false');
  await expect(tab('Shared')).toBeFocused();
  await expect(heatmap.locator('td.cell.dedicated')).toHaveCount(0);
  expect(await heatmap.locator('td.cell.shared').count()).toBeGreaterThan(0);
  await tab('Dedicated').click();
  await expect(tab('Shared')).toHaveAttribute('aria-pressed', 'false');
  expect(await heatmap.locator('td.cell.dedicated').count()).toBeGreaterThan(0);
  await expect(page.getByTestId('breakdown-bar')).toHaveCount(3);
  await page.getByTestId('cost-curves').getByText('Show as a table').click();
  await expect(curves.locator('tbody tr')).toHaveCount(10);
  await axeClean(page);
});

test('a language row is added with the keyboard in its code, and removed', async ({ page }) => {
  await openApp(page);
  await page.getByText('Languages', { exact: true }).click();
  const editor = page.getByTestId('languages');
  const codes = editor.getByRole('textbox', { name: 'Language code', exact: true });
  await editor.getByRole('button', { name: 'Add a language' }).click();
  await expect(codes).toHaveCount(1);
  await expect(codes).toBeFocused();
  await page.keyboard.type('de');
  await expect(codes).toHaveValue('de');
  await editor.getByRole('button', { name: 'Remove language' }).last().click();
  await expect(codes).toHaveCount(0);
  await expect(editor.getByRole('button', { name: 'Add a language' })).toBeFocused();
  await expect(page.getByTestId('stale-note')).toHaveCount(0);
});

test('the break-even marker sits where the model puts it', async ({ page }) => {
  await openApp(page);
  await field(page, 'Phone calls').fill('20000');
  await field(page, 'Chats').fill('10000');
  await field(page, 'Emails and tickets').fill('5000');
  const { outcome } = modelOutcome('v=1&phone=20000&chat=10000&email=5000');
  expect(outcome.break_even.contacts_per_month).not.toBeNull();
  await expect(page.getByTestId('break-even')).toHaveCount(1);
  await expect(page.getByTestId('cost-curves').locator('.chart-note'))
    .toContainText(Math.round(outcome.break_even.contacts_per_month).toLocaleString('en-US'));
  // On the volume axis, the marker sits at the break-even volume: measured
  // from the axis' 0 tick, it is that volume's share of the way to the
  // line marking the reader's own volume.
  const curves = page.getByTestId('cost-curves');
  const x = async (locator, attribute) => Number(await locator.getAttribute(attribute));
  const zero = await x(curves.locator('text.tick[text-anchor="middle"]', { hasText: /^0$/ }), 'x');
  const marker = await x(page.getByTestId('break-even').locator('line'), 'x1');
  const now = await x(page.getByTestId('current-volume'), 'x1');
  expect(now - zero).toBeGreaterThan(50);
  expect((marker - zero) / (now - zero))
    .toBeCloseTo(outcome.break_even.contacts_per_month / outcome.contacts_per_month, 2);
});

test('where the money goes: each bar\'s parts and the table are the model\'s breakdown', async ({ page }) => {
  const query = 'v=1&phone=9000&chat=3000&email=500&pool_cap=400000&h24=1&langs=en:70,es:30';
  await openApp(page, `?${query}`);
  const { scenario, outcome } = modelOutcome(query);
  const expected = breakdownOf(outcome);
  // Labour, the premiums, leads, tools, setup and the pool's minutes.
  expect(expected.length).toBeGreaterThanOrEqual(6);
  const rows = await breakdownTable(page);
  expect(rows.map((r) => r.slice(1))).toEqual(expected.map((r) => r.amounts.map(money)));
  // Each bar: a part per item the model pays, in the table's order, named
  // and priced in its tooltip, as wide as its share of the dearest
  // model's month (widths to a tenth of a percent).
  const largest = Math.max(...MODELS.map((k) => Object.values(outcome[k].breakdown).reduce((a, b) => a + b, 0)));
  for (const [m, kind] of MODELS.entries()) {
    const parts = await page.locator(`[data-testid="breakdown-bar"][data-model="${kind}"] > span`).evaluateAll((spans) =>
      spans.map((e) => ({ title: e.getAttribute('title'), width: parseFloat(e.style.width) })));
    const paid = expected.map((r, i) => ({ label: rows[i][0], amount: r.amounts[m] })).filter((r) => r.amount > 0);
    expect(parts.map((p) => p.title)).toEqual(paid.map((r) => `${r.label}: ${money(r.amount)}`));
    parts.forEach((p, i) => expect(Math.abs(p.width - (100 * paid[i].amount) / largest)).toBeLessThanOrEqual(0.051));
  }
  // The comparison's volume limit is the scenario's own pool cap, for the
  // two models that use the pool.
  const cap = scenario.pool_cap_min.toLocaleString('en-US');
  expect(cap).toBe('400,000');
  const limit = page.getByTestId('comparison').locator('tbody tr').last().locator('td');
  await expect(limit.nth(0)).toContainText(cap);
  await expect(limit.nth(1)).not.toContainText(cap);
  await expect(limit.nth(2)).toContainText(cap);
});

test('a quote far above the estimate is flagged; one at the estimate is not', async ({ page }) => {
  await openApp(page);
  const { outcome } = modelOutcome('v=1');
  const quote = page.getByTestId('quote').first();
  await quote.getByLabel('Priced').selectOption('month');
  // A price a head is compared on the agents our team bills.
  const agents = outcome.dedicated.billed_agents;
  await quote.getByRole('textbox', { name: 'Agents' }).fill(String(agents));
  await quote.getByRole('textbox', { name: 'Price' }).fill(String(Math.round((outcome.dedicated.monthly_cost * 2) / agents)));
  await expect(quote.getByTestId('quote-flag')).toHaveAttribute('data-flag', 'above');
  await quote.getByRole('textbox', { name: 'Price' }).fill(String(Math.round(outcome.dedicated.monthly_cost / agents)));
  await expect(quote.getByTestId('quote-flag')).toHaveAttribute('data-flag', 'in_line');
  // The verdict follows the estimate as the form changes, in place: the
  // boxes of the quote are the same elements, with what was typed in them.
  const price = await quote.getByRole('textbox', { name: 'Price' }).elementHandle();
  // No calls: the price a head still compares in line, the headcount is
  // far above what the chats and emails need.
  expect(agents / modelOutcome('v=1&phone=0').outcome.dedicated.fte).toBeGreaterThan(1.5);
  await field(page, 'Phone calls').fill('0');
  await expect(quote.getByTestId('quote-staffing')).toHaveAttribute('data-flag', 'far_above_need');
  expect(await price.evaluate((e) => e.isConnected)).toBe(true);
  await axeClean(page);
});

for (const width of [375, 1280]) {
  test(`screenshot at ${width} px, no horizontal overflow`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openApp(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${ARTIFACTS}calculator-${width}.png`, fullPage: true });
  });
}

test('dark scheme passes axe too', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  await axeClean(page);
});

test('on a phone the summary bar keeps the three costs in sight, the recommended one marked', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openApp(page);
  const bar = page.getByTestId('summary-bar');
  await expect(bar).toBeVisible();
  await page.getByRole('textbox', { name: 'Phone calls' }).fill('20000');
  // The results and the address follow the keystroke after its paint.
  await expect(page).toHaveURL(/phone=20000/);
  for (const [i, model] of ['shared', 'dedicated', 'combined'].entries()) {
    const cost = await card(page, model).getByTestId('monthly-cost').innerText();
    await expect(bar.locator('strong').nth(i)).toHaveText(cost);
  }
  const { outcome } = modelOutcome('v=1&phone=20000');
  const best = ['Shared', 'Dedicated', 'Combined'].indexOf(outcome.recommendation.model);
  await expect(bar.locator('span.best')).toHaveCount(1);
  await expect(bar.locator('span').nth(best)).toHaveClass('best');
});
