// One slip must not wipe the call: Reset and the presets offer Undo, in
// words, until the next change; a preset, a reset and a saved scenario
// opened are history entries of their own, so Back returns to what was
// there, while typing still adds none. In a frame, the host's history is
// left alone.
import { test, expect } from '@playwright/test';
import { openApp, axeClean } from './helpers.mjs';

const undo = (page) => page.getByTestId('undo');
const phone = (page) => page.locator('#f-phone');
const chat = (page) => page.locator('#f-chat');

// What Undo says it takes back, in each language.
const WORDS = {
  en: { reset: 'Undo reset', enterprise: 'Undo preset: Enterprise 24/7, 4 languages' },
  ja: { reset: 'リセットを取り消す', enterprise: 'プリセット「大企業・24/7・4言語」を取り消す' },
  ru: { reset: 'Отменить сброс', enterprise: 'Отменить шаблон «Корпорация, 24/7, 4 языка»' },
};

for (const [lang, words] of Object.entries(WORDS)) {
  test(`${lang}: Undo after Reset brings back what was typed, from the keyboard, and says so`, async ({ page }) => {
    const problems = await openApp(page, `?lang=${lang}`);
    await expect(undo(page)).toHaveCount(0);
    await phone(page).fill('9000');
    // Text that is not (yet) a value is kept by Undo too.
    await chat(page).fill('12x');
    await expect(chat(page)).toHaveAttribute('aria-invalid', 'true');
    await page.locator('#reset').focus();
    await page.keyboard.press('Enter');
    await expect(phone(page)).toHaveValue('4000');
    await expect(chat(page)).toHaveValue('2500');
    // Announced: the button is in a polite live region, next in the Tab order.
    await expect(page.getByRole('status').filter({ has: undo(page) })).toHaveCount(1);
    await expect(undo(page)).toHaveText(words.reset);
    await axeClean(page);
    await page.keyboard.press('Tab');
    await expect(undo(page)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(phone(page)).toHaveValue('9000');
    await expect(chat(page)).toHaveValue('12x');
    await expect(chat(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(undo(page)).toHaveCount(0);
    // The keyboard goes back to the button that made the change.
    await expect(page.locator('#reset')).toBeFocused();
    expect(problems.consoleErrors).toEqual([]);
  });

  test(`${lang}: Undo after a preset brings back the scenario it replaced`, async ({ page }) => {
    await openApp(page, `?lang=${lang}&phone=9000&region=nearshore&langs=en:60,es:40`);
    await page.locator('#enterprise').click();
    await expect(phone(page)).toHaveValue('20000');
    await expect(page.locator('#f-region')).toHaveValue('onshore');
    await expect(undo(page)).toHaveText(words.enterprise);
    await axeClean(page);
    await undo(page).click();
    await expect(phone(page)).toHaveValue('9000');
    await expect(page.locator('#f-region')).toHaveValue('nearshore');
    await expect(page.locator('#f-all-week')).not.toBeChecked();
    await expect(page).toHaveURL(/phone=9000/);
    await expect(page).toHaveURL(/langs=en:60,es:40/);
    await expect(undo(page)).toHaveCount(0);
    await expect(page.locator('#enterprise')).toBeFocused();
  });
}

test('Undo goes at the next change of any input: a value, a step, a wrong text', async ({ page }) => {
  await openApp(page);
  await phone(page).fill('9000');
  await page.locator('#saas').click();
  await expect(undo(page)).toBeVisible();
  await chat(page).fill('1600');
  await expect(undo(page)).toHaveCount(0);

  await page.locator('#reset').click();
  await expect(undo(page)).toBeVisible();
  await phone(page).press('ArrowUp');
  await expect(phone(page)).toHaveValue('4100');
  await expect(undo(page)).toHaveCount(0);

  await page.locator('#reset').click();
  await expect(undo(page)).toBeVisible();
  await chat(page).fill('abc');
  await expect(undo(page)).toHaveCount(0);
});

test('Back after a preset or a reset returns to the scenario before it; typing adds no entry', async ({ page }) => {
  await openApp(page);
  const entries = () => page.evaluate(() => history.length);
  const start = await entries();
  await phone(page).fill('9000');
  await chat(page).fill('700');
  await expect(page).toHaveURL(/chat=700/);
  expect(await entries()).toBe(start);

  await page.locator('#enterprise').click();
  await expect(page).toHaveURL(/phone=20000/);
  expect(await entries()).toBe(start + 1);
  await page.goBack();
  await expect(page).toHaveURL(/phone=9000/);
  await expect(phone(page)).toHaveValue('9000');
  await expect(chat(page)).toHaveValue('700');
  await expect(page.locator('#f-all-week')).not.toBeChecked();
  await page.goForward();
  await expect(phone(page)).toHaveValue('20000');
  await expect(page.locator('#f-all-week')).toBeChecked();

  await page.locator('#reset').click();
  await expect(phone(page)).toHaveValue('4000');
  await page.goBack();
  await expect(phone(page)).toHaveValue('20000');
});

test('Back after opening a saved scenario returns to what the form held', async ({ page }) => {
  await openApp(page);
  const compare = page.getByTestId('scenario-compare');
  await compare.getByRole('button', { name: 'Save to compare' }).click();
  await phone(page).fill('12000');
  await expect(page).toHaveURL(/phone=12000/);
  await compare.getByRole('button', { name: 'Open Scenario 1 in the form' }).click();
  await expect(phone(page)).toHaveValue('4000');
  await page.goBack();
  await expect(phone(page)).toHaveValue('12000');
  await expect(page).toHaveURL(/phone=12000/);
});

test('in a frame, a preset adds no entry to the host page\'s history', async ({ page }) => {
  await page.goto(`http://127.0.0.1:4174/embed.html?app=${encodeURIComponent('http://127.0.0.1:4175/tools/calc/?embed=1')}`);
  const frame = page.frameLocator('#supportcalc');
  await expect(frame.locator('[data-testid="model-card"]')).toHaveCount(3);
  const start = await page.evaluate(() => history.length);
  await frame.locator('#enterprise').click();
  await expect(frame.locator('#f-phone')).toHaveValue('20000');
  await expect(frame.getByTestId('undo')).toBeVisible();
  expect(await page.evaluate(() => history.length)).toBe(start);
});
