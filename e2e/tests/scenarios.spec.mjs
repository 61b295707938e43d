// Scenarios side by side: a salesperson saves "today" and "with more
// volume", sees both with the model's figures for each, opens one, renames
// one, and sends the set as one link that a fresh browser opens.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { openApp, axeClean, round3, settled, mountBelow } from './helpers.mjs';

const QUOTE_BIN = new URL('../../target/release/examples/quote', import.meta.url).pathname;
const modelOf = (query) => JSON.parse(execFileSync(QUOTE_BIN, [query], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).outcome;
const panel = (page) => page.getByTestId('scenario-compare');
const phone = (page) => page.getByRole('textbox', { name: 'Phone calls' });
const money = (n) => `$${round3(n).toLocaleString('en-US')}`;

/** The table as text: each row's header and cells. */
const table = (page) => panel(page).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));

test('two saved scenarios show side by side with the model\'s figures, open, rename and remove', async ({ page }) => {
  const problems = await openApp(page);
  await expect(panel(page).getByRole('status')).toContainText('Save this scenario');
  await panel(page).getByRole('button', { name: 'Save to compare' }).click();
  await phone(page).fill('12000');
  await expect(page).toHaveURL(/phone=12000/);
  await panel(page).getByRole('button', { name: 'Save to compare' }).click();
  const heads = panel(page).getByTestId('saved-scenario');
  await expect(heads).toHaveCount(2);
  await expect(panel(page).getByRole('textbox', { name: 'Name of scenario 1' })).toHaveValue('Scenario 1');
  await expect(panel(page).getByRole('textbox', { name: 'Name of scenario 2' })).toHaveValue('Scenario 2');

  // Only the input that differs is listed, then the model's own costs.
  const rows = await table(page);
  expect(rows[0]).toEqual(['Phone calls', '4,000 per month', '12,000 per month']);
  const [a, b] = [modelOf('v=1'), modelOf('v=1&phone=12000')];
  expect(rows).toContainEqual(['Shared per month', money(a.shared.monthly_cost), money(b.shared.monthly_cost)]);
  expect(rows).toContainEqual(['Dedicated, first year', money(a.dedicated.first_year_cost), money(b.dedicated.first_year_cost)]);
  const pick = (o) => o.recommendation.model;
  expect(rows.at(-1)[0]).toBe('Recommended');
  expect(rows.at(-1)[1]).toContain(pick(a));
  // The smaller volume is the cheaper scenario.
  await expect(heads.nth(0)).toHaveClass(/cheapest/);
  await expect(heads.nth(0)).toContainText('Cheapest');

  // Renaming changes that column in place, and the buttons say so.
  const name = panel(page).getByRole('textbox', { name: 'Name of scenario 2' });
  await name.fill('Peak season');
  await name.press('Tab');
  await expect(panel(page).getByRole('button', { name: 'Open Peak season in the form' })).toBeFocused();

  // Opening one puts it in the form.
  await panel(page).getByRole('button', { name: 'Open Scenario 1 in the form' }).click();
  await expect(phone(page)).toHaveValue('4000');
  await axeClean(page);

  // At most four; then the button waits for a removal.
  const save = panel(page).getByRole('button', { name: 'Save to compare' });
  await save.click();
  await save.click();
  await expect(heads).toHaveCount(4);
  await expect(save).toBeDisabled();
  await expect(panel(page).getByRole('status')).toContainText('remove one');
  await panel(page).getByRole('button', { name: 'Remove Scenario 4' }).click();
  await expect(heads).toHaveCount(3);
  await expect(save).toBeEnabled();
  expect(problems.consoleErrors).toEqual([]);
});

