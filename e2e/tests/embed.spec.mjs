// The calculator in a host page on another origin, as a marketing site
// embeds it: the host sizes the frame from the app's height messages, so
// nothing scrolls inside; the host's query options apply. The app is copied
// under a sub-path, as a marketing site hosts it.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { axeClean } from './helpers.mjs';

const ORIGIN = 'http://127.0.0.1:4175';
const APP = `${ORIGIN}/tools/calc/`;
const HOST = 'http://127.0.0.1:4174';

async function openHost(page, query) {
  const app = `${APP}?${query}`;
  // Every message the host receives, with who sent it.
  await page.addInitScript(() => {
    window.__messages = [];
    addEventListener('message', (e) => {
      const frame = document.getElementById('supportcalc');
      window.__messages.push({ origin: e.origin, fromFrame: e.source === frame?.contentWindow, data: e.data });
    });
  });
  await page.goto(`${HOST}/embed.html?app=${encodeURIComponent(app)}`);
  const frame = page.frameLocator('#supportcalc');
  await expect(frame.locator('[data-testid="model-card"]')).toHaveCount(3);
  return frame;
}

/** The iframe's height in the host, and its content's own height. */
async function heights(page) {
  const frameHeight = await page.locator('#supportcalc').evaluate((f) => f.getBoundingClientRect().height);
  const inner = page.frames().find((f) => f.url().startsWith(APP));
  const content = await inner.evaluate(() => ({
    height: Math.ceil(document.documentElement.getBoundingClientRect().height),
    scrolls: document.scrollingElement.scrollHeight > document.scrollingElement.clientHeight + 1,
  }));
  return { frameHeight, ...content };
}

test('the frame follows its content as sections open and close, and never scrolls', async ({ page }) => {
  // One column, so opening a form section makes the page taller.
  await page.setViewportSize({ width: 700, height: 800 });
  const frame = await openHost(page, 'embed=1&accent=0f766e');
  await expect.poll(async () => (await heights(page)).frameHeight).toBeGreaterThan(500);
  // The page below the first screen mounts a task at a time; the frame
  // follows until it is all there.
  await expect.poll(async () => {
    const h = await heights(page);
    return Math.abs(h.frameHeight - h.height);
  }).toBeLessThanOrEqual(1);
  const start = await heights(page);
  expect(start.scrolls).toBe(false);

  await frame.getByText('Staffing', { exact: true }).click();
  await expect.poll(async () => (await heights(page)).frameHeight).toBeGreaterThan(start.frameHeight + 50);
  const open = await heights(page);
  expect(open.scrolls).toBe(false);

  await frame.getByText('Staffing', { exact: true }).click();
  await expect.poll(async () => (await heights(page)).frameHeight).toBeLessThan(open.frameHeight - 50);

  const messages = await page.evaluate(() => window.__messages);
  // Only the documented messages, all from the frame's own origin.
  for (const m of messages) {
    expect(m).toMatchObject({ origin: ORIGIN, fromFrame: true });
    expect(['supportcalc:height', 'supportcalc:scenario']).toContain(m.data.type);
  }
  const sizes = messages.filter((m) => m.data.type === 'supportcalc:height');
  expect(sizes.length).toBeGreaterThan(0);
  for (const m of sizes) expect(Number.isInteger(m.data.height)).toBe(true);
});

test('a section in a closed fold is mounted only when its fold opens', async ({ page }) => {
  const frame = await openHost(page, 'embed=1');
  await expect(frame.locator('main[aria-busy="true"]')).toHaveCount(0);
  const fold = frame.locator('[data-testid="fold"][data-section="breakdown"]');
  await expect(fold).toBeVisible();
  await expect(frame.locator('[data-testid="later"][data-section="breakdown"]:not([hidden])')).toHaveCount(1);
  await expect(frame.getByTestId('breakdown')).toHaveCount(0);
  await fold.locator('summary').click();
  await expect(frame.getByTestId('breakdown')).toBeVisible();
  // The folds left closed stay as they were.
  await expect(frame.locator('[data-testid="later"][data-section="share"]:not([hidden])')).toHaveCount(1);
  await expect(frame.getByTestId('share')).toHaveCount(0);
});

