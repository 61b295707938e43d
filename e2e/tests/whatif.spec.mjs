// The figures first (issue 24): on every change the three cards and the
// recommendation are painted, then, in a task of their own, the what-ifs
// ("What would change the answer"), the costly part of the model. Until
// they are there, the list keeps its place and is marked pending: it never
// stands for an earlier scenario as if it were the one shown.
import { test, expect } from '@playwright/test';
import { mountBelow, openApp } from './helpers.mjs';

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

// A scenario's answer read in a page of its own, to compare with what the
// test's page shows once it reaches that scenario.
async function answeredApart(context, query) {
  const other = await context.newPage();
  const answer = await answered(other, query);
  await other.close();
  return answer;
}

test('after a keystroke the cards come first, the what-ifs a task later, and no list stands for an earlier scenario', async ({ page, context }) => {
  const b = await answeredApart(context, B);
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
  // B's cards first: until they show, A's list is still ready and current.
  await expect(sharedCost(page)).toHaveText(b.cost);
  await expect(page.getByTestId('what-if')).toHaveAttribute('data-state', 'ready');
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

// The what-ifs are most of the model's work. They are computed a part
// (the curves, the break-even, one lever) per task, so no task of theirs is
// long; the list's data-parts counts the parts done for the scenario shown.
const PARTS = 10;

test('the what-ifs are computed one part per task', async ({ page }) => {
  // The count as each task leaves it: an observer's callback runs once
  // per task that changed it, so parts computed in one task show as one.
  await page.addInitScript(() => {
    window.seen = [];
    new MutationObserver(() => {
      const list = document.querySelector('[data-testid="what-if"]');
      if (list) window.seen.push(Number(list.dataset.parts));
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-parts'] });
  });
  await answered(page, A);
  const seen = await page.evaluate(() => window.seen);
  for (let n = 1; n <= PARTS; n++) expect(seen).toContain(n);
  expect(Math.max(...seen)).toBe(PARTS);
});

test('a burst of keystrokes mid-way drops the parts left and answers the last scenario in full', async ({ page, context }) => {
  const b = await answeredApart(context, B);
  await answered(page, A);

  // Each keystroke lands while the scenario before it is three parts in:
  // 3, 30, 300, 3000 calls (B).
  await page.evaluate(() => {
    const field = document.getElementById('f-phone');
    const keys = ['3', '30', '300', '3000'];
    window.counts = [];
    window.typed = 0;
    const type = () => {
      field.value = keys[window.typed++];
      field.dispatchEvent(new Event('input', { bubbles: true }));
    };
    new MutationObserver(() => {
      const parts = Number(document.querySelector('[data-testid="what-if"]').dataset.parts);
      window.counts.push(parts);
      if (parts === 3 && window.typed < keys.length) type();
    }).observe(document.querySelector('[data-testid="results"]'), { subtree: true, attributes: true, attributeFilter: ['data-parts'] });
    type();
  });
  const list = page.getByTestId('what-if');
  // Every keystroke typed, and B's cards shown, before its list is read: A's
  // own list is ready and whole until the first keystroke settles.
  await expect.poll(() => page.evaluate(() => window.typed)).toBe(4);
  await expect(sharedCost(page)).toHaveText(b.cost);
  await expect(list).toHaveAttribute('data-state', 'ready');
  await expect(list).toHaveAttribute('data-parts', String(PARTS));
  expect(await list.innerText()).toBe(b.text);
  // The scenarios dropped mid-way computed nothing more: one count, from
  // nought, never past the parts there are.
  const counts = await page.evaluate(() => window.counts);
  expect(Math.max(...counts)).toBe(PARTS);
  expect(counts.at(-1)).toBe(PARTS);
});

// Typing: the what-ifs of a changed scenario wait until the inputs have
// been still for 300 ms (lazy::QUIET), so no part of theirs runs while
// keys come, each key's paint waits for none, and only the last scenario's
// are computed.
test('keys typed in a burst start no what-if part until the typing stops', async ({ page, context }) => {
  const b = await answeredApart(context, B);
  await answered(page, A);

  await page.evaluate(() => {
    const field = document.getElementById('f-phone');
    window.events = [];
    new MutationObserver(() => {
      const list = document.querySelector('[data-testid="what-if"]');
      window.events.push({ at: performance.now(), parts: Number(list.dataset.parts) });
    }).observe(document.querySelector('[data-testid="results"]'), { subtree: true, attributes: true, attributeFilter: ['data-parts'] });
    // 3, 30, 300, 3000 calls (B), a key every 40 ms.
    ['3', '30', '300', '3000'].forEach((value, i) => setTimeout(() => {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      if (i === 3) window.lastKey = performance.now();
    }, 40 * i));
  });
  const list = page.getByTestId('what-if');
  await expect(sharedCost(page)).toHaveText(b.cost);
  await expect(list).toHaveAttribute('data-state', 'ready');
  await expect(list).toHaveAttribute('data-parts', String(PARTS));
  expect(await list.innerText()).toBe(b.text);
  const { events, lastKey } = await page.evaluate(() => ({ events: window.events, lastKey: window.lastKey }));
  const computing = events.filter((e) => e.parts > 0);
  expect(computing.length).toBeGreaterThan(0);
  // Every part was computed after the last key, and at least the quiet
  // period after it.
  for (const e of computing) expect(e.at - lastKey).toBeGreaterThanOrEqual(300);
});

// While the cost curves wait for the new scenario's, the last ones stay,
// dimmed; their sentence is not dimmed with them, so it keeps its contrast.
test('while the curves are the last scenario\'s, only the drawing is dimmed', async ({ page }) => {
  await answered(page, A);
  await mountBelow(page);
  const curves = page.getByTestId('cost-curves');
  await expect(curves).toHaveAttribute('data-state', 'ready');
  await page.evaluate(() => {
    const figure = document.querySelector('[data-testid="cost-curves"]');
    window.dimmed = [];
    new MutationObserver(() => {
      if (figure.dataset.state !== 'pending') return;
      const opacity = (selector) => getComputedStyle(figure.querySelector(selector)).opacity;
      window.dimmed.push({ drawing: opacity('svg'), sentence: opacity('.chart-note') });
    }).observe(figure, { attributes: true, attributeFilter: ['data-state'] });
  });
  await page.getByRole('textbox', { name: 'Phone calls' }).fill('3000');
  await expect.poll(() => page.evaluate(() => window.dimmed.length)).toBeGreaterThan(0);
  await expect(curves).toHaveAttribute('data-state', 'ready');
  const dimmed = await page.evaluate(() => window.dimmed);
  for (const d of dimmed) expect(d).toEqual({ drawing: '0.55', sentence: '1' });
});

// A 24/7 scenario's "with your hours instead" names them: the form hides
// them while 24/7 is ticked, and a buyer who never set them would not know
// which hours were read.
for (const [lang, hours] of [
  ['en', 'your hours (9:00–17:00 on 6 days a week from Monday) instead of 24/7'],
  ['ja', '指定の営業時間（月曜から週6日、9時～17時）'],
  ['ru', 'ваши часы (9:00–17:00, дней в неделю с понедельника: 6)'],
]) {
  test(`${lang}: the what-if without 24/7 names the hours it reads`, async ({ page }) => {
    await openApp(page, `?v=1&h24=1&pattern=flat&phone=20000&chat=12000&email=8000&region=onshore&langs=en:55,es:20,de:15,fr:10&open=9&close=17&days=6&lang=${lang}`);
    const list = page.getByTestId('what-if');
    await expect(list).toHaveAttribute('data-state', 'ready');
    await expect(list).toContainText(hours);
  });
}
