// Shared by the specs: open the app, wait until the wasm has rendered, and
// collect console errors and requests that leave the page's own origin.
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

function watch(page) {
  const problems = { consoleErrors: [], foreignRequests: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => problems.consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== 'http://127.0.0.1:4173') {
      problems.foreignRequests.push(r.url());
    }
  });
  return problems;
}

/** A link that opens in present mode: no cards there, the big figures instead. */
export async function openPresent(page, query) {
  const problems = watch(page);
  await page.goto(`/${query}`);
  await expect(page.getByTestId('present')).toBeVisible();
  await expect(page.getByTestId('present-figure')).toHaveCount(3);
  return problems;
}

export async function openApp(page, query = '') {
  const problems = watch(page);
  await page.goto(`/${query}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The three models, and a fourth card for a team of the buyer's own
  // (a whole count of agents; a bad one is no team).
  const team = /[?&]own_agents=[1-9][0-9]*(&|$)/.test(query);
  await expect(page.locator('[data-testid="model-card"]')).toHaveCount(team ? 4 : 3);
  await settled(page);
  await mountBelow(page);
  return problems;
}

/** Waits until the first screen and the form are drawn: none mounting or loading. */
export async function settled(page) {
  // The form's sections are mounted a task at a time after the first
  // screen; `main` is busy until the last is. A page in Japanese or
  // Russian has no `main` until its texts' chunk is there.
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.locator('main[aria-busy="true"]')).toHaveCount(0);
  // Their code comes in wasm chunks, fetched as they are mounted or opened.
  await expect(page.getByTestId('part-loading')).toHaveCount(0);
  // The what-ifs follow the figures, a task later.
  await expect(page.locator('[data-testid="what-if"][aria-busy="true"]')).toHaveCount(0);
}

/** Mounts the sections below the results as a reader does, by scrolling
 * to each in turn (each mounts as it nears the viewport), then goes back
 * to the top. Sections in a closed fold (in a frame) stay as they are. */
export async function mountBelow(page) {
  // The placeholders come with `main`, in the page's first task.
  await expect(page.locator('main')).toHaveCount(1);
  for (;;) {
    // The first placeholder still shown, scrolled to; in the page, since one
    // can mount between a locator's look and its scroll.
    const section = await page.evaluate(() => {
      const next = [...document.querySelectorAll('[data-testid="later"]')].find((e) => e.checkVisibility());
      next?.scrollIntoView({ block: 'center' });
      return next?.dataset.section;
    });
    if (!section) break;
    // Scrolled to again until it mounts, as a reader scrolls on: a section
    // above it that mounts after the scroll can push it out of the reach
    // of the page's observer (a clean clone's run once waited 10 s so).
    const placeholder = page.locator(`[data-testid="later"][data-section="${section}"]`);
    await expect(async () => {
      await placeholder.evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await expect(placeholder).toBeHidden({ timeout: 2000 });
    }).toPass({ timeout: 15000 });
  }
  await expect(page.getByTestId('part-loading')).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The number shown in an element, e.g. "$12,345" -> 12345. */
export function amount(text) {
  return Number(text.replace(/[^0-9.\-]/g, ''));
}

/** No WCAG 2.1 A/AA violation on the page as it stands. */
export async function axeClean(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

/** An estimate as the page shows it: three significant figures ($52,994 as $53,000). */
export function round3(x) {
  if (x === 0) return 0;
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 2);
  return Math.round(x / scale) * scale;
}

/** Dollars as the English page writes an estimate, to three significant
 * figures and whole dollars: 12345.6 -> "$12,300", 83.33 -> "$83". */
export const money = (usd) => `$${Math.round(round3(usd)).toLocaleString("en-US")}`;

export const MODELS = ['shared', 'dedicated', 'combined'];

/** The breakdown's items, in the order the page lists them. */
const COST_ITEMS = ['labour', 'language_premium', 'specialist_premium', 'offhours_premium',
  'management_qa', 'technology', 'setup_training', 'shared_minutes', 'minimum_topup'];

/** The model's breakdown as the page should list it: the items some model
 * pays for, each with its amount per model. */
export function breakdownOf(outcome) {
  return COST_ITEMS.filter((item) => MODELS.some((k) => outcome[k].breakdown[item] > 0))
    .map((item) => ({ item, amounts: MODELS.map((k) => outcome[k].breakdown[item]) }));
}

/** The breakdown table's rows as text: [label, shared, dedicated, combined]. */
export const breakdownTable = (page) => page.getByTestId('breakdown').locator('table tbody tr')
  .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
