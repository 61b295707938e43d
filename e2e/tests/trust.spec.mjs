// A page a buyer can trust and forward (issue 22): a price that does not
// do the job is flagged in words wherever it shows; the words mean one
// thing everywhere; present mode keeps its figures on one line; the
// figures reconcile; in a frame and on a phone the results come first.
// Figures are checked against the model itself (examples/quote.rs).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { openApp, axeClean } from './helpers.mjs';

const QUOTE_BIN = new URL('../../target/release/examples/quote', import.meta.url).pathname;
const modelOf = (query) => JSON.parse(execFileSync(QUOTE_BIN, [query], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).outcome;
/** An estimate as the page shows it: three significant figures. */
const round3 = (x) => {
  if (x === 0) return 0;
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 2);
  return Math.round(x / scale) * scale;
};
const usd = (lang, x) => new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(round3(x));

// The enterprise preset as a link: 24/7 in four languages, onshore.
const ENTERPRISE = 'v=1&h24=1&pattern=flat&phone=20000&chat=12000&email=8000&region=onshore&rate=38&langs=en:55,es:20,de:15,fr:10';

const WORDS = {
  en: { monthUnserved: 'In December about', part: 'covers only part of the volume', meets: 'Meets every target', short: 'misses targets', row: 'Your targets', details: 'Details', summary: '24/7, onshore, 40,000 contacts', copied: 'Link copied', copy: 'Copy link' },
  ja: { monthUnserved: '12月に約', part: '一部の件数分のみ', meets: 'すべての目標を満たします', short: '目標未達', row: '目標の達成', details: '詳細', summary: '24/7、オンショア、月40,000件', copied: 'コピーしました', copy: 'リンクをコピー' },
  ru: { monthUnserved: 'обращений останутся без ответа (месяц:', part: 'покрывает лишь часть объёма', meets: 'Выполняет все цели', short: 'цели не выполнены', row: 'Ваши цели', details: 'Подробнее', summary: '24/7, оншор, обращений: 40\u00a0000', copied: 'Ссылка скопирована', copy: 'Копировать ссылку' },
};

