// Embeds and sharing: each `?embed=` piece inside an <iframe> on a page of another origin renders and posts
// its height (in Adal Atlas's form and AMP's); the Embed dialog's snippet, pasted into a plain page, loads
// and fits its frame; the Share dialog's link opens the same view; plain=1 and static=1 do what they say.
import { test, expect, axeViolations, HOST, ready } from './support';
import type { FrameLocator, Page } from '@playwright/test';

test.use({ reducedMotion: 'reduce' });

const APP = 'http://127.0.0.1:4173/app/';

/** Opens the article page with `html` in its body, recording every message the page receives. */
async function article(page: Page, html: string) {
  await page.goto(`${HOST}/`);
  await page.evaluate((html) => {
    // @ts-expect-error test hook
    window.received = [];
    // @ts-expect-error test hook
    window.addEventListener('message', (e) => window.received.push(e.data));
    const holder = document.createElement('div');
    holder.innerHTML = html;
    document.body.appendChild(holder);
    // Scripts set through innerHTML do not run: re-create them, as pasting into a page's HTML would.
    holder.querySelectorAll('script').forEach((old) => {
      const s = document.createElement('script');
      s.textContent = old.textContent;
      old.replaceWith(s);
    });
  }, html);
}

async function received(page: Page): Promise<unknown[]> {
  // @ts-expect-error test hook
  return page.evaluate(() => window.received);
}

/** The heights the article page received for frame `name`. */
async function heightsFor(page: Page, name: string): Promise<number[]> {
  return (await received(page))
    .map((m) => (m as Record<string, Record<string, number>>)?.['adal-atlas-height']?.[name])
    .filter((h): h is number => typeof h === 'number');
}

function frame(page: Page, name: string): FrameLocator {
  return page.frameLocator(`iframe[name="${name}"]`);
}

/** The frame heights the snippet starts with (`EmbedKind::height`). */
const HEIGHTS: Record<string, number> = {
  map: 700, trend: 960, compare: 960, complaints: 880, ranking: 1040, scatter: 1040, services: 1080, figures: 1280, outcomes: 2000,
};

const KINDS: [string, string, string][] = [
  ['map', 'metric=informal_payment_share', '[data-region]'],
  ['trend', 'region=KZ-11', 'figure[data-chart="trend"][data-status="ready"]'],
  ['ranking', 'region=KZ-11', 'figure[data-chart="ranking"][data-status="ready"]'],
  ['compare', 'compare=KZ-11,KZ-75', 'figure[data-chart="trend"][data-status="ready"]'],
  ['scatter', 'compare=KZ-11', 'figure[data-chart="scatter"][data-status="ready"]'],
  ['figures', 'region=KZ-75', '.figure-card'],
  ['services', 'region=KZ-75', 'figure[data-chart="services"][data-status="ready"]'],
  ['complaints', 'region=KZ-75', 'figure[data-chart="complaints"][data-status="ready"]'],
  ['outcomes', 'region=KZ-75', 'section[data-outcomes="KZ-75"] .funnel-drawing svg'],
];

