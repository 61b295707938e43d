// Teams as vendors build them, as a buyer reads them: a close call said as
// close, the calls and chats no model answers said where the reasons are,
// the core window among the what-ifs, and the choice of blended or
// specialised agents, in each language. Figures come from the model
// itself (examples/quote.rs).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { openApp, axeClean, round3 } from './helpers.mjs';

const QUOTE_BIN = new URL('../../target/release/examples/quote', import.meta.url).pathname;
const modelOutcome = (query) => JSON.parse(execFileSync(QUOTE_BIN, [query], { encoding: 'utf8' })).outcome;

const WORDS = {
  en: {
    names: { Shared: 'Shared', Dedicated: 'Dedicated', Combined: 'Combined' },
    closeCall: (a, b) => `A close call: ${a} or ${b}`,
    decide: 'Decide on what price does not show',
    outside: 'calls and chats a month arrive outside the hours you asked for',
    core: 'every day 08:00–20:00',
    staffing: 'Staffing',
    specialised: 'Specialised agents',
  },
  ja: {
    names: { Shared: '共有型', Dedicated: '専任型', Combined: '併用型' },
    closeCall: (a, b) => `僅差：${a}か${b}`,
    decide: '価格以外の点で決めてください',
    outside: 'ご指定の時間外に届く通話とチャットは毎月',
    core: '毎日08:00～20:00',
    staffing: '人員配置',
    specialised: 'チャネル別の専門オペレーター',
  },
  ru: {
    names: { Shared: 'Общий пул', Dedicated: 'Выделенная команда', Combined: 'Гибрид' },
    closeCall: (a, b) => `Почти равны: «${a}» и «${b}»`,
    decide: 'Решайте по тому, чего не видно в цене',
    outside: 'Звонков и чатов в месяц вне запрошенных часов',
    core: 'ежедневно 08:00–20:00',
    staffing: 'Штат',
    specialised: 'Узкие специалисты',
  },
};

// A mid-size programme round the clock: the pool and the combined model
// within the close-call band of each other.
const CLOSE = 'phone=10000&chat=6000&email=4000&h24=1';

for (const [lang, w] of Object.entries(WORDS)) {
  test(`a close call is said as close, with what should decide (${lang})`, async ({ page }) => {
    const outcome = modelOutcome(`v=1&${CLOSE}`);
    const rec = outcome.recommendation;
    expect(rec.close_call).toBe(true);
    await openApp(page, `?lang=${lang}&${CLOSE}`);
    const panel = page.getByTestId('recommendation');
    await expect(panel.getByRole('heading', { level: 2 }))
      .toHaveText(w.closeCall(w.names[rec.model], w.names[rec.runner_up]));
    await expect(panel).toHaveClass(/close-call/);
    await expect(panel).toContainText(w.decide);
    // The gap, as the model has it, in the page's money.
    const gap = rec.reasons.find((r) => r.kind === 'CloseCall').first_year_difference;
    const money = new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
    await expect(panel).toContainText(money.format(round3(gap)));
    await axeClean(page);
  });

  test(`the calls and chats outside the hours are said, and the core window is a lever (${lang})`, async ({ page }) => {
    const outcome = modelOutcome('v=1');
    expect(outcome.outside_hours_contacts).toBeGreaterThan(0);
    await openApp(page, `?lang=${lang}`);
    const count = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(outcome.outside_hours_contacts);
    const note = page.getByTestId('note').filter({ hasText: w.outside });
    await expect(note).toContainText(count);
    // 4,000 calls and 800 emails on weekdays 07–22, nearshore: a core team
    // every day 08–20 (on the requested hours, weekdays 08–20) makes
    // Combined cheaper, and the line says so with Combined's price.
    const query = 'open=7&close=22&phone=4000&chat=0&email=800&region=nearshore';
    const wide = modelOutcome(`v=1&${query}`);
    expect(wide.what_if.core_window).toMatchObject({ open: 8, close: 20, days: 7 });
    expect(wide.what_if.core_window.combined_monthly_cost).toBeLessThan(wide.combined.monthly_cost);
    const money = new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
    await openApp(page, `?lang=${lang}&${query}`);
    const line = page.getByTestId('what-if').locator('li').filter({ hasText: w.core });
    await expect(line).toContainText(money.format(round3(wide.what_if.core_window.combined_monthly_cost)));
    // Round the clock the cheapest other window costs Combined more, which
    // changes nothing: no line for it.
    const h24 = modelOutcome('v=1&h24=1');
    expect(h24.what_if.core_window).toBeNull();
    await openApp(page, `?lang=${lang}&h24=1`);
    await expect(page.getByTestId('what-if').locator('li').first()).toBeVisible();
    await expect(page.getByTestId('what-if')).not.toContainText(w.core);
    // Round the clock nothing arrives outside the hours.
    await expect(page.getByTestId('note').filter({ hasText: w.outside })).toHaveCount(0);
    await axeClean(page);
  });

  test(`a core window under which Combined stays the pick says so once, with its price (${lang})`, async ({ page }) => {
    // 50,000 calls, 2,000 chats and 1,000 emails on weekdays 08–23,
    // nearshore, busiest in the evening: a core team every day 08–20
    // makes Combined, already the pick, cheaper still.
    const query = 'phone=50000&chat=2000&email=1000&open=8&close=23&region=nearshore&pattern=extended';
    const o = modelOutcome(`v=1&${query}`);
    expect(o.recommendation.model).toBe('Combined');
    const c = o.what_if.core_window;
    expect(c).toMatchObject({ model: 'Combined', open: 8, close: 20, days: 7 });
    const money = new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
    const price = money.format(round3(c.monthly_cost));
    await openApp(page, `?lang=${lang}&${query}`);
    const line = page.getByTestId('what-if').locator('li').filter({ hasText: w.core });
    await expect(line).toContainText(price);
    // The price is said once, not as Combined's cost and again as the pick's.
    expect((await line.innerText()).split(price).length - 1).toBe(1);
  });

  test(`blended or specialised agents is the buyer's choice (${lang})`, async ({ page }) => {
    const blended = modelOutcome('v=1');
    const specialised = modelOutcome('v=1&spec=1');
    expect(specialised.dedicated.fte).toBeGreaterThan(blended.dedicated.fte);
    const fte = (x) => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);
    await openApp(page, `?lang=${lang}`);
    const card = page.locator('[data-model="dedicated"][data-testid="model-card"] [data-testid="fte"]');
    await expect(card).toHaveText(fte(blended.dedicated.fte));
    await page.getByText(w.staffing, { exact: true }).click();
    const box = page.getByRole('checkbox', { name: w.specialised });
    await expect(box).not.toBeChecked();
    await box.check();
    await expect(card).toHaveText(fte(specialised.dedicated.fte));
    // The choice travels in the link.
    await expect(page).toHaveURL(/[?&]spec=1/);
    await axeClean(page);
  });
}
