// Links, memory and exports: the scenario travels in the link and comes back
// exactly; hostile links cannot break or inject; downloads carry the
// figures on the page; the print view is one page.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { openApp, settled, axeClean, round3, money, MODELS, breakdownOf, breakdownTable } from './helpers.mjs';

const QUOTE_BIN = new URL('../../target/release/examples/quote', import.meta.url).pathname;
/** The model's reading of each query: the example prints one pretty object per query, each opening a line with '{'. */
const modelOutcomes = (queries) => execFileSync(QUOTE_BIN, queries, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 })
  .split(/\n(?=\{)/).map((text) => JSON.parse(text));
const modelOutcome = (query) => modelOutcomes([query])[0];

/** Opens every closed section so every field can be seen and typed in. */
async function openSections(page) {
  const closed = page.locator('form details:not([open]) > summary');
  while (await closed.count()) await closed.first().click();
}

/** Every input's value and every figure of the results, to compare pages. */
async function snapshot(page) {
  await openSections(page);
  // An opened section may fetch its chunk: read the page once it is drawn.
  await settled(page);
  return page.evaluate(() => ({
    inputs: [...document.querySelectorAll('form input, form select')].map((e) =>
      `${e.id || e.getAttribute('aria-label')}=${e.type === 'checkbox' ? e.checked : e.value}`),
    results: [...document.querySelectorAll('[data-testid=results], [data-testid=breakdown], [data-testid=comparison], [data-testid=cost-curves] .chart-note')]
      // textContent, not innerText: below the viewport a section is not
      // rendered (content-visibility), and innerText is what is rendered.
      .map((e) => e.textContent),
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
  // Forty-odd fields typed and each one's results awaited: about 25 s alone,
  // over the default 30 s when the other worker loads the machine.
  test.slow();
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

// Each link, and the keys of the page's own in it that the page must name
// (the model names the rest, and ignores keys it does not read).
const HOSTILE = [
  ['phone=abc&chat=-5&email=1e9&h24=maybe&region=mars&pattern=<b>x</b>', []],
  ['phone=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&lang=%3Cscript%3Ealert(1)%3C%2Fscript%3E', ['lang']],
  ['accent=red;}body{display:none&show=%3Cb%3E&cur=BTC&fx=NaN', ['accent', 'show', 'cur', 'fx']],
  // Long, yet within what servers and CDNs accept in a request line.
  [`phone=${'9'.repeat(6_000)}&chat=${'<'.repeat(500)}`, []],
  ['langs=zz:50,<i>:50&open=25&close=-1&v=99', []],
  ['%FF%FE%00=%E0%80&&&==&=&phone', []],
  ['phone[]=1&phone=2&phone=3&__proto__=1&constructor=x', []],
];

for (const [i, [query, pageKeys]] of HOSTILE.entries()) {
  test(`hostile link ${i} opens as the model reads it, names each value it drops, nothing injected`, async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
    const problems = await openApp(page, `?${query}`);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
    await expect(page.locator('[data-testid="model-card"] [data-testid="monthly-cost"]').first()).toHaveText(/\d/);
    expect(await page.locator('img, script:not([type]), b, i').count()).toBe(0);
    expect(dialogs).toBe(0);
    const { scenario, warnings } = modelOutcome(query);
    await expect(page.getByRole('textbox', { name: 'Phone calls' })).toHaveValue(String(scenario.phone_per_month));
    const named = [...pageKeys, ...warnings.map((w) => w.key)];
    const notice = page.getByTestId('link-notice');
    if (named.length) await expect(notice).toBeVisible();
    else await expect(notice).toHaveCount(0);
    if (i === 0) await axeClean(page);
    for (const key of named) await expect(notice).toContainText(`${key}=`);
  });
}

for (const query of ['show=', 'show=,,,', 'show=curves,coverage']) {
  test(`a link showing no calculator (${query}) shows it all and names the list`, async ({ page }) => {
    const problems = await openApp(page, `?${query}`);
    await expect(page.locator('form.inputs')).toBeVisible();
    await expect(page.getByTestId('link-notice')).toContainText(`${query} (not one of the choices).`);
    expect(problems.consoleErrors).toEqual([]);
    // The page's own address drops it, so a reload shows no notice.
    expect(new URL(page.url()).search).not.toContain('show=');
    if (query === 'show=') await axeClean(page);
  });
}

// The fuzz: random hostile links from a seed, so any failure can be opened
// again (FUZZ_SEED, FUZZ_LINKS; scripts/fuzz.sh runs 5,000 with a new seed,
// and FUZZ_REPORT names a file that gets each failure).
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 13);
const FUZZ_LINKS = Number(process.env.FUZZ_LINKS ?? 320);
const FUZZ_BATCH = 40;

/** mulberry32: small, seedable, and the same in every Node version. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const PAGE_KEYS = ['show', 'lang', 'cur', 'fx', 'accent', 'preset', 'embed'];
const GOOD = {
  show: ['inputs', 'results', 'results,curves', 'inputs,share', 'curves', 'coverage,quotes'],
  lang: ['en', 'ja', 'ru-RU', 'RU'], cur: ['EUR', 'jpy', 'USD', 'RUB'], fx: ['0.9', '150', '1e-3', '100000'],
  accent: ['0f766e', '%23FFD60A', 'fff'], preset: ['saas', 'ecommerce', 'enterprise'], embed: ['1', '0', 'true'],
  phone: ['9000', '0', '1e5'], chat: ['100'], open: ['8'], close: ['20'], h24: ['1'], region: ['nearshore'],
  pattern: ['flat'], langs: ['en:50,ja:50', 'de:100'], v: ['1'], multi: ['1'],
  cta: ['Get a quote', '見積もりを依頼'], cmp: ['1~A*phone=100~B*phone=2000;h24=1'],
};
const OTHER_KEYS = ['phone', 'chat', 'email', 'rate', 'open', 'close', 'h24', 'langs', 'region', 'pattern', 'v', 'multi',
  '__proto__', 'constructor', 'zzz', '', 'SHOW', 'show[]', 'cta', 'cmp'];
// Not a good value of any page key, whatever the key: such a value must be named.
const HOSTILE_VALUES = [
  '', ',', ',,,', ' , ', 'maybe', 'xx', 'BTC', 'NaN', '-1', '0x1', 'Infinity', '1e999', 'cards', 'results;curves',
  '<script>window.__pwned=1</script>', '"><img src=x onerror="window.__pwned=1">', '<svg onload=alert(1)>',
  'javascript:alert(1)', 'red;}body{display:none}', 'url(http://example.com/x)', '#0f766e;x', '{{7*7}}',
  '\u202eevil', '\u0000', '%', '%E0%80', '../../etc/passwd', 'ｊａ', 'x'.repeat(300),
];
// Random text, full-width digits among it: whether a page key takes it is not asserted.
const JUNK = ['９', '，', ...' !"#$%&\'()*+,-./0123456789:;<=>?@AZaz[\\]^_`{|}~éж日\u00a0\u200b\ud83d\ude00'];

/** One link of the fuzz, and the page keys it gives a value that must be named. */
function fuzzLink(seed, index) {
  const rnd = generator(seed * 100_003 + index);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const pairs = [];
  const named = new Set();
  // After a raw '#' the rest of the link is a fragment the page never reads.
  let cut = false;
  for (let n = 1 + Math.floor(rnd() * 8); n > 0; n--) {
    const key = rnd() < 0.6 ? pick(PAGE_KEYS) : pick(OTHER_KEYS);
    const roll = rnd();
    let value;
    let hostile = false;
    if (roll < 0.3 && Object.hasOwn(GOOD, key)) value = pick(GOOD[key]);
    else if (roll < 0.75) { value = pick(HOSTILE_VALUES); hostile = true; }
    else value = Array.from({ length: Math.floor(rnd() * 16) }, () => pick(JUNK)).join('');
    // Mostly encoded, as a link builder writes it; sometimes raw, as a person
    // pastes it, where '&', '=', '#' and '%' change what the link says.
    const encoded = rnd() < 0.8;
    pairs.push(`${key}=${encoded ? encodeURIComponent(value) : value}`);
    if (hostile && encoded && !cut && PAGE_KEYS.includes(key)) named.add(key);
    if (!encoded && value.includes('#')) cut = true;
  }
  return { query: pairs.join('&'), named: [...named] };
}

/** Opens one link in an open page; what went wrong, in words. */
async function tryLink(page, seen, { query, named }) {
  Object.assign(seen, { consoleErrors: [], foreignRequests: [], dialogs: 0 });
  const failures = [];
  let response;
  try {
    response = await page.goto(`/?${query}`, { timeout: 10_000 });
  } catch (error) {
    return { failures: [`the page did not load: ${error.message.split('\n')[0]}`], search: null, notice: '' };
  }
  const calculator = page.locator('form.inputs, [data-testid="model-card"] [data-testid="monthly-cost"]');
  try {
    await expect(calculator.first()).toBeVisible({ timeout: 5_000 });
  } catch {
    failures.push('neither the form nor the results show');
  }
  // The notice comes in a chunk of its own, as do the sections below.
  try {
    await expect(page.getByTestId('part-loading')).toHaveCount(0, { timeout: 5_000 });
  } catch {
    failures.push('a part is still loading');
  }
  const shown = await page.evaluate(() => ({
    ran: window.__pwned !== undefined,
    injected: document.querySelectorAll('img, iframe, object, embed, script:not([type]), b, i, [onerror], [onload]').length,
    notice: document.querySelector('[data-testid="link-notice"]')?.innerText ?? '',
    figures: [...document.querySelectorAll('[data-testid="monthly-cost"]')].map((e) => e.innerText),
  }));
  if (seen.consoleErrors.length) failures.push(`console: ${seen.consoleErrors.join(' | ')}`);
  if (seen.foreignRequests.length) failures.push(`requests: ${seen.foreignRequests.join(' ')}`);
  if (seen.dialogs || shown.ran || shown.injected) {
    failures.push(`injected: ${seen.dialogs} dialogs, ${shown.injected} elements, script ran: ${shown.ran}`);
  }
  if (shown.figures.some((f) => !/\d/.test(f))) failures.push(`a card without a figure: ${shown.figures.join(', ')}`);
  for (const key of named) {
    if (!shown.notice.includes(`${key}=`)) failures.push(`the notice does not name ${key}: "${shown.notice}"`);
  }
  return { failures, search: new URL(response.url()).search, notice: shown.notice };
}

for (let from = 0; from < FUZZ_LINKS; from += FUZZ_BATCH) {
  const to = Math.min(from + FUZZ_BATCH, FUZZ_LINKS);
  test(`fuzz: hostile links ${from}–${to - 1} of seed ${FUZZ_SEED} leave a working page`, async ({ page }) => {
    test.setTimeout((to - from) * 4_000);
    const seen = {};
    // Each link opens as in a fresh browser, so a failure replays from its link alone.
    await page.addInitScript(() => localStorage.clear());
    page.on('console', (m) => { if (m.type() === 'error') seen.consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => seen.consoleErrors.push(String(e)));
    page.on('dialog', (d) => { seen.dialogs += 1; d.dismiss(); });
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== 'http://127.0.0.1:4173') seen.foreignRequests.push(r.url());
    });
    // Written as found, so a batch that times out still reports what it saw.
    const report = [];
    const record = (index, query, failures) => {
      const entry = `seed ${FUZZ_SEED} link ${index}: /?${query}\n  ${failures.join('\n  ')}`;
      report.push(entry);
      if (process.env.FUZZ_REPORT) appendFileSync(process.env.FUZZ_REPORT, `${entry}\n`);
    };
    const opened = [];
    for (let index = from; index < to; index++) {
      const link = fuzzLink(FUZZ_SEED, index);
      const { failures, search, notice } = await tryLink(page, seen, link);
      if (failures.length) record(index, link.query, failures);
      if (search !== null) opened.push({ index, query: link.query, search, notice });
    }
    // Every value the model could not use is named too: the model's own
    // reading of each link as the browser sent it.
    const outcomes = modelOutcomes(opened.map((o) => o.search));
    opened.forEach((o, k) => {
      const unnamed = outcomes[k].warnings.filter((w) => !o.notice.includes(`${w.key}=`));
      if (unnamed.length) record(o.index, o.query, unnamed.map((w) => `the notice does not name ${w.key}: "${o.notice}"`));
    });
    expect(report, report.join('\n')).toEqual([]);
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
  const peaks = {};
  for (const model of ['shared', 'dedicated', 'combined']) {
    const card = page.locator(`[data-model="${model}"][data-testid="model-card"]`);
    shown[model] = await card.getByTestId('monthly-cost').innerText();
    peaks[model] = await card.getByTestId('peak-month-cost').innerText();
  }

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^supportcalc-[0-9]+-contacts-nearshore-\d{4}-\d\d-\d\d\.csv$/);
  const csv = readFileSync(await csvDownload.path(), 'utf8').replace(/^\uFEFF/, '');
  const rows = parseCsv(csv);
  expect(rows[0][1]).toBe('Monthly cost (EUR)');
  expect(rows[0][2]).toBe('Peak-month cost (EUR)');
  const euro = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 });
  ['shared', 'dedicated', 'combined'].forEach((model, i) => {
    // The page shows estimates to three figures; the CSV keeps them exact.
    expect(euro.format(round3(Number(rows[i + 1][1])))).toBe(shown[model]);
    expect(euro.format(round3(Number(rows[i + 1][2])))).toBe(peaks[model]);
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
    expect(euro.format(round3(report.outcome[model].monthly_cost * 0.5))).toBe(shown[model]);
  }
  expect(report.outcome.recommendation).toEqual(expected.outcome.recommendation);
});