test.describe('embeds', () => {
  for (const [kind, params, shown] of KINDS) {
    test(`embed=${kind} renders alone in a frame on another origin and posts its height`, async ({ page }) => {
      const name = `adal-atlas-${kind}-test`;
      await article(
        page,
        `<iframe src="${APP}?embed=${kind}&${params}&lang=en" name="${name}" title="${kind}" style="width:100%;height:700px;border:0"></iframe>`,
      );
      const f = frame(page, name);
      await expect(f.locator(`.embed[data-embed="${kind}"]`)).toBeVisible();
      await expect(f.locator(shown).first()).toBeVisible();
      // Just the piece: no header, navigation or footer.
      await expect(f.locator('header, nav.view-nav, footer')).toHaveCount(0);
      // The source line names the dataset and the app, and links to the full view (without the embed).
      const source = f.locator('.embed-source a');
      // The pre-rendered embed takes the address's own parameters once it is hydrated.
      await expect(f.locator('html[data-ready]')).toHaveCount(1);
      // Publisher, dataset title, version, licence, publication date, and the app.
      await expect(source).toHaveText(/^Source: .+, version 2026-11\. Licence: .+\. Published: 27 November 2026 · Adal Atlas$/);
      const href = await source.getAttribute('href');
      expect(href).not.toContain('embed=');
      expect(href).toContain(params.split('&')[0]);
      await expect.poll(() => heightsFor(page, name)).not.toEqual([]);
      const heights = await heightsFor(page, name);
      expect(heights.at(-1)!).toBeGreaterThan(150);
      // In a 640-px column the snippet's fixed height (the Embed dialog's) shows the whole piece.
      const before = heights.length;
      await page.locator(`iframe[name="${name}"]`).evaluate((f) => ((f as HTMLElement).style.width = '640px'));
      await expect.poll(async () => (await heightsFor(page, name)).length).toBeGreaterThan(before);
      expect((await heightsFor(page, name)).at(-1)!).toBeLessThanOrEqual(HEIGHTS[kind]);
      const amp = (await received(page)).filter(
        (m) => (m as { sentinel?: string }).sentinel === 'amp' && (m as { type?: string }).type === 'embed-size',
      );
      expect(amp.length).toBeGreaterThan(0);
    });
  }

  test('embed=complaints fetches the complaints by category, not the cells by service and channel', async ({ page }) => {
    await page.goto('./?embed=complaints&region=KZ-75&lang=en');
    await expect(page.locator('figure[data-chart="complaints"][data-status="ready"]')).toBeVisible();
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(fetched.filter((n) => n.endsWith('/data/complaints-detail.json'))).toHaveLength(1);
    expect(fetched.filter((n) => n.includes('audits-detail.json'))).toEqual([]);
  });

  test('the Embed dialog writes a snippet that works pasted into a plain page', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://127.0.0.1:4173' });
    await page.goto('./?region=KZ-11&lang=ru&metric=median_wait');
    const figure = page.locator('figure[data-chart="trend"]');
    await figure.scrollIntoViewIfNeeded();
    await page.locator('section.chart-section').filter({ has: figure }).getByRole('button', { name: 'Встроить' }).click();
    const dialog = page.getByRole('dialog', { name: 'Встроить в веб-страницу' });
    await expect(dialog).toBeVisible();
    const box = dialog.getByRole('textbox');
    await expect(box).toBeFocused();
    const snippet = await box.inputValue();
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:4173\/app\/\?[^"]*embed=trend/);
    expect(snippet).toContain('region=KZ-11');
    expect(snippet).toContain('metric=median_wait');
    expect(snippet).toContain('lang=ru');
    expect(snippet).toContain('loading="lazy"');
    expect(snippet).toContain('width:100%;max-width:100%');
    expect(snippet).toContain('border:0');
    expect(snippet).toMatch(/title="[^"]+"/);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Копировать' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Скопировано.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    // Pasted into an article on another origin, the frame shows the chart and takes its reported height.
    await article(page, snippet);
    const name = /name="([^"]+)"/.exec(snippet)![1];
    const initial = Number(/height="(\d+)"/.exec(snippet)![1]);
    const f = frame(page, name);
    await expect(f.locator('figure[data-chart="trend"][data-status="ready"]')).toBeVisible();
    await expect.poll(() => heightsFor(page, name)).not.toEqual([]);
    const reported = (await heightsFor(page, name)).at(-1)!;
    await expect
      .poll(() => page.locator(`iframe[name="${name}"]`).evaluate((el) => (el as HTMLElement).style.height))
      .toBe(`${reported}px`);
    // Without the script the frame keeps its initial height, which shows the whole chart.
    expect(reported).toBeLessThanOrEqual(initial);
  });

  test('Share gives the link to the view, which opens the same view', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://127.0.0.1:4173' });
    await page.goto('./?view=compare&compare=KZ-11,KZ-75&lang=kk&metric=informal_payment_share');
    await page.getByRole('button', { name: 'Бөлісу' }).click();
    const dialog = page.getByRole('dialog');
    const link = await dialog.getByRole('textbox').inputValue();
    // The comparison's pre-rendered page (Kazakh, at the site's root), with the view's other parameters.
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/app\/compare\/\?/);
    expect(link).toContain('compare=KZ-11,KZ-75');
    expect(link).toContain('v=1');
    await dialog.getByRole('button', { name: 'Көшіру' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Көшірілді.');
    await dialog.getByRole('button', { name: 'Жабу' }).click();
    await expect(dialog).toHaveCount(0);
    // Focus goes back to the button that opened the dialog.
    await expect(page.getByRole('button', { name: 'Бөлісу' })).toBeFocused();
    await page.goto(link);
    await expect(page.locator('input[data-compare="KZ-11"]')).toBeChecked();
    await expect(page.locator('input[data-compare="KZ-75"]')).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  });

  test('where copying is refused, the text stays selected and the dialog says how to copy it', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new Error('denied')) },
      });
    });
    await page.goto('./?lang=en');
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Link to this view' });
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await expect(dialog.getByRole('status')).toContainText('Ctrl+C');
    const selected = await page.evaluate(() => {
      const a = document.getElementById('share-text') as HTMLTextAreaElement;
      return a.value.slice(a.selectionStart, a.selectionEnd);
    });
    expect(selected).toBe(await dialog.getByRole('textbox').inputValue());
  });

  test('plain=1 leaves out title and source; static=1 turns interaction off; axe finds nothing', async ({ page }) => {
    await page.goto('./?embed=ranking&plain=1&static=1&lang=en&theme=dark');
    await expect(page.locator('figure[data-chart="ranking"]')).toHaveAttribute('data-status', 'ready');
    await expect(page.locator('.embed-source')).toHaveCount(0);
    // The demonstration label stays: plain leaves out the title and source, not what the figures are.
    await expect(page.getByRole('note')).toHaveText('Demonstration data');
    await expect(page.locator('.embed h3')).toHaveCSS('position', 'absolute');
    await expect(page.locator('.embed .chart-canvas')).toHaveCSS('pointer-events', 'none');
    await expect(page.locator('.embed .chart-actions')).toBeHidden();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('./?embed=map&lang=ru');
    await expect(page.locator('[data-region]')).toHaveCount(20);
    await expect(page.getByRole('note')).toHaveText('Демонстрационные данные');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a pinned version keeps showing its figures after a newer version is published', async ({ page }) => {
    const value = async (query: string) => {
      await page.goto(`./?embed=figures&lang=en${query}`);
      // Not before the app has drawn the view: until then the page holds the root's own content, hidden
      // (route.js marks it `adal-draws`), whose figures are the default bundle's.
      await ready(page);
      return (await page.locator('[data-metric="informal_payment_share"] .figure-value').textContent())!.trim();
    };
    const demo = await value('');
    expect(await value('&dataset=pinned@2026-11')).toBe(demo);
    // The newer version (no informal payments in the fixture) is what the unpinned link shows.
    expect(await value('&dataset=pinned')).toBe('0.0%');
    expect(demo).not.toBe('0.0%');
    // The Embed dialog pins the version it was made with.
    await page.goto('./?dataset=pinned&lang=en');
    await page.locator('.map-section').getByRole('button', { name: 'Embed' }).click();
    expect(await page.getByRole('dialog').getByRole('textbox').inputValue()).toContain('dataset=pinned@2026-12');
    // A version no longer kept: the current one, and a notice that says so.
    expect(await value('&dataset=pinned@2020-01')).toBe('0.0%');
    await expect(page.getByRole('status').filter({ hasText: 'pinned@2026-12' })).toBeVisible();
  });

  test('a version kept from before contract 3 (every visit) shows the same figures as its cells', async ({ page }) => {
    // `kept` is the demo bundle as the previous release published it (schema_version 2, every visit);
    // the default is the same raw files published as cells. Every figure, interval and n must agree.
    const cards = async (query: string) => {
      await page.goto(`./?embed=figures&lang=en${query}`);
      await ready(page);
      // A dataset other than the default loads after the page is ready: its cards come once it is in.
      await expect(page.getByText('Loading the data…')).toHaveCount(0);
      await expect(page.locator('.figure-card .figure-value').first()).toBeVisible();
      return page.locator('.figure-card').allInnerTexts();
    };
    for (const view of ['', '&region=KZ-31', '&region=KZ-75&period=2025-01..2025-12']) {
      const cells = await cards(view);
      expect(cells.length).toBeGreaterThan(3);
      expect(await cards(`${view}&dataset=kept`)).toEqual(cells);
    }
    // The map's units, with their values and ranks as the accessible table gives them.
    const table = async (query: string) => {
      await page.goto(`./?embed=map&lang=ru${query}`);
      await ready(page);
      await expect(page.getByText('Loading the data…')).toHaveCount(0);
      await expect(page.locator('[data-region]')).toHaveCount(20);
      return page.locator('[data-region]').evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('aria-label')} ${e.getAttribute('fill')}`));
    };
    expect(await table('&dataset=kept')).toEqual(await table(''));
    expect(await axeViolations(page)).toEqual([]);
  });

  test('an unknown embed= shows the full view with a notice', async ({ page }) => {
    await page.goto('./?embed=<b>x</b>&lang=en');
    await expect(page.locator('[data-region]')).toHaveCount(20);
    await expect(page.getByRole('status').filter({ hasText: 'embed' })).toBeVisible();
    await expect(page.locator('b')).toHaveCount(0);
  });
});
