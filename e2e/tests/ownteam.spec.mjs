// The team a buyer already has, with the pool behind it (issue 23, point
// 4): typed into its closed section of the form, it brings a fourth card,
// a fourth column in the comparison and a fourth line in the year's chart
// and table, the link carries it there and back, and a link without one
// shows the three models as before. Figures come from the model itself
// (examples/quote.rs).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { openApp, axeClean, amount, round3, money, settled, mountBelow } from './helpers.mjs';

const QUOTE_BIN = new URL('../../target/release/examples/quote', import.meta.url).pathname;
const modelOutcome = (query) => JSON.parse(execFileSync(QUOTE_BIN, [query], { encoding: 'utf8' })).outcome;
const field = (page, name) => page.getByRole('textbox', { name, exact: false });
const cards = (page) => page.getByTestId('model-card');
const ownCard = (page) => page.locator('[data-testid="model-card"][data-model="own_team"]');
const isOwnChunk = (url) => /\/split_own-[0-9a-f]+\.wasm$/.test(url.pathname);
const rowsOf = (table) => table.locator('tbody tr')
  .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
const pagesOf = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

const WORDS = {
  en: { section: 'Your own team', agents: 'Agents in your team', opens: 'Your team opens', cost: 'Cost per agent-month', name: 'Your team + shared' },
  ja: { section: '自社のチーム', agents: '自社のオペレーター数', opens: '自社チームの開始時刻', cost: '1人月あたりの費用', name: '自社チーム＋共有' },
  ru: { section: 'Ваша команда', agents: 'Операторов в вашей команде', opens: 'Ваша команда: с', cost: 'Стоимость оператора в месяц', name: 'Ваша команда + пул' },
};

// Round the clock, three agents of the buyer's own on weekdays 09–18 at
// $3,000 a month each: the pool takes the nights, the weekends and the
// overflow, and the column is the cheapest that meets every target.
const BASE = 'h24=1';
const TEAM = 'own_agents=3&own_open=9&own_cost=3000';

for (const [lang, w] of Object.entries(WORDS)) {
  test(`a team of your own brings a fourth column, and the link carries it (${lang})`, async ({ page }) => {
    const outcome = modelOutcome(`v=1&${BASE}&${TEAM}`);
    const own = outcome.own_team;
    expect(own.kind).toBe('OwnTeam');
    expect(outcome.recommendation.model).toBe('OwnTeam');

    await openApp(page, `?lang=${lang}&${BASE}`);
    await expect(ownCard(page)).toHaveCount(0);
    const section = page.locator('details.section', { has: page.locator('summary', { hasText: w.section }) });
    await expect(section).not.toHaveAttribute('open', '');
    await section.locator('summary').click();
    await field(page, w.agents).fill('3');
    await field(page, w.opens).fill('9');
    await field(page, w.cost).fill('3000');

    await expect(cards(page)).toHaveCount(4);
    await expect(ownCard(page).getByRole('heading', { level: 2 })).toHaveText(w.name);
    await expect.poll(async () => amount(await ownCard(page).getByTestId('monthly-cost').innerText()))
      .toBe(Math.round(round3(own.monthly_cost)));
    await expect(ownCard(page)).toHaveClass(/recommended/);
    await expect(page.getByTestId('recommendation').getByRole('heading', { level: 2 })).toContainText(w.name);
    // The comparison: a fourth column, headed with the team's name.
    const heads = page.getByTestId('comparison').locator('thead th');
    await expect(heads).toHaveCount(4);
    await expect(heads.nth(3)).toHaveText(w.name);
    // The year: a fourth line of twelve months, and its column in the
    // table, the model's months to the dollar.
    const year = page.getByTestId('year-costs');
    await expect(year.locator('svg g.year-series')).toHaveCount(4);
    await expect(year.locator('g.year-series[data-series="own_team"] circle')).toHaveCount(12);
    await expect(year.locator('.legend li').nth(3)).toHaveText(w.name);
    await expect(year.locator('.chart-note').first()).toContainText(w.name);
    // The team's sentence follows the others' in the year's and the plan's
    // notes; Japanese puts no space after its full stop.
    for (const figure of [year, page.getByTestId('hiring-plan')]) {
      const note = figure.locator('.chart-note').first();
      await expect(note).toContainText(w.name);
      if (lang === 'ja') await expect(note).not.toHaveText(/。\s/);
    }
    await year.locator('details summary').click();
    await expect(year.locator('thead th').nth(4)).toHaveText(w.name);
    const rows = await rowsOf(year.locator('table'));
    expect(rows).toHaveLength(13);
    expect(rows.map((r) => amount(r[4]))).toEqual(
      [...own.months.map((m) => m.cost), own.first_year_cost].map((x) => Math.round(round3(x))));
    await axeClean(page);

    // The link, there and back.
    await expect(page).toHaveURL(/[?&]own_agents=3&own_open=9&own_cost=3000(&|$)/);
    const link = page.url();
    await page.goto('about:blank');
    await page.goto(link);
    await expect(cards(page)).toHaveCount(4);
    await expect.poll(async () => amount(await ownCard(page).getByTestId('monthly-cost').innerText()))
      .toBe(Math.round(round3(own.monthly_cost)));
    await page.locator('summary', { hasText: w.section }).click();
    await expect(field(page, w.agents)).toHaveValue('3');
    await expect(field(page, w.cost)).toHaveValue(/^3[,  ]?000$/);
    await expect(page.getByTestId('link-notice')).toHaveCount(0);
  });
}

