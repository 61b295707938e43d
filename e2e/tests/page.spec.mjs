// The page as a visitor first meets it: it loads cleanly, stays on its own
// origin, reacts to input, passes axe, and fits a phone.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, amount } from './helpers.mjs';

test('loads without console errors or requests to other origins', async ({ page }) => {
  const problems = await openApp(page);
  await page.getByRole('textbox', { name: 'Phone calls' }).fill('12000');
  await expect(page.locator('[data-model="shared"] [data-testid="monthly-cost"]')).not.toHaveText('');
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.foreignRequests).toEqual([]);
});

test('changing the phone volume changes the costs', async ({ page }) => {
  await openApp(page);
  const shared = page.locator('[data-model="shared"] [data-testid="monthly-cost"]');
  const before = amount(await shared.innerText());
  await page.getByRole('textbox', { name: 'Phone calls' }).fill(String(4000 * 3));
  await expect.poll(async () => amount(await shared.innerText())).toBeGreaterThan(before);
});

test('24/7 coverage raises the dedicated cost and hides the opening hours', async ({ page }) => {
  await openApp(page);
  const dedicated = page.locator('[data-model="dedicated"] [data-testid="monthly-cost"]');
  const before = amount(await dedicated.innerText());
  await expect(page.getByRole('textbox', { name: 'Opens' })).toBeVisible();
  await page.getByLabel('24/7').check();
  await expect(page.getByRole('textbox', { name: 'Opens' })).toHaveCount(0);
  await expect.poll(async () => amount(await dedicated.innerText())).toBeGreaterThan(before);
});

test('no WCAG 2.1 AA violations', async ({ page }) => {
  await openApp(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.length} nodes`)).toEqual([]);
});

test('nothing overflows horizontally at 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openApp(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a closed section of the form is drawn when first opened, not at load', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  // Once the page is done loading, the closed sections still hold only
  // their titles: none of their fields cost the load a task.
  await expect(page.locator('details.section .section-body input')).toHaveCount(0);
  await page.getByRole('button', { name: /Enterprise 24\/7/ }).click();
  await page.getByText('Tiers and self-service', { exact: true }).click();
  const deflection = page.locator('details.section').filter({ hasText: 'Tiers and self-service' }).locator('.section-body input');
  await expect(deflection.first()).toBeVisible();
  // The other sections stay as they were.
  await expect(page.locator('details.section:not([open]) .section-body input')).toHaveCount(0);
});

test('the wasm\'s first task reads the link and computes; the page is drawn in the next', async ({ page }) => {
  // In a frame the app marks <html> "embed" as it starts (the task that
  // instantiates the wasm and computes the figures). Each batch a
  // MutationObserver is handed is one task's: the cards must come in a
  // later one, so no single task both computes and draws.
  await page.addInitScript(() => {
    window.batches = [];
    new MutationObserver((records) => {
      const batch = new Set();
      for (const r of records) {
        if (r.type === 'attributes' && r.target === document.documentElement && document.documentElement.classList.contains('embed')) batch.add('started');
        for (const n of r.addedNodes) {
          if (n.nodeType === Node.ELEMENT_NODE && (n.matches('[data-testid="model-card"]') || n.querySelector('[data-testid="model-card"]'))) batch.add('cards');
        }
      }
      if (batch.size) window.batches.push([...batch]);
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
  });
  await page.goto('/?embed=1');
  await expect(page.locator('[data-testid="model-card"]')).toHaveCount(3);
  const batches = await page.evaluate(() => window.batches);
  const first = (what) => batches.findIndex((batch) => batch.includes(what));
  expect(first('started'), JSON.stringify(batches)).toBeGreaterThanOrEqual(0);
  expect(first('cards'), JSON.stringify(batches)).toBeGreaterThan(first('started'));
});

test('the first task draws the figures alone; the form follows in a task of its own', async ({ page }) => {
  // Issue 24: no long task before the first screen. Each batch of nodes a
  // MutationObserver is handed is what one task added; the cards and the
  // form drawn in one task would arrive in one batch.
  await page.addInitScript(() => {
    window.drawn = [];
    new MutationObserver((records) => {
      const batch = new Set();
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n.nodeType !== Node.ELEMENT_NODE) continue;
          if (n.matches('[data-testid="model-card"]') || n.querySelector('[data-testid="model-card"]')) batch.add('cards');
          if (n.matches('form.inputs') || n.querySelector('form.inputs')) batch.add('form');
        }
      }
      if (batch.size) window.drawn.push([...batch]);
    }).observe(document, { childList: true, subtree: true });
  });
  await openApp(page);
  const drawn = await page.evaluate(() => window.drawn);
  const first = (what) => drawn.findIndex((batch) => batch.includes(what));
  expect(first('cards'), JSON.stringify(drawn)).toBeGreaterThanOrEqual(0);
  expect(first('form'), JSON.stringify(drawn)).toBeGreaterThan(first('cards'));
});
