// The figures first (issue 24): on every change the three cards and the
// recommendation are painted, then, in a task of their own, the what-ifs
// ("What would change the answer"), the costly part of the model. Until
// they are there, the list keeps its place and is marked pending: it never
// stands for an earlier scenario as if it were the one shown.
import { test, expect } from '@playwright/test';
import { openApp } from './helpers.mjs';

const A = '?v=1&phone=8000&chat=0&email=0&peak=1';
const B = '?v=1&phone=3000&chat=0&email=0&peak=1';
const sharedCost = (page) => page.locator('[data-model="shared"] [data-testid="monthly-cost"]');

async function answered(page, query) {
  await openApp(page, query);
  const list = page.getByTestId('what-if');
  await expect(list).toHaveAttribute('data-state', 'ready');
  await expect(list).toHaveAttribute('aria-busy', 'false');
  return { text: await list.innerText(), cost: await sharedCost(page).textContent() };
}

test('after a keystroke the cards come first, the what-ifs a task later, and no list stands for an earlier scenario', async ({ page, context }) => {
  const other = await context.newPage();
  const b = await answered(other, B);
  await other.close();
  const a = await answered(page, A);
  expect(a.text).not.toBe(b.text);
  expect(a.cost).not.toBe(b.cost);

  // Every state of the results the page goes through, as it makes them.
  await page.evaluate(() => {
    window.states = [];
    const results = document.querySelector('[data-testid="results"]');
    const record = () => {
      const list = results.querySelector('[data-testid="what-if"]');
      window.states.push({
        state: list?.dataset.state,
        text: list?.innerText,
        cost: results.querySelector('[data-model="shared"] [data-testid="monthly-cost"]').textContent,
      });
    };
    new MutationObserver(record).observe(results, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.getByRole('textbox', { name: 'Phone calls' }).fill('3000');
  await expect(page.getByTestId('what-if')).toHaveAttribute('data-state', 'ready');
  await expect(sharedCost(page)).toHaveText(b.cost);
  expect(await page.getByTestId('what-if').innerText()).toBe(b.text);

  const states = await page.evaluate(() => window.states);
  const shownWithB = states.filter((s) => s.cost === b.cost);
  // B's cards were on screen while its what-ifs were still to come...
  expect(shownWithB.some((s) => s.state === 'pending')).toBe(true);
  // ...and whenever the list said it was current, it was B's own.
  for (const s of shownWithB.filter((s) => s.state === 'ready')) expect(s.text).toBe(b.text);
  expect(shownWithB.filter((s) => s.state === 'ready').length).toBeGreaterThan(0);
});

test('at load the list keeps its place, says it is on its way, then fills in', async ({ page }) => {
  await page.addInitScript(() => {
    window.states = [];
    new MutationObserver(() => {
      const list = document.querySelector('[data-testid="what-if"]');
      if (list) window.states.push({ state: list.dataset.state, busy: list.getAttribute('aria-busy'), text: list.innerText });
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const { text } = await answered(page, A);
  const states = await page.evaluate(() => window.states);
  expect(states[0]).toEqual({ state: 'pending', busy: 'true', text: 'Working out what would change the answer…' });
  expect(states.at(-1)).toEqual({ state: 'ready', busy: 'false', text });
});