test('no team, or a team that cannot be read: the three models as before, the bad value named', async ({ page }) => {
  await openApp(page, '?own_agents=0&own_cost=3000');
  await expect(ownCard(page)).toHaveCount(0);
  await expect(page.getByTestId('comparison').locator('thead th')).toHaveCount(3);
  await openApp(page, '?own_agents=2.5&own_open=20&own_close=9');
  await expect(ownCard(page)).toHaveCount(0);
  const notice = page.getByTestId('link-notice');
  await expect(notice).toContainText('own_agents=2.5');
  await expect(notice).toContainText('own_close=9');
});

test('a team that cannot meet its targets says how many agents would', async ({ page }) => {
  const query = 'phone_sl=95&chat_sl=95&own_agents=2&own_cost=3000';
  const outcome = modelOutcome(`v=1&${query}`);
  const needed = outcome.own_team_pool.agents_to_meet_targets;
  expect(needed).toBeGreaterThan(2);
  await page.goto(`/?${query}`);
  await expect(cards(page)).toHaveCount(4);
  await expect(ownCard(page)).toHaveAttribute('data-meets-targets', 'false');
  // Flagged as a team too small: the pool answers only its overflow.
  await expect(ownCard(page).getByTestId('card-flag')).toHaveText(/^Too few agents: answers \d+% of calls in time, not 95%$/);
  // What would change the answer, not a note.
  await expect(page.getByTestId('what-if')).toContainText(`With ${needed} agents your team + shared would meet every target.`);
  await expect(page.getByTestId('note').filter({ hasText: 'would meet every target' })).toHaveCount(0);
});

test('when no model meets every target, the count that would still says what would change the answer', async ({ page }) => {
  const query = 'phone_sl=95&chat_sl=95&seasonal=0&months=1,1,1,1,1,1,1,1,1,1,1,2&own_agents=2&own_cost=3000';
  const outcome = modelOutcome(`v=1&${query}`);
  expect(outcome.recommendation.meets_targets).toBe(false);
  const needed = outcome.own_team_pool.agents_to_meet_targets;
  expect(needed).toBeGreaterThan(2);
  await page.goto(`/?${query}`);
  await expect(cards(page)).toHaveCount(4);
  await expect(page.getByTestId('what-if').getByRole('listitem')).toHaveText([`With ${needed} agents your team + shared would meet every target.`]);
  await axeClean(page);
});

