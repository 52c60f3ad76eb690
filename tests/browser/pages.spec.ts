// The pre-rendered pages (adal pages): complete without JavaScript, hydrated with it, reached from the
// older query-string links, and re-drawn when they were made from another version of the bundle.
import { test, expect, drawn, ready, viewParams } from './support';

test.describe('pre-rendered pages', () => {
  test('without JavaScript the root shows the map, figures with intervals and 1424, and links to the other languages and the units', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    await expect(page.locator('[data-region]')).toHaveCount(20);
    await expect(page.locator('.figure-card')).toHaveCount(7);
    await expect(page.locator('.figure-card').first()).toContainText('95 %');
    await expect(page.getByText('1424').first()).toBeVisible();
    // What only the app can do is disabled, not silently dead.
    await expect(page.getByRole('button', { name: 'Бөлісу' })).toBeDisabled();
    await expect(page.locator('#map-metric')).toBeDisabled();
    // The ranking is drawn as a static chart (ECharts' server-side SVG), a bar and a name per unit.
    const ranking = page.locator('figure[data-chart="ranking"] .chart-canvas > svg.chart-static');
    await expect(ranking).toHaveCount(1);
    await expect(ranking).toBeVisible();
    expect(await ranking.locator('text').count()).toBeGreaterThanOrEqual(20);
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/app\/en\/$/);
    await expect(page.getByRole('heading', { name: 'Key figures for the whole country' })).toBeVisible();
    await page.getByRole('navigation', { name: "Every unit's page" }).getByRole('link', { name: 'Akmola Region' }).click();
    await expect(page).toHaveURL(/\/app\/en\/region\/KZ-11\/$/);
    await expect(page.getByRole('heading', { name: 'Akmola Region', level: 2, exact: true })).toBeVisible();
    await expect(page.locator('.figure-card')).toHaveCount(7);
    expect(await page.locator('.chart-canvas > svg.chart-static').count()).toBeGreaterThanOrEqual(2);
    await expect(page).toHaveTitle('Akmola Region: public services and corruption complaints — Adal Atlas');
    await page.getByRole('link', { name: 'Русский' }).click();
    await expect(page).toHaveURL(/\/app\/ru\/region\/KZ-11\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await context.close();
  });

  test('the page is hydrated, not replaced: the pre-rendered map is the one that answers', async ({ page }) => {
    await page.goto('./en/');
    // The node the server wrote, taken before the app starts: hydration keeps it (a re-render would
    // have replaced it), and it is the one that answers the click.
    const unit = (await page.locator('[data-region="KZ-35"]').elementHandle())!;
    await ready(page);
    await expect(page.getByRole('button', { name: 'Share' })).toBeEnabled();
    await expect(page.locator('#map-metric')).toBeEnabled();
    expect(await unit.evaluate((n) => n.isConnected)).toBe(true);
    await unit.click();
    await expect(page.getByRole('heading', { name: 'Karaganda Region', level: 2, exact: true })).toBeVisible();
    await expect(page).toHaveURL(/\/app\/en\/region\/KZ-35\/$/);
    await expect(page).toHaveTitle('Karaganda Region: public services and corruption complaints — Adal Atlas');
  });

  test('the interactive chart takes the place of the static one', async ({ page }) => {
    await page.goto('./en/');
    await ready(page);
    const canvas = page.locator('figure[data-chart="ranking"] .chart-canvas');
    await drawn(page, 'ranking');
    await expect(canvas.locator('svg.chart-static')).toHaveCount(0);
    await expect(canvas.locator('svg')).toHaveCount(1);
  });

  test('older query-string links land on their page, in their language, before the first paint', async ({ page }) => {
    await page.goto('./?lang=ru&region=KZ-75&v=1');
    await expect(page).toHaveURL(/\/app\/ru\/region\/KZ-75\/\?v=1$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await page.goto('./?view=data&lang=en');
    await expect(page).toHaveURL(/\/app\/en\/method\/$/);
    await page.goto('./?lang=en&view=compare&compare=KZ-75,KZ-71');
    await expect(page).toHaveURL(/\/app\/en\/compare\/\?compare=KZ-75(,|%2C)KZ-71$/);
    await ready(page);
    await expect(page.locator('input[data-compare="KZ-71"]')).toBeChecked();
    // A view no page was written for is drawn by the app, the root's own page never shown.
    await page.goto('./?dataset=demo-thin&lang=en');
    await expect(page.locator('html')).toHaveClass(/adal-draws/);
    await ready(page);
    await expect(page.getByRole('heading', { name: 'Key figures for the whole country' })).toBeVisible();
    expect(viewParams(page).get('dataset')).toBe('demo-thin');
  });

  test('an embed pinned to the version the pages show uses the embed page, and keeps its pin', async ({ page }) => {
    await page.goto('./?embed=map&lang=en&dataset=demo@2026-11');
    await expect(page).toHaveURL(/\/app\/en\/embed\/map\/\?dataset=demo(@|%40)2026-11$/);
    await expect(page.locator('html')).not.toHaveClass(/adal-draws/);
    await ready(page);
    await expect(page.locator('[data-region]')).toHaveCount(20);
    expect(viewParams(page).get('dataset')).toBe('demo@2026-11');
    await expect(page.locator('.embed-source a')).toHaveAttribute('href', /dataset=demo%402026-11|dataset=demo@2026-11/);
  });

  test('a page with more in its query string starts from its page and changes only that', async ({ page }) => {
    await page.goto('./ru/?metric=median_wait');
    await ready(page);
    await expect(page.locator('#map-metric')).toHaveValue('median_wait');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  });

  test('a page made from an older version of the bundle is drawn again from the one found', async ({ page, watch }) => {
    await page.goto('./en/method/');
    await ready(page);
    await expect(page.locator('#app')).not.toHaveAttribute('data-page', /./);
    await expect(page.getByRole('heading', { name: 'Data and method', level: 2 })).toBeVisible();
    expect(watch.consoleErrors).toEqual([]);
  });
});

