// Installable and offline: after one visit the full page works without a
// network, from a sub-path and under the strict CSP of dist/_headers; a new
// build at the same address replaces the cached one; a frame registers no
// worker.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SUB = 'http://127.0.0.1:4175/tools/calc/';
const DIST = new URL('../../dist/', import.meta.url).pathname;
const cards = (page) => page.locator('[data-testid="model-card"]');

/** Waits until the worker controls the page and has cached this build. */
async function cached(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  return page.evaluate(async () => {
    const keys = await caches.keys();
    const files = keys.length === 1 ? (await (await caches.open(keys[0])).keys()).length : 0;
    return { keys, files };
  });
}

test('after one visit the page works offline, from a sub-path, links included', async ({ page, context }) => {
  await page.goto(SUB);
  await expect(cards(page)).toHaveCount(3);
  const { keys, files } = await cached(page);
  expect(keys).toHaveLength(1);
  expect(files).toBeGreaterThanOrEqual(8);
  await context.setOffline(true);
  await page.reload();
  await expect(cards(page)).toHaveCount(3);
  const phone = page.getByRole('textbox', { name: 'Phone calls' });
  const cost = page.locator('[data-model="shared"] [data-testid="monthly-cost"]');
  const before = await cost.textContent();
  await phone.fill('9000');
  await expect(cost).not.toHaveText(before);
  // A shared link opened offline shows its own scenario.
  await page.goto(`${SUB}?v=1&phone=777&lang=ru`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('textbox', { name: 'Звонки' })).toHaveValue('777');
});

// Lighthouse 12 dropped its installability audit; this asks Chromium's own
// check (the one that audit read) through the DevTools protocol, in a
// profile on disk, since a private profile is never installable.
test('installable: the manifest, its icons and a worker, with no installability error', async ({ playwright }) => {
  const profile = mkdtempSync(join(tmpdir(), 'supportcalc-profile-'));
  const context = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    baseURL: 'http://127.0.0.1:4173/',
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto('/');
    await expect(cards(page)).toHaveCount(3);
    await cached(page);
    const manifest = await (await page.request.get('/manifest.webmanifest')).json();
    expect(manifest).toMatchObject({ short_name: 'Supportcalc', start_url: './', scope: './', display: 'standalone' });
    for (const icon of manifest.icons) {
      const png = await (await page.request.get(`/${icon.src}`)).body();
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(`${w}x${h}`).toBe(icon.sizes);
    }
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a frame registers no worker', async ({ page }) => {
  await page.goto(`${SUB}?embed=1`);
  await expect(cards(page)).toHaveCount(3);
  // The full page registers as soon as the app starts; give a frame the same time.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
});

test.describe('a new build at the same address', () => {
  const PORT = 4176;
  let dir, server;
  test.beforeAll(async () => {
    // Build A is dist/; build B the same with a new title and worker
    // version, as a rebuild after a change would be.
    dir = mkdtempSync(join(tmpdir(), 'supportcalc-builds-'));
    cpSync(DIST, join(dir, 'a'), { recursive: true });
    cpSync(DIST, join(dir, 'b'), { recursive: true });
    const html = join(dir, 'b', 'index.html');
    writeFileSync(html, readFileSync(html, 'utf8').replace('<title>Supportcalc:', '<title>Supportcalc B:'));
    const sw = join(dir, 'b', 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1b'"));
    symlinkSync(join(dir, 'a'), join(dir, 'live'));
    server = spawn('node', [new URL('../serve.mjs', import.meta.url).pathname, join(dir, 'live'), String(PORT)], { stdio: 'ignore' });
    await expect.poll(() => fetch(`http://127.0.0.1:${PORT}/`).then((r) => r.ok, () => false)).toBe(true);
  });
  test.afterAll(() => {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('replaces the cached one, and the old cache is removed', async ({ page, context }) => {
    const url = `http://127.0.0.1:${PORT}/`;
    await page.goto(url);
    await expect(cards(page)).toHaveCount(3);
    const first = await cached(page);
    await expect(page).toHaveTitle(/^Supportcalc:/);
    // Deploy build B: the live directory now points at it.
    symlinkSync(join(dir, 'b'), join(dir, 'next'));
    renameSync(join(dir, 'next'), join(dir, 'live'));
    await page.reload();
    await expect(page).toHaveTitle(/^Supportcalc B:/);
    await expect.poll(() => page.evaluate(() => caches.keys())).not.toEqual(first.keys);
    await expect.poll(async () => (await page.evaluate(() => caches.keys())).length).toBe(1);
    // Offline, the page is build B's, from build B's cache.
    await context.setOffline(true);
    await page.reload();
    await expect(cards(page)).toHaveCount(3);
    await expect(page).toHaveTitle(/^Supportcalc B:/);
  });
});
