// Links, memory and exports: the scenario travels in the link and comes back
// exactly; hostile links cannot break or inject; downloads carry the
// figures on the page; the print view is one page.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { openApp, axeClean } from './helpers.mjs';

const QUOTE_BIN = new URL('../../target/release/examples/quote', import.meta.url).pathname;
const modelOutcome = (query) => JSON.parse(execFileSync(QUOTE_BIN, [query], { encoding: 'utf8' }));

/** Opens every closed section so every field can be seen and typed in. */
async function openSections(page) {
  const closed = page.locator('form details:not([open]) > summary');
  while (await closed.count()) await closed.first().click();
}

/** Every input's value and every figure of the results, to compare pages. */
async function snapshot(page) {
  await openSections(page);
  return page.evaluate(() => ({
    inputs: [...document.querySelectorAll('form input, form select')].map((e) =>
      `${e.id || e.getAttribute('aria-label')}=${e.type === 'checkbox' ? e.checked : e.value}`),
    results: [...document.querySelectorAll('[data-testid=results], [data-testid=breakdown], [data-testid=comparison], [data-testid=cost-curves] .chart-note')]
      .map((e) => e.innerText),
    curves: [...document.querySelectorAll('path.series')].map((p) => p.getAttribute('d')),
  }));
}

/** A new valid value for a field, away from its current one, inside its range hint. */
function nudge(value, hint) {
  const [min, max] = hint.split('–').map((s) => Number(s.replace(/[^0-9.]/g, '')));
  const current = Number(value);
  const step = Number.isInteger(current) && Number.isInteger(min) && Number.isInteger(max) ? 1 : 0.5;
  return String(current + step <= max ? current + step : current - step);
}

test('every field changed, the copied link opens the same page in a fresh browser', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  const historyLength = await page.evaluate(() => history.length);
  // The region first: choosing one sets its rate, which is a field too.
  await page.getByLabel('Agent region').selectOption('onshore');
  await page.getByLabel('When contacts arrive').selectOption('flat');
  await openSections(page);
  const fields = await page.locator('form .field:has(.hint) input').all();
  expect(fields.length).toBeGreaterThanOrEqual(40);
  for (const input of fields) {
    const hint = await input.locator('xpath=../p[@class="note"]').innerText();
    // Opening and closing hours move together so opening stays first.
    const id = await input.getAttribute('id');
    const value = await input.inputValue();
    const next = ['f-close', 'f-core_close'].includes(id) ? String(Number(value) + 1) : nudge(value, hint);
    await input.fill(next);
    await expect(input, `${id} takes ${next}`).toHaveAttribute('aria-invalid', 'false');
  }
  await page.getByRole('button', { name: 'Add a language' }).click();
  await page.getByRole('textbox', { name: 'Language code', exact: true }).last().fill('de');
  await page.getByRole('textbox', { name: 'Share of volume %' }).first().fill('70');
  await page.getByRole('textbox', { name: 'Share of volume %' }).last().fill('30');
  await page.getByLabel('Agents are multilingual').check();
  await page.getByLabel('24/7').check();
  await expect(page.getByTestId('stale-note')).toHaveCount(0);
  const before = await snapshot(page);

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-status')).toHaveText('Link copied');
  await axeClean(page);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('h24=1');
  // The address bar holds the same scenario, replaced rather than pushed.
  expect(new URL(page.url()).search).toBe(new URL(link).search);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const problems = await openApp(other, new URL(link).search);
  expect(await snapshot(other)).toEqual(before);
  await expect(other.getByTestId('link-notice')).toHaveCount(0);
  expect(problems.consoleErrors).toEqual([]);
  await fresh.close();
});

test('a reload without a query brings the last scenario back', async ({ page }) => {
  await openApp(page);
  await page.getByRole('textbox', { name: 'Phone calls' }).fill('12345');
  await expect(page).toHaveURL(/phone=12345/);
  await openApp(page, '');
  await expect(page.getByRole('textbox', { name: 'Phone calls' })).toHaveValue('12345');
});