test('the app posts only to its parent, and only when framed', async ({ page }) => {
  // Calls to postMessage on the app's own window would be a message to itself.
  await page.addInitScript(() => {
    if (location.origin !== 'http://127.0.0.1:4175') return;
    window.__selfPosts = 0;
    const own = window.postMessage.bind(window);
    window.postMessage = (...args) => { window.__selfPosts += 1; return own(...args); };
  });
  await openHost(page, 'embed=1');
  const inner = page.frames().find((f) => f.url().startsWith(APP));
  expect(await inner.evaluate(() => window.__selfPosts)).toBe(0);
  // Opened on its own, the page is its own parent and sends nothing.
  await page.goto(`${APP}?embed=1`);
  await expect(page.locator('[data-testid="model-card"]')).toHaveCount(3);
  expect(await page.evaluate(() => window.__selfPosts)).toBe(0);
});

test('the app acts on no message from its parent: a hostile host cannot change or break it', async ({ page }) => {
  const frame = await openHost(page, 'embed=1');
  const cost = frame.locator('[data-model="shared"] [data-testid="monthly-cost"]');
  const before = await cost.textContent();
  const inner = page.frames().find((f) => f.url().startsWith(APP));
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.locator('#supportcalc').evaluate((f) => {
    const post = (data) => f.contentWindow.postMessage(data, '*');
    for (const data of [
      { type: 'supportcalc:height', height: 1 },
      { type: 'supportcalc:scenario', query: 'phone=999999' },
      { type: 'supportcalc:set', phone: 999999, lang: 'ru' },
      'phone=999999',
      '<img src=x onerror=alert(1)>',
      JSON.parse('{"__proto__": {"polluted": true}, "type": "supportcalc:reset"}'),
      null, 42, [1, 2, 3], new ArrayBuffer(8),
    ]) post(data);
  });
  // Give the messages time to arrive, then see that nothing followed them.
  await inner.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  await expect(cost).toHaveText(before);
  await expect(frame.locator('html')).toHaveAttribute('lang', 'en');
  await expect(frame.getByRole('textbox', { name: 'Phone calls' })).toHaveValue('4000');
  expect(await inner.evaluate(() => ({}).polluted)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('the host sets language, accent, preset and sections; no page header in a frame', async ({ page }) => {
  const frame = await openHost(page, 'embed=1&lang=ru&accent=0f766e&preset=enterprise&show=results,curves');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(frame.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(frame.getByTestId('cost-curves')).toBeVisible();
  await expect(frame.locator('form')).toHaveCount(0);
  // A section left out has no fold and no placeholder: a closed fold would
  // hold no quote check or heatmap either, as it mounts nothing until opened.
  for (const section of ['scenarios', 'year', 'coverage', 'breakdown', 'comparison', 'quotes', 'share']) {
    await expect(frame.locator(`[data-section="${section}"]`)).toHaveCount(0);
  }
  await expect(frame.getByTestId('quote-check')).toHaveCount(0);
  await expect(frame.getByTestId('coverage-heatmap')).toHaveCount(0);
  const accent = await frame.locator('html').evaluate((e) => getComputedStyle(e).getPropertyValue('--accent').trim());
  expect(accent).toBe('#0f766e');
  // axe checks the host page and, inside it, the framed calculator.
  await axeClean(page);
  // The enterprise preset: 24/7 in four languages, so the dedicated team covers every hour.
  await expect(frame.locator('[data-model="dedicated"] [data-testid="hours-covered"]')).toHaveText(/100/);
});

// The one-tag embed: <script src=".../embed.js"> and <supportcalc-embed>, on
// a host page of another origin (demo/embed-tag.html).
const QUOTE_BIN = new URL('../../target/release/examples/quote', import.meta.url).pathname;
const modelOf = (search) => JSON.parse(execFileSync(QUOTE_BIN, [search], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).outcome;

async function openTagHost(page, attrs = '') {
  await page.goto(`${HOST}/embed-tag.html?app=${encodeURIComponent(APP)}&attrs=${encodeURIComponent(attrs)}`);
  const frame = page.frameLocator('supportcalc-embed iframe');
  await expect(frame.locator('[data-testid="model-card"]')).toHaveCount(3);
  return frame;
}
const events = (page, type) => page.evaluate((type) => window.__events.filter((e) => e.type === type), type);

test('one tag: the frame comes from the script\'s address, fits its content and takes the attributes', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 800 });
  const frame = await openTagHost(page, 'lang=ja');
  const iframe = page.locator('supportcalc-embed iframe');
  await expect(iframe).toHaveAttribute('title', 'Support cost calculator');
  await expect(iframe).toHaveAttribute('loading', 'lazy');
  expect(await iframe.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:4175\/tools\/calc\/\?embed=1&preset=saas&lang=ja&accent=0f766e&cta=Get\+this\+quote$/);
  await expect(frame.locator('html')).toHaveAttribute('lang', 'ja');
  const accent = await frame.locator('html').evaluate((e) => getComputedStyle(e).getPropertyValue('--accent').trim());
  expect(accent).toBe('#0f766e');
  // The height messages size the frame, so nothing scrolls inside it.
  const inner = () => page.frames().find((f) => f.url().startsWith(APP));
  await expect.poll(async () => {
    const box = await iframe.boundingBox();
    const content = await inner().evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    return Math.abs(box.height - content);
  }).toBeLessThanOrEqual(1);
  expect(await inner().evaluate(() => document.scrollingElement.scrollHeight > document.scrollingElement.clientHeight + 1)).toBe(false);
  expect((await events(page, 'supportcalc:height')).length).toBeGreaterThan(0);
  // A changed attribute reloads the frame with it.
  await page.locator('supportcalc-embed').evaluate((e) => e.setAttribute('lang', 'ru'));
  await expect(frame.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(frame.locator('[data-testid="model-card"]')).toHaveCount(3);
  await axeClean(page);
});

test('the host hears each settled scenario with the model\'s own figures, and the call to action fills its form', async ({ page }) => {
  const frame = await openTagHost(page);
  await expect.poll(async () => (await events(page, 'supportcalc:scenario')).length).toBeGreaterThan(0);
  const [first] = await events(page, 'supportcalc:scenario');
  expect(first.target).toBe('calc');
  const { detail } = first;
  expect(Object.keys(detail).sort()).toEqual(['contacts_per_month', 'currency', 'lang', 'link', 'monthly_cost_usd', 'recommended', 'type']);
  expect(detail).toMatchObject({ type: 'supportcalc:scenario', lang: 'en', currency: 'USD' });
  const model = modelOf(new URL(detail.link).search);
  for (const kind of ['shared', 'dedicated', 'combined']) {
    expect(detail.monthly_cost_usd[kind]).toBeCloseTo(model[kind].monthly_cost, 6);
  }
  expect(detail.recommended).toBe(model.recommendation.model.toLowerCase());
  expect(detail.contacts_per_month).toBeCloseTo(model.contacts_per_month, 6);
  // The link opens the full page, not the frame.
  expect(detail.link).toMatch(/^http:\/\/127\.0\.0\.1:4175\/tools\/calc\/\?v=1/);
  expect(detail.link).not.toMatch(/embed=|cta=/);

  // Typing is told once it pauses, not on every keystroke.
  const before = (await events(page, 'supportcalc:scenario')).length;
  const phone = frame.getByRole('textbox', { name: 'Phone calls' });
  await phone.fill('');
  await phone.pressSequentially('23456', { delay: 40 });
  await expect.poll(async () => (await events(page, 'supportcalc:scenario')).at(-1).detail.link).toMatch(/phone=23456/);
  expect((await events(page, 'supportcalc:scenario')).length - before).toBeLessThan(5);

  // The host's button, under the recommendation, hands the scenario over.
  await frame.getByRole('button', { name: 'Get this quote' }).click();
  await expect.poll(async () => (await events(page, 'supportcalc:cta')).length).toBe(1);
  const [cta] = await events(page, 'supportcalc:cta');
  expect(cta.detail.type).toBe('supportcalc:cta');
  expect(cta.detail.link).toMatch(/phone=23456/);
  const again = modelOf(new URL(cta.detail.link).search);
  await expect(page.getByLabel('Recommended model')).toHaveValue(cta.detail.recommended);
  await expect(page.getByLabel('Monthly cost (USD)')).toHaveValue(String(Math.round(again[cta.detail.recommended].monthly_cost)));
  await expect(page.getByLabel('Your email')).toBeFocused();
  await axeClean(page);
});

test('outside a frame the page tells no one and shows no call to action', async ({ page }) => {
  await page.addInitScript(() => {
    window.__posts = 0;
    const own = window.postMessage.bind(window);
    window.postMessage = (...args) => { window.__posts += 1; return own(...args); };
  });
  await page.goto(`${APP}?embed=1&cta=Get%20this%20quote`);
  await expect(page.locator('[data-testid="model-card"]')).toHaveCount(3);
  await expect(page.getByTestId('cta')).toBeVisible();
  await page.getByTestId('cta').click();
  await page.getByRole('textbox', { name: 'Phone calls' }).fill('5000');
  expect(await page.evaluate(() => window.__posts)).toBe(0);
  // The full page has no host to hand a lead to.
  await page.goto(`${APP}?cta=Get%20this%20quote`);
  await expect(page.locator('[data-testid="model-card"]')).toHaveCount(3);
  await expect(page.getByTestId('cta')).toHaveCount(0);
});

// A host may send no referrer; the frame still names the host's origin.
for (const policy of ['strict-origin-when-cross-origin', 'no-referrer']) test(`in a frame the app keeps nothing in the browser and tells only the host's origin (frame's referrer policy ${policy})`, async ({ page }) => {
  // In the app's frame: every use of localStorage, and every message sent
  // to the parent with the origin it may go to. `parent` is replaceable,
  // so the app's own calls pass through the wrapper.
  await page.addInitScript(() => {
    if (location.origin !== 'http://127.0.0.1:4175' || window.top === window) return;
    window.__storage = [];
    for (const name of ['getItem', 'setItem', 'removeItem', 'clear', 'key']) {
      const own = Storage.prototype[name];
      Storage.prototype[name] = function (...args) {
        if (this === window.localStorage) window.__storage.push(name);
        return own.apply(this, args);
      };
    }
    window.__posts = [];
    const real = window.parent;
    const parent = { postMessage: (data, target) => { window.__posts.push({ type: data?.type, target }); real.postMessage(data, target); } };
    Object.defineProperty(window, 'parent', { get: () => parent, configurable: true });
  });
  const frame = await openHost(page, 'embed=1&cta=Get%20a%20quote');
  // The frame loaded again under the policy. (A routed host page would
  // lose its local address, and Chromium would then block the frame.) The
  // first document is marked, so nothing below reads it while the second
  // is on its way.
  const inner = page.frames().find((f) => f.url().startsWith(APP));
  await inner.evaluate(() => { window.__first = true; });
  await page.evaluate((policy) => {
    const f = document.getElementById('supportcalc');
    f.referrerPolicy = policy;
    window.__messages.length = 0;
    f.src = f.src;
  }, policy);
  await expect.poll(() => inner.evaluate(() => !window.__first && document.readyState).catch(() => null)).toBe('complete');
  await expect(frame.locator('[data-testid="model-card"]')).toHaveCount(3);
  expect(await inner.evaluate(() => document.referrer === '')).toBe(policy === 'no-referrer');
  // Typing, saving to compare, the call to action.
  await frame.getByRole('textbox', { name: 'Phone calls' }).fill('23456');
  await expect.poll(() => inner.evaluate(() => location.search)).toMatch(/phone=23456/);
  // The host named no sections, so the comparison starts folded.
  await frame.getByTestId('fold').filter({ hasText: 'Scenarios side by side' }).locator('summary').click();
  await frame.getByRole('button', { name: 'Save to compare' }).click();
  await expect(frame.getByTestId('saved-scenario')).toHaveCount(1);
  await frame.getByRole('button', { name: 'Get a quote' }).click();
  await expect.poll(async () => (await page.evaluate(() => window.__messages)).filter((m) => m.data.type === 'supportcalc:cta').length).toBe(1);

  expect(await inner.evaluate(() => window.__storage)).toEqual([]);
  expect(await inner.evaluate(() => localStorage.length)).toBe(0);
  const posts = await inner.evaluate(() => window.__posts);
  expect(new Set(posts.map((p) => p.type))).toEqual(new Set(['supportcalc:height', 'supportcalc:scenario', 'supportcalc:cta']));
  for (const p of posts) expect(p.target).toBe(HOST);
  // The host hears each message, from the frame's origin, once it is
  // delivered: a task after it was sent, and the frame may still be posting
  // heights as it settles, so both sides are read again on each try. (A
  // height the frame's first document sent as it was replaced may be heard
  // too, so each kind is counted at least as often as it was sent.)
  await expect.poll(async () => {
    const sent = await inner.evaluate(() => window.__posts.map((p) => p.type));
    const heard = await page.evaluate(() => window.__messages);
    // (The first document's last height may come with no source window.)
    expect(heard.every((m) => m.origin === ORIGIN)).toBe(true);
    const count = (types, type) => types.filter((t) => t === type).length;
    const types = heard.map((m) => m.data.type);
    return sent.filter((type) => count(types, type) < count(sent, type));
  }).toEqual([]);
});

test('embed.js sizes its frame only from the frame\'s own window and origin', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 800 });
  // A page of another origin, to post from a sibling frame and from the
  // calculator's own frame once it has been sent there.
  await page.route('http://127.0.0.1:4176/post.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><title>x</title><script>parent.postMessage({ type: "supportcalc:height", height: 77 }, "*"); document.title = "posted";</script>',
  }));
  await openTagHost(page);
  const iframe = page.locator('supportcalc-embed iframe');
  await expect.poll(async () => (await iframe.boundingBox()).height).toBeGreaterThan(300);
  const fitted = async () => (await iframe.boundingBox()).height;
  const heights = () => page.evaluate(() => window.__events.filter((e) => e.type === 'supportcalc:height').map((e) => e.detail.height));
  const settle = () => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));

  // From the host page itself, and from a sibling frame of another origin.
  await page.evaluate(() => window.postMessage({ type: 'supportcalc:height', height: 66 }, '*'));
  await page.evaluate(() => new Promise((resolve) => {
    const sibling = Object.assign(document.createElement('iframe'), { src: 'http://127.0.0.1:4176/post.html' });
    sibling.onload = resolve;
    document.body.append(sibling);
  }));
  await settle();
  expect(await fitted()).toBeGreaterThan(300);
  expect(await heights()).not.toContain(66);
  expect(await heights()).not.toContain(77);

  // The calculator's own frame, sent to another origin: the same window,
  // the wrong origin.
  const before = await fitted();
  await iframe.evaluate((f) => { f.src = 'http://127.0.0.1:4176/post.html'; });
  const sent = async () => {
    const inner = await (await iframe.elementHandle()).contentFrame();
    return inner.url() === 'http://127.0.0.1:4176/post.html' && (await inner.title()) === 'posted';
  };
  await expect.poll(sent).toBe(true);
  await settle();
  expect(await fitted()).toBe(before);
  expect(await heights()).not.toContain(77);
});
