// The release build as a vendor's web team hosts it: behind the strict
// Content-Security-Policy of issue 13, sent as a header (dist/_headers, which
// serve.mjs applies as Netlify and Cloudflare Pages do), and copied under a
// sub-path of a marketing site without a rebuild.
import { test, expect } from '@playwright/test';
import { amount, settled, mountBelow } from './helpers.mjs';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";
const SUB = 'http://127.0.0.1:4175/tools/calc/';

/** Opens `url`, recording console errors, CSP violations and failed requests. */
async function open(page, url) {
  const problems = { consoleErrors: [], violations: [], failed: [] };
  await page.addInitScript(() => {
    window.__violations = [];
    addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => { if (m.type() === 'error') problems.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => problems.consoleErrors.push(String(e)));
  page.on('response', (r) => { if (r.status() >= 400) problems.failed.push(`${r.status()} ${r.url()}`); });
  page.on('requestfailed', (r) => problems.failed.push(`${r.failure()?.errorText} ${r.url()}`));
  const response = await page.goto(url);
  await expect(page.locator('[data-testid="model-card"]')).toHaveCount(3);
  await settled(page);
  await mountBelow(page);
  return { response, problems };
}

const phone = (page) => page.getByRole('textbox', { name: 'Phone calls' });
const monthly = (page) => page.locator('[data-model="shared"] [data-testid="monthly-cost"]');

test('under the strict CSP the page is styled, takes typing and breaks no rule', async ({ page }) => {
  const { response, problems } = await open(page, '/?accent=0f766e');
  expect(response.headers()['content-security-policy']).toContain(POLICY);
  // main.css is applied (a card's radius and border), and the link's accent
  // colour too, which the page sets through the CSSOM.
  const card = page.locator('[data-testid="model-card"]').first();
  await expect(card).toHaveCSS('border-radius', '10px');
  await expect(card).toHaveCSS('border-top-style', 'solid');
  const accent = await page.locator('html').evaluate((e) => getComputedStyle(e).getPropertyValue('--accent').trim());
  expect(accent).toBe('#0f766e');

  const before = amount(await monthly(page).innerText());
  await phone(page).fill('20000');
  await expect.poll(async () => amount(await monthly(page).innerText())).toBeGreaterThan(before);
  // Open every collapsed section, so each view has rendered once.
  for (const summary of await page.locator('summary').all()) await summary.click();

  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.failed).toEqual([]);
});

test('nothing in the page is inline: no script, style element or style attribute', async ({ page }) => {
  await open(page, '/');
  // The header's texts are a JSON data block (scripts/first_screen.mjs):
  // read by start.js, never run, so no script the policy would judge.
  const inline = await page.evaluate(() => ({
    scripts: [...document.scripts].filter((s) => !s.src && s.type !== 'application/json').length,
    styles: document.querySelectorAll('style').length,
  }));
  expect(inline).toEqual({ scripts: 0, styles: 0 });
  // The served HTML, before the app runs: no style attribute either.
  const html = await (await page.request.get('/')).text();
  expect(html).not.toMatch(/\sstyle=/);
});

test('copied under /tools/calc/, it loads everything from there and links there', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { problems } = await open(page, SUB);
  const before = amount(await monthly(page).innerText());
  expect(before).toBeGreaterThan(0);
  await phone(page).fill('20000');
  await expect.poll(async () => amount(await monthly(page).innerText())).toBeGreaterThan(before);

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-status')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link.startsWith(`${SUB}?`)).toBe(true);
  expect(link).toContain('phone=20000');
  expect(problems.failed).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);

  // The copied link opens the same scenario from the sub-path.
  await page.goto(link);
  await expect(phone(page)).toHaveValue('20000');
});
