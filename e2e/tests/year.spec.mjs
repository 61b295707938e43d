// The year on the page, in each language: a preset chosen, the buyer's own
// months typed and pasted, the twelve-month chart and its table, the hiring
// plan, and the link that carries the months. Every figure is checked
// against the model's own `months` (examples/quote.rs) for the page's link.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { openApp, axeClean, amount, round3, settled, mountBelow } from './helpers.mjs';

const QUOTE_BIN = new URL('../../target/release/examples/quote', import.meta.url).pathname;
const modelOutcome = (query) => JSON.parse(execFileSync(QUOTE_BIN, [query], { encoding: 'utf8' })).outcome;
const linkOf = (page) => new URL(page.url()).search.slice(1);

const OWN = [1.2, 1, 1, 0.8, 1, 1, 2.5, 2.5, 1, 1, 1, 1.1];
const LANGS = {
  en: {
    decimal: (x) => String(x),
    // A spreadsheet row.
    paste: OWN.join('\t'),
    january: 'January',
    december: 'One busy month: December',
    names: { dedicated: 'Dedicated', combined: 'Combined' },
    overtime: ' hours of overtime',
  },
  ja: {
    decimal: (x) => String(x),
    // A spreadsheet column.
    paste: `${OWN.join('\n')}\n`,
    january: '1月',
    december: '繁忙月は12月のみ',
    names: { dedicated: '専任型', combined: '併用型' },
    overtime: '時間の残業',
  },
  ru: {
    decimal: (x) => String(x).replace('.', ','),
    // A row with decimal commas, as a Russian spreadsheet copies it.
    paste: OWN.map((x) => String(x).replace('.', ',')).join('\t'),
    january: 'январь',
    december: 'Один пиковый месяц: декабрь',
    names: { dedicated: 'Выделенная команда', combined: 'Гибрид' },
    overtime: ' ч сверхурочно',
  },
};

/** Pastes `text` into a box as the clipboard would. */
async function paste(box, text) {
  await box.evaluate((el, data) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, text);
}

const monthBoxes = (page) => page.locator('#months-panel input');
const rowsOf = (table) => table.locator('tbody tr')
  .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));

/** The chart's table and lines against the model's months for the page's link. */
async function expectChartMatches(page) {
  const o = modelOutcome(linkOf(page));
  const chart = page.getByTestId('year-costs');
  await expect(chart.locator('svg g.year-series')).toHaveCount(3);
  for (const kind of ['shared', 'dedicated', 'combined']) {
    await expect(chart.locator(`g.year-series[data-series="${kind}"] circle`)).toHaveCount(12);
  }
  const details = chart.locator('details');
  // An open <details> has open="", which is falsy.
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await expect(details).toHaveAttribute('open', '');
  const table = chart.locator('table');
  await expect(table.locator('tbody tr')).toHaveCount(13);
  const rows = await rowsOf(table);
  rows.forEach((row, i) => {
    const figures = ['shared', 'dedicated', 'combined'].map((k) => (i < 12 ? o[k].months[i].cost : o[k].first_year_cost));
    expect(row.slice(1).map(amount), `row ${i}`).toEqual(figures.map((x) => Math.round(round3(x))));
  });
  return o;
}

/** The hiring plan's tables against the model's months. */
async function expectPlanMatches(page, o, w) {
  const plan = page.getByTestId('hiring-plan');
  const dedicated = await rowsOf(plan.locator('[data-testid="plan-table"][data-model="dedicated"] table'));
  expect(dedicated.map((r) => r.slice(1).map(amount))).toEqual(o.dedicated.months.map((m) =>
    [m.agents, m.hired_agents, m.released_agents, Math.round(m.overtime_hours)]));
  const combined = await rowsOf(plan.locator('[data-testid="plan-table"][data-model="combined"] table'));
  expect(combined.map((r) => r.slice(1).map(amount))).toEqual(o.combined.months.map((m) =>
    [m.agents, Math.round(m.pool_hours)]));
  // No own team entered, no table for one.
  await expect(plan.locator('[data-testid="plan-table"]')).toHaveCount(2);
  // The sentence names each team with its year-round size.
  const sentence = await plan.locator('.chart-note').textContent();
  expect(sentence).toContain(w.names.dedicated);
  expect(sentence).toContain(String(o.dedicated.billed_agents));
  expect(sentence).toContain(w.names.combined);
  // A team whose need runs past its last whole agent works that part as
  // overtime every month, and the plan says how many hours.
  const planned = [o.dedicated, o.combined].filter((r) => r.planned_overtime_hours > 0);
  expect(planned.length, 'the default team works its last fraction as overtime').toBeGreaterThan(0);
  for (const r of planned) {
    expect(sentence).toContain(`${Math.max(1, Math.round(r.planned_overtime_hours))}${w.overtime}`);
  }
  // Bars: the year-round team in each month, seasonal agents on top where there are any.
  await expect(plan.locator('svg rect.bar:not(.bar-seasonal)')).toHaveCount(12);
  await expect(plan.locator('svg rect.bar-seasonal'))
    .toHaveCount(o.dedicated.months.filter((m) => m.seasonal_agents > 0).length);
}