test.describe('feeds', () => {
  test("a unit's page links its Atom feed, which parses as Atom with an entry per published version", async ({ page }) => {
    await page.goto('./ru/region/KZ-79/');
    const link = page.locator('link[rel="alternate"][type="application/atom+xml"]');
    await expect(link).toHaveAttribute('title', 'Adal Atlas: город Шымкент');
    const href = await link.evaluate((l) => (l as HTMLLinkElement).href);
    expect(href).toMatch(/\/app\/ru\/region\/KZ-79\/feed\.xml$/);
    const response = await page.request.get(href);
    expect(response.ok()).toBe(true);
    const xml = await response.text();
    const feed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const atom = 'http://www.w3.org/2005/Atom';
      const root = doc.documentElement;
      const first = (el: Element, name: string) => el.getElementsByTagNameNS(atom, name)[0];
      const entries = [...root.getElementsByTagNameNS(atom, 'entry')];
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: `${root.namespaceURI} ${root.localName}`,
        title: first(root, 'title')?.textContent,
        updated: first(root, 'updated')?.textContent,
        entries: entries.map((e) => ({
          id: first(e, 'id')?.textContent,
          updated: first(e, 'updated')?.textContent,
          title: first(e, 'title')?.textContent,
          content: first(e, 'content')?.textContent,
        })),
      };
    }, xml);
    expect(feed.error).toBe(0);
    expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
    expect(feed.title).toBe('Adal Atlas: город Шымкент — опубликованные версии');
    expect(feed.updated).toMatch(/^\d{4}-\d\d-\d\dT00:00:00Z$/);
    expect(feed.entries).toHaveLength(1);
    expect(feed.entries[0].id).toMatch(/^tag:adal-atlas,2026:demo\/2026-11\/KZ-79\/ru$/);
    expect(feed.entries[0].content).toContain('Визиты с просьбой о неформальной оплате: ');
    expect(feed.entries[0].content).toContain('Демонстрационные данные.');
    // The country's feed, from the overview.
    await page.goto('./en/');
    await expect(page.locator('link[type="application/atom+xml"]')).toHaveAttribute('href', 'en/feed.xml');
  });
});

