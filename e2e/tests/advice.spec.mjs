// The advice as a buyer reads it: the reasons name the trade, the "what
// would change the answer" block follows the form in every language, and
// the quote check reads a vendor's headcount. Figures are checked against
// the model itself (examples/quote.rs).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { openApp, axeClean, round3 } from './helpers.mjs';

const QUOTE_BIN = new URL('../../target/release/examples/quote', import.meta.url).pathname;
const modelOutcome = (query) => JSON.parse(execFileSync(QUOTE_BIN, [query], { encoding: 'utf8' })).outcome;
const field = (page, name) => page.getByRole('textbox', { name, exact: false });

const LANGS = {
  en: { phone: 'Phone calls', chats: 'Chats', emails: 'Emails and tickets', Dedicated: 'Dedicated', Combined: 'Combined', Shared: 'Shared', clear: 'by more than a close call' },
  ja: { phone: '電話', chats: 'チャット', emails: 'メール', Dedicated: '専任', Combined: '併用', Shared: '共有', clear: '僅差ではなく明確に' },
  ru: { phone: 'Звонки', chats: 'Чаты', emails: 'Письма', Dedicated: 'Выделенная', Combined: 'Гибрид', Shared: 'Общий', clear: 'с явным перевесом' },
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
    // One line per lever the model names: the target, the hours, the core
    // window, each other region.
    const levers = (w) => [w.volume_below, w.volume_above, w.service, w.season_below, w.season_above, w.hours, w.core_window]
      .filter(Boolean).length + w.regions.length;
    await expect(block.locator('li')).toHaveCount(levers(small.what_if));

    // A mid-size program typed in: the volume at which a team of its own
    // becomes the pick, clear of a close call.
    const inputs = page.getByRole('form');
    await inputs.getByRole('textbox', { name: words.phone }).first().fill('6000');
    await inputs.getByRole('textbox', { name: words.chats }).first().fill('3000');
    await inputs.getByRole('textbox', { name: words.emails }).first().fill('2000');
    const mid = modelOutcome('v=1&phone=6000&chat=3000&email=2000');
    const above = mid.what_if.volume_above;
    expect(above.model).not.toBe('Shared');
    const count = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(above.at);
    await expect(block).toContainText(count);
    // The volume line says the change is more than a close call: inside the
    // 5% band the cards may name either model, and the line holds its pick.
    const line = block.locator('li').filter({ hasText: count });
    await expect(line).toContainText(words[above.model]);
    await expect(line).toContainText(words.clear);
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
  // A pool that takes little: a team of its own, with seasonal agents for
  // the peak, is the only model that serves it.
  await openApp(page, '?phone=30000&chat=0&email=0&pool_cap=20000');
  const outcome = modelOutcome('v=1&phone=30000&chat=0&email=0&pool_cap=20000');
  expect(outcome.recommendation.model).toBe('Dedicated');
  for (const model of ['shared', 'dedicated', 'combined']) {
    await expect(page.locator(`[data-model="${model}"] [data-testid="peak-month-cost"]`))
      .toHaveText('$' + round3(outcome[model].peak_month_cost).toLocaleString('en-US'));
  }
  await expect(page.getByTestId('recommendation'))
    .toContainText(`adds up to ${outcome.dedicated.seasonal_agents} seasonal agents`);
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
  // A peak of three times the volume with no seasonal hires, and a pool
  // that takes almost nothing.
  await openApp(page, '?peak=3&seasonal=0&pool_cap=1000');
  const outcome = modelOutcome('v=1&peak=3&seasonal=0&pool_cap=1000');
  expect(outcome.recommendation.meets_targets).toBe(false);
  await expect(page.getByTestId('recommendation')).toContainText('No model meets every target');
  await expect(page.getByTestId('what-if')).toHaveCount(0);
  // A flat year brings the block back.
  expect(modelOutcome('v=1&season=flat&seasonal=0&pool_cap=1000').recommendation.meets_targets).toBe(true);
  await page.locator('#f-season').selectOption('flat');
  await expect(page.getByTestId('what-if')).toBeVisible();
});