for (const [lang, w] of Object.entries(WORDS)) {
  for (const width of [375, 1280]) {
    test(`a failing option is flagged in words wherever its price shows (${lang}, ${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      const outcome = modelOf(ENTERPRISE);
      expect(outcome.shared.qualifies).toBe(false);
      const problems = await openApp(page, `?lang=${lang}&preset=enterprise`);
      const card = (kind) => page.locator(`[data-testid="model-card"][data-model="${kind}"]`);
      // The card: its root says so, and its flag says what it misses.
      await expect(card('shared')).toHaveAttribute('data-meets-targets', 'false');
      const flag = card('shared').getByTestId('card-flag');
      await expect(flag).toBeVisible();
      await expect(flag).toContainText(w.monthUnserved);
      await expect(flag).toContainText(w.part);
      for (const kind of ['dedicated', 'combined']) {
        await expect(card(kind)).toHaveAttribute('data-meets-targets', 'true');
        await expect(card(kind).getByTestId('card-flag')).toHaveCount(0);
      }
      // The charts' labels and the comparison.
      await expect(page.locator('[data-testid="breakdown-bar"]')).toHaveCount(3);
      await expect(page.getByTestId('bar-flag')).toHaveCount(1);
      await expect(page.getByTestId('bar-flag')).toHaveText(w.short);
      await expect(page.getByTestId('legend-flag')).toHaveCount(1);
      const row = page.getByTestId('comparison').getByRole('row').filter({ hasText: w.row });
      await expect(row.getByRole('cell').nth(0)).toContainText(w.part);
      await expect(row.getByRole('cell').nth(1)).toHaveText(w.meets);
      // Present mode carries the same flag under the same price.
      await page.locator('#present-open').click();
      const figure = page.locator('[data-testid="present-figure"][data-model="shared"]');
      await expect(figure).toHaveAttribute('data-meets-targets', 'false');
      await expect(figure.getByTestId('card-flag')).toContainText(w.part);
      await expect(page.locator('[data-testid="present-figure"][data-meets-targets="true"]')).toHaveCount(2);
      await axeClean(page);
      expect(problems.consoleErrors).toEqual([]);
    });
  }
}

test('a price over the pool\'s cap says it covers only part of the volume, with how much goes unanswered', async ({ page }) => {
  const query = 'phone=30000&chat=0&email=0&pool_cap=20000';
  const outcome = modelOf(`v=1&${query}`);
  expect(outcome.shared.unserved_contacts).toBeGreaterThan(0);
  await openApp(page, `?${query}`);
  const flag = page.locator('[data-model="shared"] [data-testid="card-flag"]');
  await expect(flag).toContainText('Price covers only part of the volume');
  await expect(flag).toContainText(`about ${round3(outcome.shared.unserved_contacts).toLocaleString('en-US')} contacts a month go unanswered`);
});

test('a met target is never read as missed, and a missed one never as met', async ({ page }) => {
  // A base team, no seasonal hires, a December 46.4% busier than the base
  // month: overtime at its cap leaves 79.98% of calls in time, against 80%
  // (found by sweeping examples/quote; its emails miss too, by far).
  const query = 'peak=1.464&seasonal=0';
  const outcome = modelOf(`v=1&${query}`);
  const miss = outcome.dedicated.shortfalls.find((r) => r.kind === 'MissesMonthTarget' && r.channel === 'Phone');
  expect(miss.achieved_pct).toBeGreaterThan(79.5);
  expect(miss.achieved_pct).toBeLessThan(80);
  await openApp(page, `?${query}`);
  await expect(page.locator('[data-model="dedicated"] [data-testid="card-flag"]'))
    .toHaveText('Misses targets in December: answers 79% of calls in time, not 80%');
});

for (const [lang, w] of Object.entries({ en: { meets: 'meets every service target' }, ja: { meets: 'すべてのサービス目標を満たします' }, ru: { meets: 'выполняет все цели' } })) {
  test(`one meaning per word: a model that meets every target reads so on its card (${lang})`, async ({ page }) => {
    // Open one morning a week: most calls arrive when no model is asked
    // to answer, and none counts them against its service.
    const query = 'phone=2000&chat=1000&email=800&open=9&close=12&days=1&region=nearshore';
    const outcome = modelOf(`v=1&${query}`);
    await openApp(page, `?lang=${lang}&${query}`);
    await expect(page.getByTestId('recommendation')).toContainText(w.meets);
    const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
    for (const kind of ['shared', 'dedicated', 'combined']) {
      expect(outcome[kind].qualifies).toBe(true);
      expect(outcome[kind].within_target_pct).toBeGreaterThanOrEqual(80);
      const card = page.locator(`[data-testid="model-card"][data-model="${kind}"]`);
      await expect(card).toHaveAttribute('data-meets-targets', 'true');
      await expect(card.getByTestId('within-target')).toHaveText(pct.format(outcome[kind].within_target_pct / 100));
    }
    await axeClean(page);
  });
}

for (const [lang, label] of Object.entries({ en: 'Callers who hang up', ja: '放棄率', ru: 'Бросают, не дождавшись' })) {
  test(`every card says how many callers hang up before an answer, as the model reads it (${lang})`, async ({ page }) => {
    // A tiny programme: the dedicated team of one or two agents, busy with
    // emails, loses more than 9% of its calls and chats while it meets
    // its targets; the pool under 3%. A planner reads that beside the price.
    const query = 'phone=300&chat=200&email=300';
    const outcome = modelOf(`v=1&${query}`);
    expect(outcome.dedicated.abandonment_pct).toBeGreaterThan(9);
    expect(outcome.shared.abandonment_pct).toBeLessThan(3);
    await openApp(page, `?lang=${lang}&${query}`);
    const pct = new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    for (const kind of ['shared', 'dedicated', 'combined']) {
      const card = page.locator(`[data-testid="model-card"][data-model="${kind}"]`);
      const figure = card.getByTestId('abandoned');
      await expect(figure).toHaveText(pct.format(outcome[kind].abandonment_pct / 100));
      // Named beside the figure: its <dt> is the one before it.
      await expect(figure.locator('xpath=preceding-sibling::dt[1]')).toHaveText(label);
    }
    await axeClean(page);
  });
}

test('a what-if that changes nothing is never shown', async ({ page }) => {
  // Every hour of every day already: 24/7 would be the same pick at the same price.
  const outcome = modelOf('v=1&open=0&close=24&days=7');
  expect(outcome.what_if.hours).toBeNull();
  await openApp(page, '?open=0&close=24&days=7');
  await expect(page.getByTestId('what-if')).toBeVisible();
  await expect(page.getByTestId('what-if')).not.toContainText('With 24/7 coverage');
  // Where it does change the price, it is said.
  await openApp(page, '?open=9&close=12&days=1');
  await expect(page.getByTestId('what-if')).toContainText('With 24/7 coverage');
});

for (const [lang, w] of Object.entries({
  en: { read: '8,000 contacts a month, 7,200 reaching agents after 10% self-service.', reaching: 'reaching agents' },
  ja: { read: '月8,000件のうち、セルフサービス（10%）で解決する分を除いた7,200件がオペレーターに届きます。', reaching: 'オペレーターに届く' },
  ru: { read: 'Обращений в месяц: 8\u00a0000; после самообслуживания (10\u00a0%) до операторов доходит 7\u00a0200.', reaching: 'к операторам' },
})) {
  test(`figures reconcile: volumes, thresholds, reasons and rounding (${lang})`, async ({ page }) => {
    const query = 'phone=8000&chat=0&email=0&peak=1';
    const outcome = modelOf(`v=1&${query}`);
    await openApp(page, `?lang=${lang}&${query}`);
    // The contacts after self-service, where the volume is read.
    await expect(page.getByTestId('volume-read')).toHaveText(w.read);
    // One threshold for one question: the what-if's, not the break-even beside it.
    const count = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    const flip = outcome.what_if.volume_above;
    expect(flip.model).toBe('Dedicated');
    const rec = page.getByTestId('recommendation');
    await expect(page.getByTestId('what-if')).toContainText(count.format(flip.at));
    await expect(page.getByTestId('what-if')).toContainText(w.reaching);
    await expect(rec.getByTestId('reasons')).not.toContainText(count.format(outcome.break_even.contacts_per_month));
    expect(outcome.recommendation.reasons.map((r) => r.kind)).not.toContain('LowVolumeFavoursShared');
    // Estimates to three significant figures; the JSON export keeps them exact.
    for (const kind of ['shared', 'dedicated', 'combined']) {
      const card = page.locator(`[data-testid="model-card"][data-model="${kind}"]`);
      await expect(card.getByTestId('monthly-cost')).toHaveText(usd(lang, outcome[kind].monthly_cost));
      await expect(card.getByTestId('first-year-cost')).toHaveText(usd(lang, outcome[kind].first_year_cost));
    }
    await axeClean(page);
  });
}

test('the recommendation reads as the pick: three reasons, then the details under a disclosure', async ({ page }) => {
  const outcome = modelOf(ENTERPRISE);
  const all = outcome.recommendation.reasons.length;
  expect(all).toBeGreaterThan(3);
  await openApp(page, '?preset=enterprise');
  const rec = page.getByTestId('recommendation');
  await expect(rec.getByRole('heading', { level: 2 })).toHaveText('Recommended: Combined');
  await expect(rec.getByTestId('reasons').locator('li')).toHaveCount(3);
  const more = rec.getByTestId('more-reasons');
  await expect(more.locator('li')).toHaveCount(all - 3);
  await expect(more.locator('li').first()).toBeHidden();
  await more.getByText('Details').click();
  await expect(more.locator('li').first()).toBeVisible();
  await axeClean(page);
  // Few reasons: no disclosure at all.
  await openApp(page, '?phone=2000&chat=1000&email=800&open=9&close=12&days=1');
  await expect(page.getByTestId('more-reasons')).toBeHidden();
});

// Present mode: every figure on one line at every width, language and
// currency; each scenario named by what it is; a link to copy.
const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'RUB'];
for (const [lang, w] of Object.entries(WORDS)) {
  test(`present mode keeps each figure on one line from 320 to 1920 px (${lang})`, async ({ page }) => {
    for (const cur of CURRENCIES) {
      // The largest presets' figures, and ten times the enterprise volume.
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`/?lang=${lang}&cur=${cur}&present=1&${ENTERPRISE}&phone=200000&chat=120000`);
      await expect(page.getByTestId('present')).toBeVisible();
      for (const width of [320, 375, 768, 1024, 1280, 1920]) {
        await page.setViewportSize({ width, height: 800 });
        const strong = page.locator('[data-testid="present-figure"] strong');
        await expect(strong).toHaveCount(3);
        const figures = await strong.evaluateAll((all) => all.map((e) => ({
          text: e.textContent,
          lines: Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)),
          overflows: e.scrollWidth > e.parentElement.clientWidth,
          size: parseFloat(getComputedStyle(e).fontSize),
        })));
        for (const f of figures) {
          expect(f, `${cur} at ${width} px`).toMatchObject({ lines: 1, overflows: false });
          // Big enough to read across a room.
          expect(f.size, `${f.text} at ${width} px`).toBeGreaterThanOrEqual(20);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      }
    }
  });

  test(`present mode names the scenario by what it is and copies its link (${lang})`, async ({ page }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page, `?lang=${lang}&preset=enterprise&cmp=1~Scenario%202*phone=900~Our%20busy%20year*phone=30000`);
    await page.locator('#present-open').click();
    const present = page.getByTestId('present');
    await expect(present.getByRole('heading', { level: 1 })).toHaveText(w.summary);
    await expect(present.getByTestId('present-summary')).toHaveCount(0);
    // A saved scenario keeps a name a person gave it, with what it is below.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(present.getByRole('heading', { level: 1 })).toHaveText('Our busy year');
    await expect(present.getByTestId('present-summary')).toBeVisible();
    await present.getByRole('button', { name: w.copy }).click();
    await expect(present.getByTestId('copy-status')).toHaveText(w.copied);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/phone=20000/);
    expect(link).not.toMatch(/present=/);
    await axeClean(page);
  });
}

// Results first: in a frame on the demo host page, and on a phone.
const HOST = 'http://127.0.0.1:4174';
const APP = 'http://127.0.0.1:4175/tools/calc/';

for (const width of [360, 800]) {
  test(`in a ${width} px frame the first price, the recommendation and the host's button come first`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const app = `${APP}?embed=1&accent=0f766e&cta=${encodeURIComponent('Get this quote')}`;
    await page.goto(`${HOST}/embed.html?app=${encodeURIComponent(app)}`);
    const frame = page.frameLocator('#supportcalc');
    await expect(frame.locator('[data-testid="model-card"]')).toHaveCount(3);
    const inner = () => page.frames().find((f) => f.url().startsWith(APP));
    await expect.poll(() => inner().evaluate(() => document.querySelector('main[aria-busy="true"]') === null)).toBe(true);
    // The break-even's reasons come with the what-ifs, a task after the
    // figures: the places are measured once both are in.
    await expect(frame.getByTestId('what-if')).toHaveAttribute('data-state', 'ready');
    const box = (selector) => inner().evaluate((s) => {
      const r = document.querySelector(s).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left };
    }, selector);
    // The first price within the frame's first 600 px.
    expect((await box('[data-testid="monthly-cost"]')).bottom).toBeLessThanOrEqual(600);
    // The form after the results.
    expect((await box('form')).top).toBeGreaterThan((await box('[data-testid="recommendation"]')).bottom);
    // The host's button inside the recommendation, after its first reasons.
    const cta = frame.getByTestId('recommendation').getByTestId('cta');
    await expect(cta).toBeVisible();
    const ctaTop = (await box('[data-testid="cta"]')).top;
    expect(ctaTop).toBeGreaterThanOrEqual((await box('[data-testid="reasons"]')).bottom);
    expect(ctaTop).toBeLessThan((await box('[data-testid="what-if"]')).top);
    // Sections the host did not ask for stay closed.
    const folds = frame.getByTestId('fold');
    await expect(folds).toHaveCount(8);
    for (const fold of await folds.all()) await expect(fold).not.toHaveAttribute('open', '');
    await axeClean(page);
    // Opened, the chart's labels are at least 11 px on screen.
    await frame.locator('[data-section="curves"] > summary').click();
    await expect(frame.getByTestId('cost-curves').locator('svg text').first()).toBeVisible();
    const sizes = await inner().evaluate(() => [...document.querySelectorAll('[data-testid="cost-curves"] svg text')].map((t) => {
      const scale = t.ownerSVGElement.getScreenCTM().a;
      return parseFloat(getComputedStyle(t).fontSize) * scale;
    }));
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  });
}