test('a team with a three-month summer: the pool for the summer, in the card and the year', async ({ page }) => {
  const query = 'phone=4000&chat=2500&email=1500&months=1,1,1,1,1,2,2,2,1,1,1,1&min=0'
    + '&own_agents=6&own_open=8&own_close=18&own_days=5&own_cost=3000';
  const own = modelOutcome(`v=1&${query}`).own_team;
  expect(own.months.length).toBe(12);
  expect(own.months[5].cost).toBeGreaterThan(own.months[0].cost);
  await openApp(page, `?${query}`);
  await expect(ownCard(page).getByTestId('peak-month-cost')).toHaveText(money(own.peak_month_cost));
  await expect(ownCard(page).getByTestId('first-year-cost')).toHaveText(money(own.first_year_cost));
  const year = page.getByTestId('year-costs');
  await year.locator('details summary').click();
  const rows = await rowsOf(year.locator('table'));
  // June to August dearer than the rest, alike to each other.
  const costs = rows.slice(0, 12).map((r) => amount(r[4]));
  expect(costs.slice(5, 8)).toEqual(Array(3).fill(Math.round(round3(own.months[5].cost))));
  expect(new Set([...costs.slice(0, 5), ...costs.slice(8)]).size).toBe(1);
  expect(costs[5]).toBeGreaterThan(costs[0]);
  // The hiring plan: the team all year, the pool's hours each month.
  const plan = page.getByTestId('hiring-plan');
  const planRows = await rowsOf(plan.locator('[data-testid="plan-table"][data-model="own_team"] table'));
  expect(planRows.map((r) => r.slice(1).map(amount))).toEqual(own.months.map((m) => [6, Math.round(m.pool_hours)]));
  expect(own.months[6].pool_hours).toBeGreaterThan(own.months[0].pool_hours);
  await expect(plan.locator('.chart-note')).toContainText('Your team + shared keeps its 6 agents all year');
  await axeClean(page);
});

// page.route does not see what a service worker fetches.
test.describe('while the own team\'s pricing is fetched', () => {
  test.use({ serviceWorkers: 'block' });

  test('its card says it is loading, with no figure, and the pick waits for it', async ({ page }) => {
    const outcome = modelOutcome(`v=1&${BASE}&${TEAM}`);
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(isOwnChunk, async (route) => { await held; await route.continue(); });
    await page.goto(`/?${BASE}&${TEAM}`);
    const card = ownCard(page);
    await expect(card).toHaveAttribute('aria-busy', 'true');
    await expect(card).toHaveAttribute('data-pending', 'true');
    await expect(card.getByRole('heading', { level: 2 })).toHaveText('Your team + shared');
    await expect(card.getByTestId('part-loading')).toHaveText('Loading…');
    await expect(card.getByTestId('monthly-cost')).toHaveCount(0);
    // The three are priced; which of the four fits is not known yet.
    await expect(cards(page)).toHaveCount(4);
    const rec = page.getByTestId('recommendation');
    await expect(rec).toHaveAttribute('data-pending', 'true');
    await expect(rec).toHaveAttribute('aria-busy', 'true');
    await expect(rec.getByTestId('pending-note')).toHaveText('Your team + shared is still loading: the pick may change once it is priced.');
    await expect(page.locator('.card.recommended')).toHaveCount(0);
    await axeClean(page);

    release();
    await expect(card.getByTestId('monthly-cost')).toHaveText(money(outcome.own_team.monthly_cost));
    await expect(card).not.toHaveAttribute('aria-busy', 'true');
    await expect(rec).toHaveAttribute('data-pending', 'false');
    await expect(rec.getByTestId('pending-note')).toHaveCount(0);
    await expect(card).toHaveClass(/recommended/);
    await expect(rec.getByRole('heading', { level: 2 })).toContainText('Your team + shared');
  });

  test('a chunk that cannot be fetched says so in the card, and its retry brings the column', async ({ page }) => {
    let failing = true;
    await page.route(isOwnChunk, (route) => (failing ? route.abort('connectionfailed') : route.continue()));
    await page.goto(`/?${BASE}&${TEAM}`);
    const card = ownCard(page);
    await expect(card.getByTestId('part-failed')).toContainText('This part could not load');
    await expect(card.getByTestId('monthly-cost')).toHaveCount(0);
    await expect(page.getByTestId('recommendation')).toHaveAttribute('data-pending', 'true');
    await axeClean(page);
    failing = false;
    await card.getByRole('button', { name: 'Try again' }).click();
    await expect(card.getByTestId('monthly-cost')).toBeVisible();
    await expect(page.getByTestId('recommendation')).toHaveAttribute('data-pending', 'false');
  });
});