for (const [lang, w] of Object.entries(LANGS)) {
  test(`${lang}: a preset, the buyer's own months typed and pasted, the chart, the plan and the link`, async ({ page }) => {
    // Four scenarios priced, four axe runs and a reload: more than one
    // ordinary test's time on a loaded machine.
    test.slow();
    const problems = await openApp(page, `?v=1&lang=${lang}`);
    const season = page.locator('#f-season');
    // The default year (December at 1.3) is a preset of its own: named, no boxes.
    await expect(season).toHaveValue('december');
    await expect(season.locator('option:checked')).toHaveText(w.december);
    await expect(page.locator('#months-panel')).toBeHidden();

    // A preset: its months priced, no boxes shown.
    await season.selectOption('tax');
    await expect(page).toHaveURL(/season=tax/);
    await expect(page.locator('#months-panel')).toBeHidden();
    let o = await expectChartMatches(page);
    await expectPlanMatches(page, o, w);
    await axeClean(page);

    // "Your own months" starts from the preset's months.
    await season.selectOption('custom');
    await expect(monthBoxes(page)).toHaveCount(12);
    await expect(page.locator('#months-panel label').first()).toHaveText(w.january);
    await expect(page.locator('#f-month-2')).toHaveValue(w.decimal(1.5));
    await expect(page.locator('#f-month-4')).toHaveValue(w.decimal(2));
    await expect(page).toHaveURL(/season=tax/);
    await axeClean(page);

    // A value out of range: named beside its box, kept, the results stale.
    const july = page.locator('#f-month-7');
    await july.fill('9');
    await expect(page.locator('#f-month-7-note')).not.toBeEmpty();
    await expect(july).toHaveAttribute('aria-invalid', 'true');
    await expect(july).toHaveValue('9');
    await expect(page.getByTestId('stale-note')).toBeVisible();
    await expect(page).not.toHaveURL(/months=/);
    await july.fill(w.decimal(1.8));
    await expect(page.locator('#f-month-7-note')).toBeEmpty();
    await expect(page.getByTestId('stale-note')).toHaveCount(0);
    await expect(page).toHaveURL(/months=1,1\.5,1\.8,2,1,1,1\.8,1,1,1,1,1&/);

    // Twelve numbers pasted into any month fill all twelve.
    await paste(page.locator('#f-month-5'), w.paste);
    for (const [i, x] of OWN.entries()) await expect(page.locator(`#f-month-${i + 1}`)).toHaveValue(w.decimal(x));
    await expect(page).toHaveURL(new RegExp(`months=${OWN.join(',').replaceAll('.', '\\.')}`));
    o = await expectChartMatches(page);
    await expectPlanMatches(page, o, w);
    expect(o.dedicated.months[6].seasonal_agents).toBeGreaterThan(0);
    await axeClean(page);

    // A paste of other than twelve numbers changes nothing and says why.
    await paste(page.locator('#f-month-1'), '1\t2\t3');
    await expect(page.locator('#f-month-1-note')).toContainText('3');
    await expect(page.locator('#f-month-1')).toHaveValue(w.decimal(1.2));
    await expect(page).toHaveURL(new RegExp(`months=${OWN.join(',').replaceAll('.', '\\.')}`));

    // The link brings the months back: boxes, chart and plan.
    await page.goto(page.url());
    await settled(page);
    await mountBelow(page);
    await expect(season).toHaveValue('custom');
    for (const [i, x] of OWN.entries()) await expect(page.locator(`#f-month-${i + 1}`)).toHaveValue(w.decimal(x));
    const back = await expectChartMatches(page);
    expect(back).toEqual(o);
    await expectPlanMatches(page, back, w);

    // A preset again puts the boxes away.
    await season.selectOption('flat');
    await expect(page.locator('#months-panel')).toBeHidden();
    await expect(page).toHaveURL(/season=flat/);
    expect(problems.consoleErrors).toEqual([]);
  });
}