const HOSTILE = [
  'phone=abc&chat=-5&email=1e9&h24=maybe&region=mars&pattern=<b>x</b>',
  'phone=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&lang=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  'accent=red;}body{display:none&show=%3Cb%3E&cur=BTC&fx=NaN',
  // Long, yet within what servers and CDNs accept in a request line.
  `phone=${'9'.repeat(6_000)}&chat=${'<'.repeat(500)}`,
  'langs=zz:50,<i>:50&open=25&close=-1&v=99',
  '%FF%FE%00=%E0%80&&&==&=&phone',
  'phone[]=1&phone=2&phone=3&__proto__=1&constructor=x',
];

function randomQuery(seed) {
  let x = seed;
  const rnd = (n) => { x = (x * 1103515245 + 12345) % 2 ** 31; return x % n; };
  const keys = ['phone', 'chat', 'email', 'rate', 'open', 'close', 'h24', 'langs', 'region', 'lang', 'cur', 'fx', 'embed', 'show', 'accent', 'zzz'];
  const junk = () => Array.from({ length: rnd(12) }, () => String.fromCharCode(32 + rnd(95))).join('');
  return Array.from({ length: 1 + rnd(8) }, () => `${keys[rnd(keys.length)]}=${encodeURIComponent(junk())}`).join('&');
}

for (const [i, query] of [...HOSTILE, ...Array.from({ length: 8 }, (_, k) => randomQuery(k + 1))].entries()) {
  test(`hostile link ${i} opens with defaults and a notice, nothing injected`, async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
    const problems = await openApp(page, `?${query}`);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
    await expect(page.locator('[data-testid="model-card"] [data-testid="monthly-cost"]').first()).toHaveText(/\d/);
    expect(await page.locator('img, script:not([type]), b, i').count()).toBe(0);
    expect(dialogs).toBe(0);
    const { warnings } = modelOutcome(query);
    if (warnings.length) {
      await expect(page.getByTestId('link-notice')).toBeVisible();
      if (i === 0) await axeClean(page);
      for (const w of warnings.slice(0, 3)) {
        await expect(page.getByTestId('link-notice')).toContainText(`${w.key}=`);
      }
    }
  });
}

function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r') { /* CRLF */ }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test('CSV and JSON downloads parse and carry the figures on the page', async ({ page }) => {
  await openApp(page, '?v=1&phone=9000&region=nearshore&cur=EUR&fx=0.5&chat=lots');
  // The notice can be dismissed; the export still reports the bad value.
  await page.getByTestId('link-notice').getByRole('button').click();
  await expect(page.getByTestId('link-notice')).toHaveCount(0);
  const shown = {};
  for (const model of ['shared', 'dedicated', 'combined']) {
    shown[model] = await page.locator(`[data-model="${model}"][data-testid="model-card"] [data-testid="monthly-cost"]`).innerText();
  }

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  expect(csvDownload.suggestedFilename()).toBe('supportcalc.csv');
  const csv = readFileSync(await csvDownload.path(), 'utf8').replace(/^\uFEFF/, '');
  const rows = parseCsv(csv);
  expect(rows[0][1]).toBe('Monthly cost (EUR)');
  const euro = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 });
  ['shared', 'dedicated', 'combined'].forEach((model, i) => {
    expect(euro.format(Math.round(Number(rows[i + 1][1])))).toBe(shown[model]);
  });
  expect(rows.find((r) => r[0] === 'Phone calls')[1]).toBe('9000');

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  const report = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
  const expected = modelOutcome('v=1&phone=9000&region=nearshore&chat=lots');
  expect(Object.keys(report)).toEqual(['scenario', 'warnings', 'outcome']);
  expect(report.scenario).toEqual(expected.scenario);
  expect(report.warnings).toEqual(expected.warnings);
  expect(report.warnings.map((w) => w.key)).toEqual(['chat']);
  for (const model of ['shared', 'dedicated', 'combined']) {
    expect(report.outcome[model].monthly_cost).toBeCloseTo(expected.outcome[model].monthly_cost, 6);
    expect(euro.format(Math.round(report.outcome[model].monthly_cost * 0.5))).toBe(shown[model]);
  }
  expect(report.outcome.recommendation).toEqual(expected.outcome.recommendation);
});

for (const format of ['A4', 'Letter']) {
  test(`the print view fits one ${format} page`, async ({ page }) => {
    await openApp(page, '?v=1&phone=12000&chat=4000');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format, printBackground: false });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);
  });
}
