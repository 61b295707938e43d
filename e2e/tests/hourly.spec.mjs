// The buyer's own hourly volumes: a grid from a spreadsheet and a help
// desk's export pasted into the box, the preview, the link and the
// staffing that follow, and the line a bad paste is refused at.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { openApp, axeClean } from './helpers.mjs';

const QUOTE_BIN = new URL('../../target/release/examples/quote', import.meta.url).pathname;
const quote = (query) => JSON.parse(execFileSync(QUOTE_BIN, [query], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const SUNDAY_10 = 6 * 24 + 10;

/** A 7 x 24 grid, tab-separated as a spreadsheet copies it. */
const grid = (value) => Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => value(d, h)).join('\t')).join('\r\n');
const sundayTen = grid((d, h) => (d === 6 && h === 10 ? 120 : 0));

const box = (page, name = 'Hourly volumes') => page.getByRole('textbox', { name });
const query = (page) => new URL(page.url()).search;
/** Shaded cells of the preview, as hour-of-week indices. */
const shaded = (page) => page.getByTestId('hourly-preview').locator('td').evaluateAll((cells) => cells.flatMap((c, i) => (c.classList.contains('dedicated') ? [i] : [])));
/** The dedicated agents the coverage heatmap shows in each hour of the week. */
const agentsShown = (page) => page.getByTestId('coverage-heatmap').locator('tbody td').evaluateAll((cells) => cells.map((c) => Number(c.textContent) || 0));