test('the printout shows the cards, the reasons and the breakdown as the model has them, on one page', async ({ page }) => {
  const query = 'v=1&phone=12000&chat=4000';
  await openApp(page, `?${query}`);
  await page.emulateMedia({ media: 'print' });
  const { outcome } = modelOutcome(query);
  for (const kind of MODELS) {
    const card = page.locator(`[data-model="${kind}"][data-testid="model-card"]`);
    await expect(card.getByTestId('monthly-cost')).toBeVisible();
    await expect(card.getByTestId('monthly-cost')).toHaveText(money(outcome[kind].monthly_cost));
    await expect(card.getByTestId('first-year-cost')).toHaveText(money(outcome[kind].first_year_cost));
  }
  const recommendation = page.getByTestId('recommendation');
  await expect(recommendation).toBeVisible();
  await expect(recommendation.locator('h2')).toContainText(outcome.recommendation.model);
  const reasons = recommendation.locator('ul:not(.what-if) > li');
  await expect(reasons).toHaveCount(outcome.recommendation.reasons.length);
  await expect(reasons.first()).toBeVisible();
  // The breakdown prints as its table (the bars are for the screen).
  const table = page.getByTestId('breakdown').locator('table');
  await expect(table).toBeVisible();
  const rows = await breakdownTable(page);
  expect(rows.map((r) => r.slice(1))).toEqual(breakdownOf(outcome).map((r) => r.amounts.map(money)));
  // The form is not printed.
  await expect(page.locator('form')).toBeHidden();
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format, printBackground: false });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length, format).toBe(1);
  }
});