test('the set travels in the share link and a fresh browser opens it; a reload keeps it', async ({ page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await panel(page).getByRole('button', { name: 'Save to compare' }).click();
  await page.getByLabel('Agent region').selectOption('onshore');
  await panel(page).getByRole('button', { name: 'Save to compare' }).click();
  await panel(page).getByRole('textbox', { name: 'Name of scenario 2' }).fill('Onshore');
  await panel(page).getByRole('textbox', { name: 'Name of scenario 2' }).press('Enter');
  await page.reload();
  await settled(page);
  await mountBelow(page);
  await expect(panel(page).getByTestId('saved-scenario')).toHaveCount(2);
  await expect(panel(page).getByRole('textbox', { name: 'Name of scenario 2' })).toHaveValue('Onshore');

  await page.getByTestId('copy-link').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/&cmp=2~Scenario%201\*~Onshore\*.*region=onshore.*~\*2$/);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const problems = await openApp(other, new URL(link).search);
  await expect(panel(other).getByTestId('saved-scenario')).toHaveCount(2);
  await expect(panel(other).getByRole('textbox', { name: 'Name of scenario 2' })).toHaveValue('Onshore');
  // A region brings its own rate: both differ.
  expect((await table(other)).map((r) => r[0]).slice(0, 2)).toEqual(['Hourly agent rate', 'Agent region']);
  await expect(other.getByTestId('link-notice')).toHaveCount(0);
  expect(problems.consoleErrors).toEqual([]);
  await fresh.close();
});

test('a bad set in a link is dropped whole, and named', async ({ page }) => {
  const problems = await openApp(page, '?cmp=1~Good*phone=100~Bad*phone=abc~no-star');
  await expect(page.getByTestId('link-notice')).toContainText('cmp=');
  await expect(panel(page).getByTestId('saved-scenario')).toHaveCount(0);
  await openApp(page, `?cmp=9~${'x'.repeat(100)}`);
  await expect(page.getByTestId('link-notice')).toContainText('cmp=');
  await expect(panel(page).getByTestId('saved-scenario')).toHaveCount(0);
  expect(problems.consoleErrors).toEqual([]);
});

for (const [lang, save, title] of [['ja', '比較用に保存', 'シナリオの比較'], ['ru', 'Сохранить для сравнения', 'Сценарии рядом']]) {
  test(`${lang}: scenarios side by side in the language`, async ({ page }) => {
    await openApp(page, `?lang=${lang}`);
    await expect(panel(page).getByRole('heading', { name: title })).toBeVisible();
    await panel(page).getByRole('button', { name: save }).click();
    await panel(page).getByRole('button', { name: save }).click();
    await expect(panel(page).getByTestId('saved-scenario')).toHaveCount(2);
    await axeClean(page);
  });
}

test('a cmp= link replaces the set saved in this browser, and the next visit finds the link\'s set', async ({ page }) => {
  const problems = await openApp(page);
  const save = panel(page).getByRole('button', { name: 'Save to compare' });
  await save.click();
  await phone(page).fill('12000');
  await expect(page).toHaveURL(/phone=12000/);
  await save.click();
  await phone(page).fill('30000');
  await expect(page).toHaveURL(/phone=30000/);
  await save.click();
  await expect(panel(page).getByTestId('saved-scenario')).toHaveCount(3);

  await openApp(page, '?v=1&cmp=1~Small*phone=100~Large*phone=2000;chat=0');
  const heads = panel(page).getByTestId('saved-scenario');
  await expect(heads).toHaveCount(2);
  await expect(panel(page).getByRole('textbox', { name: 'Name of scenario 1' })).toHaveValue('Small');
  await expect(panel(page).getByRole('textbox', { name: 'Name of scenario 2' })).toHaveValue('Large');
  const [small, large] = [modelOf('v=1&phone=100'), modelOf('v=1&phone=2000&chat=0')];
  expect(await table(page)).toContainEqual(['Shared per month', money(small.shared.monthly_cost), money(large.shared.monthly_cost)]);

  // Nothing of the old set is merged in or kept aside.
  await openApp(page, '?v=1');
  await expect(heads).toHaveCount(2);
  await expect(panel(page).getByRole('textbox', { name: 'Name of scenario 1' })).toHaveValue('Small');
  await expect(panel(page).getByRole('textbox', { name: 'Name of scenario 2' })).toHaveValue('Large');
  expect(problems.consoleErrors).toEqual([]);
});
