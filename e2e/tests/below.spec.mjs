// The sections below the results mount when they are wanted, not at load:
// as a reader scrolls near them, when printed (every one, and the
// proposal, before the print dialog). In a frame, when their fold opens:
// embed.spec.mjs.
import { test, expect } from '@playwright/test';
import { axeClean, settled } from './helpers.mjs';

/** Each section below the results, and the element it draws. */
const DRAWN = {
  scenarios: 'scenario-compare', curves: 'cost-curves', year: 'year-costs', coverage: 'coverage-heatmap',
  breakdown: 'breakdown', comparison: 'comparison', quotes: 'quote-check', share: 'share',
};
const SECTIONS = Object.keys(DRAWN);
/** A section's placeholder: shown until the section is mounted, then hidden. */
const later = (page, section) => page.locator(`[data-testid="later"][data-section="${section}"]`);

// A phone: the results, then the form, then the sections, far below.
test.use({ viewport: { width: 412, height: 823 } });

/** The page as it stands once the first screen and the form are drawn and
 * the page has been idle: long enough for a mounting chain to have run. */
async function openIdle(page, query = '') {
  await page.goto(`/${query}`);
  await settled(page);
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 500))));
}

test('a section far below is not mounted at load; scrolled near, it is, and the page stays accessible', async ({ page }) => {
  await openIdle(page);
  for (const section of SECTIONS) await expect(later(page, section)).toBeVisible();
  await expect(page.getByTestId('share')).toHaveCount(0);
  await expect(page.getByTestId('proposal')).toHaveCount(0);
  await axeClean(page);

  await later(page, 'share').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('share')).toBeVisible();
  await expect(later(page, 'share')).toBeHidden();
  await expect(page.getByTestId('copy-link')).toBeVisible();
  // The first sections, a long scroll above, are still to come.
  await expect(later(page, 'scenarios')).toBeVisible();
  await axeClean(page);
});

test('printing mounts every section and the proposal, without a scroll', async ({ page }) => {
  await openIdle(page, '?v=1&phone=12000&chat=4000');
  await expect(page.getByTestId('breakdown')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-testid="later"]:not([hidden])')).toHaveCount(0);
  await expect(page.getByTestId('proposal')).toBeVisible();
  // Every section is on the page, printed or (sharing, the quote check,
  // the heatmap) left off the paper by the print style.
  for (const testid of Object.values(DRAWN)) await expect(page.getByTestId(testid)).toHaveCount(1);
  await expect(page.getByTestId('breakdown').locator('table')).toBeVisible();
  await expect(page.getByTestId('part-loading')).toHaveCount(0);
});

test('the print button mounts every section and the proposal before the print dialog', async ({ page }) => {
  await openIdle(page);
  // What the page holds when the dialog would open.
  await page.evaluate(() => {
    window.print = () => {
      window.printed = {
        later: document.querySelectorAll('[data-testid="later"]:not([hidden])').length,
        proposal: document.querySelectorAll('[data-testid="proposal"]').length,
        breakdown: document.querySelectorAll('[data-testid="breakdown"]').length,
      };
    };
  });
  await later(page, 'share').scrollIntoViewIfNeeded();
  await page.getByTestId('print').click();
  await expect.poll(() => page.evaluate(() => window.printed)).toEqual({ later: 0, proposal: 1, breakdown: 1 });
});

test('the browser\'s own print: once the page is idle, beforeprint mounts every section and the proposal before the next task', async ({ page }) => {
  await openIdle(page);
  // The printout is laid out right after beforeprint's listeners and their
  // microtasks: whatever a later task draws is not on paper.
  const drawn = await page.evaluate((testids) => new Promise((resolve) => {
    dispatchEvent(new Event('beforeprint'));
    setTimeout(() => resolve({
      later: document.querySelectorAll('[data-testid="later"]:not([hidden])').length,
      loading: document.querySelectorAll('[data-testid="part-loading"]').length,
      proposal: document.querySelectorAll('[data-testid="proposal"]').length,
      sections: testids.filter((t) => document.querySelector(`[data-testid="${t}"]`)).length,
    }), 0);
  }), Object.values(DRAWN));
  expect(drawn).toEqual({ later: 0, loading: 0, proposal: 1, sections: SECTIONS.length });
});

// On a 375 px phone the breakdown's three columns of money fit without a
// sideways scroll: dollars in every language, and seven-digit yen.
test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });
  for (const query of ['?lang=en', '?lang=ja', '?lang=ru', '?lang=ja&cur=JPY&phone=90000', '?lang=en&phone=90000&region=onshore']) {
    test(`the breakdown needs no sideways scroll (${query})`, async ({ page }) => {
      await page.goto(`/${query}`);
      await settled(page);
      await later(page, 'breakdown').scrollIntoViewIfNeeded();
      const wrap = page.getByTestId('breakdown').locator('.table-wrap');
      await expect(wrap.locator('table')).toBeVisible();
      await expect(wrap.locator('thead th')).toHaveCount(3);
      const [scroll, client] = await wrap.evaluate((e) => [e.scrollWidth, e.clientWidth]);
      expect(scroll).toBeLessThanOrEqual(client);
    });
  }
});