test('a host that names its sections has them open, and no folds', async ({ page }) => {
  await page.goto(`${HOST}/embed.html?app=${encodeURIComponent(`${APP}?embed=1&show=results,curves`)}`);
  const frame = page.frameLocator('#supportcalc');
  await expect(frame.getByTestId('cost-curves')).toBeVisible();
  await expect(frame.getByTestId('fold')).toHaveCount(0);
});

test('on a phone the results come first and the chart labels stay readable; a laptop keeps the form beside them', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openApp(page);
  const top = async (sel) => (await page.locator(sel).first().boundingBox());
  expect((await top('[data-testid="monthly-cost"]')).y + 40).toBeLessThanOrEqual(800);
  expect((await top('form')).y).toBeGreaterThan((await top('[data-testid="recommendation"]')).y);
  const sizes = await page.locator('[data-testid="cost-curves"] svg text').evaluateAll((all) => all.map((t) => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a));
  // (The least of no sizes is Infinity.)
  expect(sizes.length).toBeGreaterThan(5);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  await axeClean(page);

  await page.setViewportSize({ width: 1280, height: 800 });
  const form = await top('form');
  const results = await top('[data-testid="results"]');
  expect(form.x + form.width).toBeLessThanOrEqual(results.x);
  expect(Math.abs(form.y - results.y)).toBeLessThan(40);
});

// On the enterprise preset the pool is over its cap only in December, and
// even with December's unanswered contacts paid at its rate it costs less
// than the pick: it is cheaper on its rate, so its saving is named with
// them priced in, never "cheaper only because it does not serve every
// contact" (what the page said, at a passing 84 %).
for (const [lang, priced, onlyBecause] of [
  ['en', 'even with the contacts it leaves unanswered paid at its own rate', 'only because'],
  ['ja', '未対応の問い合わせを同じ単価で対応したとしても', '対応しないからです'],
  ['ru', 'даже если оплатить по её же цене обращения, оставленные без ответа', 'только потому'],
]) {
  test(`${lang}: a pool cheaper on its rate is named with its saving, its unanswered contacts priced in`, async ({ page }) => {
    const outcome = modelOf(ENTERPRISE);
    const why = outcome.recommendation.reasons.find((r) => r.kind === 'CheaperButMisses' && r.model === 'Shared');
    expect(why.priced_unanswered).toBe(true);
    await openApp(page, `?lang=${lang}&preset=enterprise`);
    const reasons = page.getByTestId('reasons');
    await expect(reasons).toContainText(priced);
    await expect(page.getByTestId('recommendation')).not.toContainText(onlyBecause);
  });
}
