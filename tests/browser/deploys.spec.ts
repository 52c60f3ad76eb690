// Re-deploys that cannot mix two builds. Every file a page loads besides the pages and the data has a
// content hash in its name, and a page names exactly the files of its own build; a page opened before a
// re-deploy goes on working, says so where a lazily loaded file of its build is gone (with a button that
// reloads), and the reload brings the new build whole. Builds A and B: tests/browser/prepare-site.mjs.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, ready, ORIGIN } from './support';

const site = 'target/browser-site';
const deploy = `${site}/deploy`;
let deploys = 0;
/** Puts `build` in place, as a deploy does. Each deploy's files are dated a minute after the last one's:
 *  the test server (python's http.server) answers a revalidation by the second of Last-Modified, and two
 *  deploys in one second would let the browser keep the earlier page (a host compares content instead). */
const put = (build: string) => {
  fs.rmSync(deploy, { recursive: true, force: true });
  fs.cpSync(`${site}/builds/${build}`, deploy, { recursive: true });
  const when = new Date(Date.now() + ++deploys * 60_000);
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
  for (const file of walk(deploy)) fs.utimesSync(file, when, when);
};
const hashed = /-[0-9a-f]{12,16}(_bg\.wasm|_loader\.js|\.min\.js|\.js|\.css)$/;

/** Puts build A in place and opens a unit's page of it; returns every address the page asks for. */
async function openA(page: Page) {
  put('A');
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${ORIGIN}/deploy/ru/region/KZ-75/`);
  await ready(page);
  return requests;
}

test.describe('a re-deploy', () => {
  test.use({ viewport: { width: 390, height: 700 }, reducedMotion: 'reduce' });

  test('every asset a page names is hashed and of its own build', async ({ page }) => {
    const requests = await openA(page);
    const named = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel=stylesheet], link[rel=modulepreload], link[rel=preload], script[src], meta[name^="adal:"]')]
        .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('content') ?? ''));
    const assets = named.filter((n) => !n.startsWith('data/'));
    expect(assets.length).toBeGreaterThanOrEqual(10);
    for (const asset of assets) expect(asset, asset).toMatch(hashed);
    for (const asset of assets) expect(asset, asset).toMatch(/^assets\//);
    for (const asset of assets) expect(fs.existsSync(`${site}/builds/A/${asset}`), asset).toBe(true);
    const loaded = requests.filter((u) => !u.includes('/data/') && !u.endsWith('/') && !u.startsWith('data:'));
    for (const url of loaded) expect(new URL(url).pathname, url).toMatch(hashed);
  });

  test('a page of build A, used after build B is put in place, says where it cannot go on, and a reload brings B', async ({ page }) => {
    const requests = await openA(page);
    expect(requests.filter((u) => /echarts|chart-worker/.test(u)), 'no chart loaded before the re-deploy').toEqual([]);

    put('B');
    // The chart that loads lazily: A's ECharts and worker are gone. The reader is told, with a reload
    // button, and keeps the chart's static drawing and its table; never a blank chart.
    const figure = page.locator('figure[data-chart="trend"]');
    await figure.scrollIntoViewIfNeeded();
    await expect(figure).toHaveAttribute('data-status', 'failed');
    await expect(figure.getByRole('status')).toContainText('сайт обновился');
    const reload = figure.getByRole('button', { name: 'Перезагрузить страницу' });
    await expect(reload).toBeVisible();
    expect(await figure.locator('.chart-canvas svg').count(), 'the static drawing stays').toBeGreaterThan(0);
    await expect(figure.locator('table')).toHaveCount(1);

    // Navigating within the page still works: the app and the data are there.
    await page.getByRole('navigation', { name: 'Страницы регионов' }).getByRole('link', { name: 'Акмолинская область' }).click();
    await expect(page).toHaveURL(/region\/KZ-11\/$/);
    await expect(page.getByRole('heading', { name: /Акмолинская область/ }).first()).toBeVisible();

    // The new view's chart cannot load either; its button reloads, which brings build B whole: its page
    // names B's files, and the lazy chart draws.
    const next = page.locator('figure[data-chart="trend"]');
    await next.scrollIntoViewIfNeeded();
    await expect(next).toHaveAttribute('data-status', 'failed');
    const before = requests.length;
    await next.getByRole('button', { name: 'Перезагрузить страницу' }).click();
    await page.waitForLoadState('load');
    await ready(page);
    await expect(page).toHaveURL(/region\/KZ-11\/$/);
    const trend = page.locator('figure[data-chart="trend"]');
    await trend.scrollIntoViewIfNeeded();
    await expect(trend).toHaveAttribute('data-status', 'ready');
    const after = requests.slice(before).filter((u) => hashed.test(new URL(u).pathname));
    expect(after.length).toBeGreaterThan(0);
    for (const url of after) {
      expect(fs.existsSync(`${site}/builds/B/${new URL(url).pathname.replace(/^\/deploy\//, '')}`), url).toBe(true);
    }
  });

  test('a page whose app files are gone says so in its language and reloads', async ({ page }) => {
    put('A');
    // A host that kept build A's page (a cache) but not its wasm.
    const wasm = fs.readdirSync(`${deploy}/assets`).find((f) => /^adal-atlas-[0-9a-f]{12,16}_bg\.wasm$/.test(f))!;
    fs.rmSync(`${deploy}/assets/${wasm}`);
    await page.goto(`${ORIGIN}/deploy/en/`);
    const notice = page.locator('#adal-stale');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('The site has been updated');
    // The page stays readable: its content is pre-rendered.
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    put('B');
    await notice.getByRole('button', { name: 'Reload the page' }).click();
    await ready(page);
    await expect(page.locator('#adal-stale')).toBeHidden();
  });
});