test('the fourth column wherever the three models are: summary bar, breakdown, present mode, scenarios, printout', async ({ page }) => {
  const outcome = modelOutcome(`v=1&${BASE}&${TEAM}`);
  const own = outcome.own_team;
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/?${BASE}&${TEAM}`);
  await expect(ownCard(page).getByTestId('monthly-cost')).toHaveText(money(own.monthly_cost));
  await settled(page);
  await mountBelow(page);

  // The phone's summary bar: four costs, the pick marked.
  const bar = page.getByTestId('summary-bar');
  await expect(bar.locator('strong')).toHaveCount(4);
  await expect(bar.locator('strong').nth(3)).toHaveText(money(own.monthly_cost));
  await expect(bar.locator('span.best')).toContainText('Your team + shared');

  // Where the money goes: a fourth bar and column, the team's cost as labour.
  const breakdown = page.getByTestId('breakdown');
  await expect(breakdown.getByTestId('breakdown-bar')).toHaveCount(4);
  await expect(breakdown.locator('[data-testid="breakdown-bar"][data-model="own_team"]')).toHaveCount(1);
  await expect(breakdown.locator('thead th')).toHaveCount(4);
  await expect(breakdown.locator('thead th').nth(3)).toHaveText('Your team + shared');
  await expect(page.getByTestId('comparison').locator('thead th')).toHaveCount(4);
  await page.setViewportSize({ width: 1280, height: 900 });
  // Two by two beside the form, not three and one.
  const boxes = await cards(page).evaluateAll((all) => all.map((c) => Math.round(c.getBoundingClientRect().top)));
  expect(boxes[0]).toBe(boxes[1]);
  expect(boxes[2]).toBe(boxes[3]);
  await axeClean(page);

  // Scenarios side by side: the team's rows, a dash where a scenario has none.
  const compare = page.getByTestId('scenario-compare');
  await compare.getByRole('button', { name: 'Save to compare' }).click();
  await page.goto(`/?${BASE}`);
  await compare.getByRole('button', { name: 'Save to compare' }).click();
  await expect(compare.getByTestId('saved-scenario')).toHaveCount(2);
  const rows = await compare.locator('tbody tr').evaluateAll((trs) => trs.map((r) => [...r.children].map((c) => c.textContent.trim())));
  expect(rows).toContainEqual(['Your team + shared per month', money(own.monthly_cost), '—']);
  expect(rows.at(-1)[1]).toBe(`Your team + shared: ${money(own.first_year_cost)}`);
  await axeClean(page);

  // Present mode: the saved scenario with a team has four figures.
  await page.goto(`/?${BASE}&${TEAM}`);
  await expect(cards(page)).toHaveCount(4);
  await page.getByRole('button', { name: 'Present' }).click();
  const present = page.getByTestId('present');
  await expect(present.getByTestId('present-figure')).toHaveCount(4);
  await expect(present.locator('[data-model="own_team"] strong')).toHaveText(money(own.monthly_cost));
  await expect(present.locator('[data-model="own_team"]')).toHaveClass(/best/);
  await axeClean(page);
  await page.getByRole('button', { name: 'Back to the form' }).click();

  // The printout: four cards in one row, one page.
  await page.evaluate(() => localStorage.clear());
  await page.goto(`/?${BASE}&${TEAM}`);
  await expect(ownCard(page).getByTestId('monthly-cost')).toHaveText(money(own.monthly_cost));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-testid="model-card"]:visible')).toHaveCount(4);
  const tops = await cards(page).evaluateAll((all) => all.map((c) => Math.round(c.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  await expect(page.getByTestId('proposal-summary')).toContainText('Your team + shared');
  expect(pagesOf(await page.pdf({ format: 'A4', printBackground: false }))).toBe(1);
});
