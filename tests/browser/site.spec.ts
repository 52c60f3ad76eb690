// A group's own atlas, made by `adal site` from raw files alone (tests/browser/prepare-site.mjs): published
// twice over the same folder. Its pages work without JavaScript and with it, in three languages; the link
// pinned to the first version still shows the first version; nothing personal from the raw files is in
// the site or in what the program printed.
import fs from 'node:fs';
import { test, expect, ready, ORIGIN } from './support';

const site = 'target/browser-site/own';
const raw = 'target/browser-site/own-raw';

test.describe('a site made by adal site', () => {
  test('its pages are complete without JavaScript, in three languages, charts drawn', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [path, lang, publisher] of [['', 'kk', 'Облыс бақылауы'], ['ru/', 'ru', 'Наблюдение за областью'], ['en/', 'en', 'Oblast Watch']]) {
      await page.goto(`${ORIGIN}/own/${path}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      // The map with every unit, a chart drawn as SVG, and the group's name as the source.
      expect(await page.locator('[data-region]').count()).toBeGreaterThanOrEqual(20);
      expect(await page.locator('.chart-canvas > svg.chart-static').count()).toBeGreaterThanOrEqual(1);
      await expect(page.locator('footer')).toContainText(publisher);
    }
    await page.goto(`${ORIGIN}/own/en/region/KZ-75/`);
    await expect(page.getByRole('heading', { name: 'Almaty (city)', level: 2, exact: true })).toBeVisible();
    expect(await page.locator('.chart-canvas > svg.chart-static').count()).toBeGreaterThanOrEqual(2);
    // The data page links the journalists' copy: a Data Package whose CSV files are there.
    await page.goto(`${ORIGIN}/own/en/method/`);
    const link = page.getByRole('link', { name: /Frictionless Data Package/ });
    await expect(link).toHaveAttribute('href', 'data/datapackage.json');
    await expect(page.getByRole('link', { name: 'audit@oblast-watch.kz' })).toHaveAttribute('href', 'mailto:audit@oblast-watch.kz');
    const pkg = await (await page.request.get(`${ORIGIN}/own/data/datapackage.json`)).json();
    expect(pkg.version).toBe('2026-11-30');
    for (const r of pkg.resources) {
      const csv = await page.request.get(`${ORIGIN}/own/data/${r.path}`);
      expect(csv.status(), r.path).toBe(200);
      expect((await csv.text()).split('\n')[0]).toBe(r.schema.fields.map((f: { name: string }) => f.name).join(','));
    }
    await context.close();
  });

  test('with JavaScript the app starts on it, and the first version stays pinned', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${ORIGIN}/own/en/region/KZ-75/`);
    await ready(page);
    // The group's identity: its logo in the header, named; its own hotline beside 1424; its contact.
    const logo = page.locator('header img.publisher-logo');
    await expect(logo).toBeVisible();
    await expect(logo).toHaveAttribute('alt', 'Oblast Watch');
    expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(page.getByText('Our hotline').first()).toBeVisible();
    await expect(page.locator('a[href="tel:1424"]').first()).toBeVisible();
    await expect(page.locator('#app')).toHaveAttribute('data-pin', 'oblast-watch@2026-11-30');
    await page.getByRole('navigation', { name: "Every unit's page" }).getByRole('link', { name: 'Akmola Region' }).click();
    await expect(page).toHaveURL(/\/own\/en\/region\/KZ-11\/$/);
    const index = JSON.parse(fs.readFileSync(`${site}/data/datasets.json`, 'utf8'));
    expect(index.default).toBe('oblast-watch');
    expect(index.datasets[0].versions).toEqual([{ version: '2026-09-30', path: 'versions/oblast-watch/2026-09-30/' }]);
    await expect(page.locator('footer')).toContainText('2026-11-30');
    // The link pinned to the first version shows the first version, named as its source.
    await page.goto(`${ORIGIN}/own/?lang=en&dataset=oblast-watch@2026-09-30`);
    await ready(page);
    await expect(page.locator('footer')).toContainText('2026-09-30');
    await expect(page.locator('footer')).not.toContainText('2026-11-30');
    // The feeds gained an entry.
    const feed = fs.readFileSync(`${site}/en/feed.xml`, 'utf8');
    expect(feed.match(/<entry>/g)?.length).toBe(2);
    expect(errors).toEqual([]);
  });

  test('no personal value of the raw files is in the site or the summaries', async () => {
    const personal = new Set<string>();
    for (const run of ['1', '2']) {
      for (const [file, columns] of [['audits.csv', ['visit_id', 'office', 'shopper', 'shopper_phone', 'comment']],
        ['complaints.csv', ['complaint_id', 'complainant', 'complainant_iin', 'text']]] as const) {
        const [header, ...rows] = fs.readFileSync(`${raw}/${run}/${file}`, 'utf8').trim().split('\n');
        const names = header.split(',');
        for (const row of rows.slice(0, 400)) {
          const cells = row.split(',');
          for (const c of columns) {
            const value = cells[names.indexOf(c)]?.trim();
            if (value && value.length >= 6) personal.add(value);
          }
        }
      }
    }
    expect(personal.size).toBeGreaterThan(1000);
    const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
    const texts = walk(site).filter((f) => /\.(html|json|xml|js|svg)$/.test(f) && !f.includes('/assets/'))
      .map((f) => [f, fs.readFileSync(f, 'utf8')] as const);
    texts.push(...['1', '2'].map((r) => [`summary ${r}`, fs.readFileSync(`${raw}/${r}/summary.txt`, 'utf8')] as const));
    const escape = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const any = new RegExp([...personal].map(escape).join('|'));
    for (const [file, text] of texts) expect(text.match(any)?.[0], file).toBeUndefined();
  });
});