test('a grid of Sunday 10:00-11:00 shows in the preview, goes into the link, and the staffing follows', async ({ page }) => {
  const problems = await openApp(page);
  await page.getByLabel('24/7').check();
  const open = page.getByRole('button', { name: 'Paste hourly volumes' });
  await expect(open).toHaveAttribute('aria-expanded', 'false');
  await open.click();
  await expect(open).toHaveAttribute('aria-expanded', 'true');
  await box(page).fill(sundayTen);
  expect(await shaded(page)).toEqual([SUNDAY_10]);
  await expect(page.getByTestId('hourly-reading')).toHaveText('Read as one week: 120 contacts a week, about 520 a month.');
  await expect(page.getByText('Busiest hour: Sun 10:00')).toBeVisible();
  await axeClean(page);

  // Only the shape: the typed volumes stay.
  await page.getByLabel('Keep the typed volumes; use only the shape').check();
  await page.getByRole('button', { name: 'Use these volumes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'In use' })).toBeVisible();
  await expect(page.getByLabel('When contacts arrive')).toHaveValue('custom');
  await expect(page.getByLabel('When contacts arrive').locator('option:checked')).toHaveText('Your own hourly volumes');
  await expect(page).toHaveURL(/pattern=custom&week=1\.[A-Za-z0-9_-]{336}/);
  await expect(page.getByRole('textbox', { name: 'Phone calls' })).toHaveValue('4000');

  // The dedicated team is the model's, busiest on Sunday at 10.
  await page.getByTestId('coverage-heatmap').getByRole('button', { name: 'Dedicated', exact: true }).click();
  const model = quote(query(page)).outcome.dedicated.hours.map((h) => h.agents ?? 0);
  await expect.poll(() => agentsShown(page)).toEqual(model);
  const shown = await agentsShown(page);
  expect(Math.max(...shown)).toBe(shown[SUNDAY_10]);
  expect(shown[SUNDAY_10]).toBeGreaterThan(4 * Math.max(...shown.filter((_, h) => h !== SUNDAY_10)));

  // A preset pattern replaces it; the custom option leaves the list.
  // (Playwright calls every <option> hidden, offered or not: its
  // attributes say whether it is.)
  const custom = page.getByLabel('When contacts arrive').locator('option[value="custom"]');
  await expect(custom).not.toHaveAttribute('hidden');
  await page.getByLabel('When contacts arrive').selectOption('flat');
  await expect(page).not.toHaveURL(/week=/);
  await expect(custom).toHaveAttribute('hidden', '');
  await expect(custom).toBeDisabled();
  expect(problems.consoleErrors).toEqual([]);
});

test('the link opens the same week in a fresh browser', async ({ page, browser }) => {
  await openApp(page, '?h24=1');
  await page.getByRole('button', { name: 'Paste hourly volumes' }).click();
  await box(page).fill(sundayTen);
  await page.getByRole('button', { name: 'Use these volumes' }).click();
  await expect(page).toHaveURL(/pattern=custom/);
  const link = query(page);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openApp(other, link);
  await expect(other.getByLabel('When contacts arrive')).toHaveValue('custom');
  expect(query(other)).toBe(link);
  await expect(other.getByTestId('link-notice')).toHaveCount(0);
  await fresh.close();
});

test('a help desk export of timestamps is counted by weekday and hour and sets the volumes', async ({ page }) => {
  await openApp(page);
  // Two weeks from Monday 2 November 2026: two contacts at 09:xx every
  // weekday, one at 12:xx each Saturday. The span runs from the first
  // contact to the last (Saturday 14th), two of each weekday but Sunday.
  const rows = ['id,created_at,subject'];
  for (let day = 2; day <= 15; day++) {
    const date = `2026-11-${String(day).padStart(2, '0')}`;
    const weekday = (day - 2) % 7;
    if (weekday < 5) rows.push(`${day}1,${date}T09:05:00Z,"Order, late"`, `${day}2,${date}T09:40:00Z,Refund`);
    if (weekday === 5) rows.push(`${day}3,${date} 12:30,Question`);
  }
  await page.getByRole('button', { name: 'Paste hourly volumes' }).click();
  await box(page).fill(rows.join('\n'));
  await expect(page.getByTestId('hourly-reading')).toHaveText('22 contacts from 2026-11-02 to 2026-11-14, averaged by weekday and hour: about 48 a month.');
  const weekdayNines = [0, 1, 2, 3, 4].map((d) => d * 24 + 9);
  expect(await shaded(page)).toEqual([...weekdayNines, 5 * 24 + 12]);

  // The implied 48 a month replace the typed volumes, in the same mix.
  await page.getByRole('button', { name: 'Use these volumes' }).click();
  // The link follows the form a task after the click.
  await expect(page.getByRole('textbox', { name: 'Phone calls' })).toHaveValue('24');
  await expect(page).toHaveURL(/phone=24(&|$)/);
  const s = quote(query(page)).scenario;
  expect(s.phone_per_month + s.chat_per_month + s.email_per_month).toBe(48);
  expect(s.phone_per_month).toBe(24);
});

test('a bad paste names its line, keeps the text and changes nothing', async ({ page }) => {
  await openApp(page);
  const before = await page.getByTestId('model-card').first().innerText();
  await page.getByRole('button', { name: 'Paste hourly volumes' }).click();
  const text = sundayTen.replace('\t120\t', '\tlots\t');
  await box(page).fill(text);
  await expect(page.locator('#f-hourly-note')).toHaveText('Line 7: “lots” is not a number: expected a count of contacts.');
  await expect(box(page)).toHaveAttribute('aria-invalid', 'true');
  // A textarea's value has \n line ends, whatever was pasted.
  await expect(box(page)).toHaveValue(text.replaceAll('\r\n', '\n'));
  await expect(page.getByRole('button', { name: 'Use these volumes' })).toBeDisabled();
  await expect(page.getByTestId('hourly-preview')).toHaveCount(0);
  expect(await page.getByTestId('model-card').first().innerText()).toBe(before);
  await axeClean(page);
  // Fixed in place, it reads.
  await box(page).fill(sundayTen);
  await expect(box(page)).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByRole('button', { name: 'Use these volumes' })).toBeEnabled();
});

test('in Japanese and Russian, and across a language switch', async ({ page }) => {
  await openApp(page, '?lang=ja');
  await page.getByRole('button', { name: '時間帯別件数を貼り付け' }).click();
  await box(page, '時間帯別件数').fill(sundayTen);
  await expect(page.getByTestId('hourly-reading')).toHaveText('1週間分として読み取りました：週120件、月約520件。');
  await expect(page.getByText('最も多い時間帯：日曜 10時台')).toBeVisible();

  // The paste survives the page being drawn again in Russian.
  await page.locator('#f-lang').selectOption('ru');
  await expect(box(page, 'Почасовые объёмы')).toHaveValue(sundayTen.replaceAll('\r\n', '\n'));
  await expect(page.getByRole('button', { name: 'Вставить почасовые объёмы' })).toHaveAttribute('aria-expanded', 'true');
  await box(page, 'Почасовые объёмы').fill('Пн;1;2;3\r\nВт;x');
  await expect(page.locator('#f-hourly-note')).toHaveText('Строка 2: «x» — не число: нужно количество обращений.');
  await axeClean(page);
  await box(page, 'Почасовые объёмы').fill(`Дата;Время\r\n01.11.2026;10:15\r\n01.11.2026;10:20`);
  await page.getByRole('button', { name: 'Использовать эти объёмы' }).click();
  await expect(page.getByLabel('Когда идут обращения').locator('option:checked')).toHaveText('Ваши почасовые объёмы');
});

// `hour,count` rows as a report or a database query gives them: hours 0-23,
// tab or comma, with or without a header; an hour past 23 is named.
const hourRows = (sep) => Array.from({ length: 24 }, (_, h) => `${h}${sep}${h === 14 ? 90 : h >= 9 && h < 17 ? 30 : 0}`).join('\n');
for (const [lang, texts] of Object.entries({
  en: {
    open: 'Paste hourly volumes', box: 'Hourly volumes', use: 'Use these volumes', header: 'hour\tcount\n',
    day: /^Read as one day, used on each of the 5 days you cover: about [\d,]+ contacts a month\.$/,
    busiest: 'Busiest hour: Mon 14:00, 90 contacts in an average week.',
    bad: 'Line 25: “24” is not an hour: in rows of an hour and a count, hours run from 0 to 23.',
  },
  ja: {
    open: '時間帯別件数を貼り付け', box: '時間帯別件数', use: 'この件数を使う', header: '時\t件数\n',
    day: /^1日分として読み取り、対応する5日それぞれに適用：月約[\d,]+件。$/,
    busiest: '最も多い時間帯：月曜 14時台、平均的な1週間で90件。',
    bad: '「24」は時刻ではありません。「時と件数」の行では、時は0～23です。',
  },
  ru: {
    open: 'Вставить почасовые объёмы', box: 'Почасовые объёмы', use: 'Использовать эти объёмы', header: 'Час\tОбращений\n',
    day: /^Прочитано как один день и применено к каждому из рабочих дней \(5\): обращений в месяц — около [\d\s\u00a0]+\.$/,
    busiest: 'Самый загруженный час: Пн 14:00, обращений в средней неделе — 90.',
    bad: 'Строка 25: «24» — не час: в строках «час и количество» часы идут от 0 до 23.',
  },
})) {
  test(`hour,count rows are one day, with a tab or a comma, with or without a header (${lang})`, async ({ page }) => {
    const problems = await openApp(page, `?lang=${lang}`);
    await page.getByRole('button', { name: texts.open }).click();
    const field = box(page, texts.box);
    for (const text of [texts.header + hourRows('\t'), hourRows(','), `hour,count\n${hourRows(', ')}`]) {
      await field.fill(text);
      await expect(field).toHaveAttribute('aria-invalid', 'false');
      await expect(page.getByTestId('hourly-reading')).toHaveText(texts.day);
      await expect(page.getByText(texts.busiest)).toBeVisible();
    }
    // Monday to Friday, 09:00-17:00: the preview shades those hours only.
    const days = [0, 1, 2, 3, 4].flatMap((d) => Array.from({ length: 8 }, (_, i) => d * 24 + 9 + i));
    expect(await shaded(page)).toEqual(days);
    await axeClean(page);
    await page.getByRole('button', { name: texts.use }).click();
    await expect(page).toHaveURL(/pattern=custom&week=1\./);

    // Hours counted 1-24 are refused at the line of the 24, the text kept.
    const oneTo24 = `hour,count\n${Array.from({ length: 24 }, (_, h) => `${h + 1},5`).join('\n')}`;
    await field.fill(oneTo24);
    await expect(page.locator('#f-hourly-note')).toContainText(texts.bad);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveValue(oneTo24);
    await axeClean(page);
    expect(problems.consoleErrors).toEqual([]);
  });
}