// A browser without the clipboard API, or one that refuses it (a frame
// without the permission): the link is shown to copy by hand, selected
// as soon as it has focus.
for (const [what, clipboard] of [
  ['refused', '{ writeText: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")) }'],
  ['missing', 'undefined'],
]) {
  test(`a clipboard ${what}: the link to copy by hand, selected on focus`, async ({ page }) => {
    await page.addInitScript(`Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => ${clipboard} });`);
    const problems = await openApp(page, '?v=1&phone=12345');
    await page.getByTestId('copy-link').click();
    const status = page.getByTestId('copy-status');
    await expect(status).toContainText('Copy this link by hand:');
    await expect(status).not.toContainText('Link copied');
    const box = status.getByRole('textbox', { name: 'Copy this link by hand:' });
    await expect(box).toHaveAttribute('readonly', '');
    const link = await box.inputValue();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/\?v=1&phone=12345(&|$)/);
    await box.focus();
    expect(await box.evaluate((e) => [e.selectionStart, e.selectionEnd])).toEqual([0, link.length]);
    await axeClean(page);
    // The link opens the same page.
    await openApp(page, new URL(link).search);
    await expect(page.getByRole('textbox', { name: 'Phone calls' })).toHaveValue('12345');
    expect(problems.consoleErrors).toEqual([]);
  });
}
