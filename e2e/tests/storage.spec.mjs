// Saved state that cannot hurt: the page keeps the last scenario in
// localStorage, and works the same when storage is disabled (private
// windows, sandboxed frames), full, or holds data that is not this
// version's. Nothing typed is lost in the tab: the address keeps it.
import { test, expect } from '@playwright/test';
import { openApp, axeClean } from './helpers.mjs';

const KEY = 'supportcalc:v1';
const phone = (page) => page.getByRole('textbox', { name: 'Phone calls' });
const cost = (page) => page.locator('[data-model="shared"] [data-testid="monthly-cost"]');

/** Types a volume and checks that the figures and the address follow it. */
async function typeAndSee(page) {
  const before = await cost(page).textContent();
  await phone(page).fill('12345');
  await expect(page).toHaveURL(/phone=12345/);
  await expect(cost(page)).not.toHaveText(before);
  await expect(page.getByTestId('stale-note')).toHaveCount(0);
}

test('storage that throws on every use (disabled, private window): the page works and the address keeps the scenario', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  const problems = await openApp(page);
  await expect(phone(page)).toHaveValue('4000');
  await typeAndSee(page);
  await page.reload();
  await expect(phone(page)).toHaveValue('12345');
  // The next visit without a link starts from the defaults, cleanly.
  await openApp(page, '');
  await expect(phone(page)).toHaveValue('4000');
  await axeClean(page);
  expect(problems.consoleErrors).toEqual([]);
});

test('storage that is full: typing goes on, and the next visit finds the last scenario that fit', async ({ page }) => {
  await page.addInitScript(([key]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, 'v=1&phone=777');
      sessionStorage.setItem('seeded', '1');
    }
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  }, [KEY]);
  const problems = await openApp(page);
  await expect(phone(page)).toHaveValue('777');
  await typeAndSee(page);
  await expect(phone(page)).toHaveValue('12345');
  await openApp(page, '');
  await expect(phone(page)).toHaveValue('777');
  expect(problems.consoleErrors).toEqual([]);
});

const FOREIGN = {
  'a later version': 'v=2&phone=777&channels=phone:777',
  'no version': 'phone=777',
  'JSON from another tool': '{"phone":777,"chat":1}',
  'control characters': '\u0000\u0001\uffff%%%&&==',
  'a megabyte of it': 'v=1&phone='.concat('9'.repeat(1 << 20)),
};

for (const [what, value] of Object.entries(FOREIGN)) {
  test(`saved data this version cannot use (${what}) is dropped silently and replaced`, async ({ page }) => {
    await page.addInitScript(([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', '1');
      }
    }, [KEY, value]);
    const problems = await openApp(page);
    // A link's bad values are named; saved data was never the reader's to fix.
    await expect(page.getByTestId('link-notice')).toHaveCount(0);
    // The megabyte is our format with one value out of range: that value
    // alone takes its default.
    await expect(phone(page)).toHaveValue('4000');
    await typeAndSee(page);
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toMatch(/^v=1&.*phone=12345/);
    expect(problems.consoleErrors).toEqual([]);
  });
}