test('present mode and scenarios side by side show the year', async ({ page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, '?v=1&season=summer');
  const o = modelOutcome('v=1&season=summer');
  const compare = page.getByTestId('scenario-compare');
  await compare.getByRole('button', { name: 'Save to compare' }).click();
  await page.locator('#f-season').selectOption('retail');
  await expect(page).toHaveURL(/season=retail/);
  await compare.getByRole('button', { name: 'Save to compare' }).click();
  await expect(compare.getByTestId('saved-scenario')).toHaveCount(2);
  await expect(compare.getByRole('rowheader', { name: 'Volume over the year' })).toBeVisible();
  await expect(compare).toContainText('Summer travel: June to August');
  await expect(compare).toContainText('Retail: November to January');
  // The set travels in the share link with each scenario's months.
  await page.getByTestId('copy-link').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/&cmp=2~.*season=summer.*season=retail/);
  const fresh = await (await browser.newContext()).newPage();
  await openApp(fresh, new URL(link).search);
  await expect(fresh.getByTestId('scenario-compare')).toContainText('Summer travel: June to August');
  await expect(fresh.getByTestId('scenario-compare')).toContainText('Retail: November to January');

  await page.goto('/?v=1&season=summer&present=1');
  const figures = page.getByTestId('present-first-year');
  await expect(figures).toHaveCount(3);
  const shown = (await figures.allTextContents()).map(amount);
  expect(shown).toEqual(['shared', 'dedicated', 'combined'].map((k) => Math.round(round3(o[k].first_year_cost))));
  await axeClean(page);
});

// A link from before the year had twelve months: `peak=` is read as
// December at its height, the notice says so in the page's language, the
// months boxes show it, and the link is rewritten with the twelve months.
// `peak=1` changes nothing to say: a flat year, no notice.
const READ_AS = {
  en: 'it is read as December at 1.6×',
  ja: '12月を1.6×',
  ru: 'он читается как декабрь с объёмом 1,6×',
};
test('an old peak= link is read as December at its height, and the notice says so', async ({ page }) => {
  for (const [lang, words] of Object.entries(READ_AS)) {
    await openApp(page, `?v=1&peak=1.6&lang=${lang}`);
    await expect(page.getByTestId('link-notice')).toContainText(words);
    await expect(page.locator('#f-season')).toHaveValue('custom');
    await expect(page.locator('#f-month-12')).toHaveValue(LANGS[lang].decimal(1.6));
    await expect(page).toHaveURL(/[?&]months=1,1,1,1,1,1,1,1,1,1,1,1\.6(&|$)/);
    await expectChartMatches(page);
    await axeClean(page);
  }
  await openApp(page, '?v=1&peak=1');
  await expect(page.locator('#f-season')).toHaveValue('flat');
  await expect(page.getByTestId('link-notice')).toHaveCount(0);
  // Nor the page's own default year, nor a peak a later season replaces.
  for (const quiet of ['?v=1&peak=1.3', '?v=1&peak=1.6&season=summer']) {
    await openApp(page, quiet);
    await expect(page.getByTestId('link-notice')).toHaveCount(0);
  }
});

// On a phone the hiring plan's tables fit their column in every language:
// no heading or figure behind a sideways scroll (Russian's "Сверхурочно, ч"
// pushed the dedicated team's overtime out of a 375 px screen).
test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });
  for (const lang of Object.keys(LANGS)) {
    test(`${lang}: the hiring plan's tables need no sideways scroll`, async ({ page }) => {
      await openApp(page, `?v=1&season=tax&own_agents=8&lang=${lang}`);
      const plan = page.getByTestId('hiring-plan');
      await plan.scrollIntoViewIfNeeded();
      const wraps = plan.locator('.table-wrap');
      await expect(wraps).toHaveCount(3);
      for (const wrap of await wraps.all()) {
        const [scroll, client] = await wrap.evaluate((e) => [e.scrollWidth, e.clientWidth]);
        expect(scroll, `${lang}: ${await wrap.locator('caption').innerText()}`).toBeLessThanOrEqual(client);
      }
    });
  }
});
