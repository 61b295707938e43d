// The advice as a buyer reads it: the reasons name the trade, the "what
// would change the answer" block follows the form in every language, and
// the quote check reads a vendor's headcount. Figures are checked against
// the model itself (examples/quote.rs).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { openApp, axeClean } from './helpers.mjs';

const QUOTE_BIN = new URL('../../target/release/examples/quote', import.meta.url).pathname;
const modelOutcome = (query) => JSON.parse(execFileSync(QUOTE_BIN, [query], { encoding: 'utf8' })).outcome;
const field = (page, name) => page.getByRole('textbox', { name, exact: false });

const LANGS = {
  en: { phone: 'Phone calls', chats: 'Chats', emails: 'Emails and tickets', dedicated: 'Dedicated', shared: 'Shared' },
  ja: { phone: '電話', chats: 'チャット', emails: 'メール', dedicated: '専任', shared: '共有' },
  ru: { phone: 'Звонки', chats: 'Чаты', emails: 'Письма', dedicated: 'Выделенная', shared: 'Общая' },
};

for (const [lang, words] of Object.entries(LANGS)) {
  test(`what would change the answer follows the form (${lang})`, async ({ page }) => {
    await openApp(page, `?lang=${lang}&phone=100&chat=0&email=0`);
    const block = page.getByTestId('what-if');
    await expect(block).toBeVisible();
    const small = modelOutcome('v=1&phone=100&chat=0&email=0');
    expect(small.recommendation.model).toBe('Shared');
    // The stricter target at which a team of its own becomes the pick.
    const strict = small.what_if.service;
    expect(strict.looser).toBe(false);
    await expect(block).toContainText(new Intl.NumberFormat(lang).format(strict.targets[0].target_s));
    await expect(block.locator('li')).toHaveCount(2);

    // A small program typed in: the volume at which dedicated becomes the pick.
    const inputs = page.getByRole('form');
    await inputs.getByRole('textbox', { name: words.phone }).first().fill('1500');
    await inputs.getByRole('textbox', { name: words.chats }).first().fill('800');
    await inputs.getByRole('textbox', { name: words.emails }).first().fill('500');
    const mid = modelOutcome('v=1&phone=1500&chat=800&email=500');
    const above = mid.what_if.volume_above;
    expect(above.model).toBe('Dedicated');
    const count = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(above.at);
    await expect(block).toContainText(count);
    await expect(block).toContainText(words.dedicated);
    await axeClean(page);
  });
}

test('the reasons name the trade a cheaper pool offers', async ({ page }) => {
  // The pool commits to 80% in 30 s; the buyer asks for 80% in 20 s.
  await openApp(page, '?phone=300&chat=0&email=0&pool_t=30');
  const outcome = modelOutcome('v=1&phone=300&chat=0&email=0&pool_t=30');
  expect(outcome.recommendation.model).not.toBe('Shared');
  const rec = page.getByTestId('recommendation');
  await expect(rec).toContainText('Shared answers 80% of calls in 30 s; you asked for 80% in 20 s.');
  await expect(page.getByTestId('what-if')).toContainText('Shared becomes the pick if you accept 80% of calls in 30 s.');
  // Accepting it makes Shared the pick, as the block said.
  await page.getByText('Channels: handle times and targets').click();
  await field(page, 'Call target time').fill('30');
  await expect(page.locator('[data-model="shared"][data-testid="model-card"]')).toHaveClass(/recommended/);
  await axeClean(page);
});

test('the peak month shows on every card and a seasonal team is named', async ({ page }) => {
  await openApp(page, '?phone=30000&chat=0&email=0&pool_cap=2000000');
  const outcome = modelOutcome('v=1&phone=30000&chat=0&email=0&pool_cap=2000000');
  expect(outcome.recommendation.model).toBe('Dedicated');
  for (const model of ['shared', 'dedicated', 'combined']) {
    await expect(page.locator(`[data-model="${model}"] [data-testid="peak-month-cost"]`))
      .toHaveText('$' + Math.round(outcome[model].peak_month_cost).toLocaleString('en-US'));
  }
  await expect(page.getByTestId('recommendation'))
    .toContainText(`the team adds ${outcome.dedicated.seasonal_agents} seasonal agents`);
});

test('the quote check reads a vendor\'s headcount', async ({ page }) => {
  await openApp(page);
  const outcome = modelOutcome('v=1');
  const quote = page.getByTestId('quote').first();
  await quote.getByLabel('Priced').selectOption('month');
  await quote.getByRole('textbox', { name: 'Price' }).fill('2500');
  // Half the team the targets need: it falls short, and says by how much.
  const thin = Math.max(1, Math.round(outcome.dedicated.fte / 2));
  await quote.getByRole('textbox', { name: 'Agents' }).fill(String(thin));
  const staffing = quote.getByTestId('quote-staffing');
  await expect(staffing).toHaveAttribute('data-flag', 'short');
  await expect(staffing).toContainText(`${thin}.0 agents answer`);
  await expect(staffing).toContainText('not 80%');
  // What the targets need is enough.
  await quote.getByRole('textbox', { name: 'Agents' }).fill(String(Math.ceil(outcome.dedicated.fte)));
  await expect(staffing).toHaveAttribute('data-flag', 'enough');
  // Twice that is flagged as far above the need.
  await quote.getByRole('textbox', { name: 'Agents' }).fill(String(Math.ceil(2 * outcome.dedicated.fte)));
  await expect(staffing).toHaveAttribute('data-flag', 'far_above_need');
  await axeClean(page);
});

test('when no model meets the targets, the shortfalls say what to change, not the thresholds', async ({ page }) => {
  // A one-hour email window and a pool that takes almost nothing.
  await openApp(page, '?email_h=1&pool_cap=1000');
  const outcome = modelOutcome('v=1&email_h=1&pool_cap=1000');
  expect(outcome.recommendation.meets_targets).toBe(false);
  await expect(page.getByTestId('recommendation')).toContainText('No model meets every target');
  await expect(page.getByTestId('what-if')).toHaveCount(0);
  // Fixing the window brings the block back.
  await page.getByText('Channels: handle times and targets').click();
  await page.getByRole('textbox', { name: 'Email response window' }).fill('24');
  await expect(page.getByTestId('what-if')).toBeVisible();
});
