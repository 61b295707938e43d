// Present mode for a call or a shared screen: big figures, the advice and
// what would change it, the saved scenarios one at a time; keyboard only;
// Esc goes back to the form exactly as it was.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { openApp, openPresent, axeClean, round3, settled, mountBelow } from './helpers.mjs';

const QUOTE_BIN = new URL('../../target/release/examples/quote', import.meta.url).pathname;
const modelOf = (query) => JSON.parse(execFileSync(QUOTE_BIN, [query], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).outcome;
const money = (n) => `$${round3(n).toLocaleString('en-US')}`;
const SET = 'cmp=1~Today*phone=4000~Twice%20the%20calls*phone=8000';

for (const width of [1280, 375]) {
  test(`at ${width} px, keyboard only: present, step through, and back to the form as it was`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const problems = await openApp(page, `?v=1&phone=4000&${SET}`);
    // Something typed and not yet valid must survive the round trip.
    const chat = page.getByRole('textbox', { name: 'Chats' });
    await chat.fill('12a');
    await page.getByRole('button', { name: 'Present' }).focus();
    await page.keyboard.press('Enter');

    const present = page.getByTestId('present');
    await expect(present).toBeVisible();
    await expect(page.getByRole('button', { name: 'Back to the form' })).toBeFocused();
    await expect(page).toHaveURL(/present=1/);
    // No inputs: nothing to type into or pick on a shared screen.
    await expect(page.locator('input, select, textarea')).toHaveCount(0);
    // Named by what it is, not "This scenario".
    await expect(present.getByRole('heading', { level: 1 })).toHaveText(/^Mon–Fri 08:00–18:00, offshore, [\d,]+ contacts$/);
    await expect(present).toContainText('1 of 3');
    const figures = present.getByTestId('present-figure');
    await expect(figures).toHaveCount(3);
    await expect(present.getByTestId('recommendation')).toBeVisible();
    await expect(present.getByTestId('what-if')).toBeVisible();
    await axeClean(page);

    // → steps to the saved scenarios, with the model's figures for each.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(present.getByRole('heading', { level: 1 })).toHaveText('Twice the calls');
    await expect(present).toContainText('3 of 3');
    const twice = modelOf('v=1&phone=8000');
    for (const kind of ['shared', 'dedicated', 'combined']) {
      await expect(present.locator(`[data-model="${kind}"] strong`)).toHaveText(money(twice[kind].monthly_cost));
    }
    await expect(present.locator(`[data-model="${twice.recommendation.model.toLowerCase()}"]`)).toHaveClass(/best/);
    // ← wraps round.
    await page.keyboard.press('ArrowRight');
    await expect(present).toContainText('1 of 3');
    await page.keyboard.press('ArrowLeft');
    await expect(present).toContainText('3 of 3');

    await page.keyboard.press('Escape');
    await expect(present).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Present' })).toBeFocused();
    await expect(chat).toHaveValue('12a');
    await expect(chat).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('stale-note')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Phone calls' })).toHaveValue('4000');
    // The page is drawn again: its sections below mount as they are scrolled to.
    await mountBelow(page);
    await expect(page.getByTestId('saved-scenario')).toHaveCount(2);
    await expect(page).not.toHaveURL(/present=/);
    expect(problems.consoleErrors).toEqual([]);
  });
}

test('a link opens in present mode, the share link does not, and printing gives one page with the model\'s figures', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const problems = await openPresent(page, '?v=1&phone=12000&present=1');
  await page.getByRole('button', { name: 'Back to the form' }).click();
  await settled(page);
  await mountBelow(page);
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-status')).toHaveText('Link copied');
  // An empty clipboard would have no present= either.
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/[?&]phone=12000(&|$)/);
  expect(link).not.toMatch(/present=/);
  await page.getByRole('button', { name: 'Present' }).click();
  await page.emulateMedia({ media: 'print' });
  // What the printed page shows: each model's cost as the model has it,
  // the recommendation and its reasons.
  const model = modelOf('v=1&phone=12000');
  const present = page.getByTestId('present');
  for (const kind of ['shared', 'dedicated', 'combined']) {
    await expect(present.locator(`[data-model="${kind}"] strong`)).toBeVisible();
    await expect(present.locator(`[data-model="${kind}"] strong`)).toHaveText(money(model[kind].monthly_cost));
  }
  await expect(present.getByTestId('recommendation')).toBeVisible();
  await expect(present.getByTestId('recommendation')).toContainText(model.recommendation.model);
  const reasons = present.getByTestId('recommendation').locator('ul:not(.what-if) > li');
  await expect(reasons).toHaveCount(model.recommendation.reasons.length);
  expect(model.recommendation.reasons.length).toBeGreaterThan(0);
  await expect(reasons.first()).toBeVisible();
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format, printBackground: false });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
  }
  expect(problems.consoleErrors).toEqual([]);
});

test('a frame has no present mode', async ({ page }) => {
  await page.goto('/?embed=1&present=1');
  await expect(page.locator('[data-testid="model-card"]')).toHaveCount(3);
  await expect(page.getByTestId('present')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Present' })).toHaveCount(0);
});

test('at 320 px in Russian with yen, each big figure stays on one line', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto('/?lang=ru&cur=JPY&present=1&phone=900000');
  await expect(page.getByTestId('present')).toBeVisible();
  const lines = await page.locator('[data-testid="present-figure"] strong').evaluateAll((all) => all.map((e) => {
    const height = e.getBoundingClientRect().height;
    const line = parseFloat(getComputedStyle(e).lineHeight);
    return Math.round(height / line);
  }));
  expect(lines).toEqual([1, 1, 1]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
});
