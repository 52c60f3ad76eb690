// The chart views: a unit's page, the ranking, the comparison and the data and method page. Charts are
// drawn by ECharts from options built in the chart worker; each is checked through ECharts' own option and
// through its text alternative (the table under it), and every view is scanned by axe.
import { test, expect, axeViolations, drawn, Overview, ORIGIN, viewParams } from './support';
import type { Page } from '@playwright/test';

test.use({ reducedMotion: 'reduce' });

/** The option ECharts holds for the chart `name`: each series' name and number of points. */
async function option(page: Page, name: string) {
  return page.evaluate((name) => {
    const el = document.querySelector(`figure[data-chart="${name}"] .chart-canvas`);
    // @ts-expect-error echarts is loaded by the page
    const o = window.echarts.getInstanceByDom(el).getOption();
    return {
      series: o.series.map((s: { name: string; data: unknown[] }) => ({ name: s.name, points: s.data.length })),
      aria: o.aria.enabled as boolean,
    };
  }, name);
}

/** Clicks data item `index` of series `series` of the chart `name`, where ECharts drew it. */
async function clickItem(page: Page, name: string, series: number, index: number) {
  const point = await page.evaluate(
    ([name, series, index]) => {
      const el = document.querySelector(`figure[data-chart="${name}"] .chart-canvas`) as HTMLElement;
      // @ts-expect-error echarts is loaded by the page
      const chart = window.echarts.getInstanceByDom(el);
      const item = chart.getOption().series[series].data[index];
      const value = Array.isArray(item.value) ? item.value : [item.value, index];
      const [x, y] = chart.convertToPixel({ seriesIndex: series }, value);
      const box = el.getBoundingClientRect();
      return { x: box.left + x, y: box.top + y, name: item.name as string };
    },
    [name, series, index] as const,
  );
  await page.mouse.click(point.x, point.y);
  return point.name;
}

test.describe('the chart views', () => {
  test('the first view loads neither ECharts nor the chart worker; the ranking below the map does', async ({ page, watch }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await new Overview(page).open('?lang=en');
    await expect(page.locator('[data-region]')).toHaveCount(20);
    await page.waitForTimeout(500);
    expect(requests.filter((u) => /echarts|chart-worker/.test(u))).toEqual([]);
    await drawn(page, 'ranking');
    expect(requests.some((u) => /\/vendor\/echarts-[0-9a-f]{12,16}\.min\.js$/.test(u))).toBe(true);
    expect(requests.some((u) => /\/chart-worker-[0-9a-f]{12,16}_bg\.wasm$/.test(u))).toBe(true);
    expect(requests.every((u) => u.startsWith(`${ORIGIN}/`) || u.startsWith('data:'))).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('from the map to a unit by click: its trend has one point per quarter of the period, its tables match', async ({ page, watch }) => {
    await new Overview(page).open('?lang=en&period=2025-01..2025-12');
    await page.locator('[data-region="KZ-35"]').click();
    await expect(page.getByRole('heading', { name: 'Karaganda Region', level: 2, exact: true })).toBeVisible();
    await expect(page.locator('.figure-card[data-metric="quality_index"] .figure-change')).toHaveText(
      /^Change against 2024: [+−]?\d+\.\d$/,
    );
    await expect(page.locator('.region-facts')).toHaveText(/^Population [\d,]+ on 1 January 2023$/);
    const trend = await drawn(page, 'trend');
    // The demo's visits come in one month of each quarter, and a fifth of them are published by quarter:
    // the line goes by quarter, and says why.
    await expect(page.getByText(/Part of these data is published only by quarter or year/)).toBeVisible();
    // The key figures' change and the line say what they compare (issue 10, point 5).
    await expect(page.getByText('The change beside the key figures compares 2025 as a whole with 2024; the line shows 2025 by quarter')).toBeVisible();
    const o = await option(page, 'trend');
    expect(o.aria).toBe(true);
    expect(o.series.map((s) => s.name)).toEqual(['95 % interval –', '95 % interval', 'Karaganda Region', 'Whole country']);
    expect(o.series.every((s) => s.points === 4)).toBe(true);
    await trend.getByText("Show the chart's figures as a table").click();
    await expect(trend.locator('tbody tr')).toHaveCount(4);
    await expect(trend.locator('tbody th')).toHaveText(['Q1 2025', 'Q2 2025', 'Q3 2025', 'Q4 2025']);
    await expect(trend.locator('.chart-canvas')).toHaveAttribute('aria-label', /^Service quality index, by quarter, 2025: Karaganda Region \d+\.\d → \d+\.\d; Whole country/);
    // Complaint rates are counts from monthly totals: one point a month.
    await page.getByLabel('Metric').selectOption('complaints_per_100k');
    await expect.poll(async () => (await option(page, 'trend')).series.map((s) => s.points)).toEqual([12, 12]);
    const services = await drawn(page, 'services');
    await expect(services.locator('tbody tr')).toHaveCount(10);
    const complaints = await drawn(page, 'complaints');
    await expect(complaints.locator('tbody tr')).toHaveCount(4);
    await drawn(page, 'ranking');
    await expect(page.getByRole('heading', { name: 'How to report corruption' })).toBeVisible();
    expect(watch.consoleErrors).toEqual([]);
  });

  test('a click on a dot of the ranking opens that unit', async ({ page }) => {
    // Without the entry animation, so that the dot is where convertToPixel says when it is clicked.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await new Overview(page).open('?lang=en');
    await drawn(page, 'ranking');
    // The dot's name carries its rank and rank interval: «Astana (city) · Rank 1 of 20 (95 % rank interval: 1–2)».
    // On a loaded machine the dot's hover emphasis can be redrawn between mouse down and up, which ECharts
    // does not count as a click: as a person would, click again if nothing happened.
    let dot = '';
    await expect(async () => {
      dot = await clickItem(page, 'ranking', 2, 0);
      await expect(page.getByRole('heading', { name: dot.split(' · ')[0], level: 2, exact: true })).toBeVisible({ timeout: 3000 });
    }).toPass({ timeout: 30_000 });
    const [, rank] = dot.split(' · ');
    expect(rank).toMatch(/^Rank 1 of 20 \(95 % rank interval: 1–\d+\)$/);
    await expect(page.locator('.region-rank')).toContainText(/Rank 1 of 20 \(95 % rank interval: 1–\d+\)/);
    expect(viewParams(page).get('region')).toMatch(/^KZ-\d\d$/);
  });

  test('compare= in the URL restores the comparison; the list writes it back', async ({ page, watch }) => {
    await new Overview(page).open('?lang=en&view=compare&compare=KZ-11,KZ-75');
    await expect(page.getByRole('heading', { name: 'Compare regions', level: 2 })).toBeVisible();
    await expect(page.locator('input[data-compare]:checked')).toHaveCount(2);
    await expect(page.getByText('Regions chosen: 2 of 5')).toBeVisible();
    await drawn(page, 'trend');
    const o = await option(page, 'trend');
    expect(o.series.map((s) => s.name)).toEqual(['Akmola Region', 'Almaty (city)', 'Whole country']);
    await page.getByLabel('Find a region').fill('karag');
    await expect(page.locator('input[data-compare]')).toHaveCount(1);
    await page.getByLabel('Karaganda Region').check();
    await expect.poll(() => viewParams(page).get('compare')).toBe('KZ-11,KZ-75,KZ-35');
    await expect.poll(async () => (await option(page, 'trend')).series.length).toBe(4);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('a compare= of seven codes shows five and its notice names the two left out', async ({ page, watch }) => {
    await new Overview(page).open('?lang=en&view=compare&compare=KZ-11,KZ-75,KZ-71,KZ-79,KZ-19,KZ-35,KZ-99');
    await expect(page.locator('input[data-compare]:checked')).toHaveCount(5);
    await expect(page.getByText('Regions chosen: 5 of 5')).toBeVisible();
    const notice = page.locator('.notice', { hasText: 'left out' });
    await expect(notice).toHaveText(
      'The link asks to compare more than five units, or names unknown or repeated ones; left out: «Karaganda Region», «KZ-99».');
    // Russian, with the unit's Russian name.
    await new Overview(page).open('?lang=ru&view=compare&compare=KZ-11,KZ-75,KZ-71,KZ-79,KZ-19,KZ-35,KZ-11');
    await expect(page.locator('.notice', { hasText: 'не показаны' })).toContainText('«Карагандинская область», «Акмолинская область».');
    expect(watch.consoleErrors).toEqual([]);
  });

  test('a click on a point of the scatter opens that unit', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await new Overview(page).open('?lang=en&view=compare');
    await drawn(page, 'scatter');
    const o = await option(page, 'scatter');
    expect(o.series[0].points).toBe(20);
    await expect(async () => {
      const name = await clickItem(page, 'scatter', 0, 5);
      await expect(page.getByRole('heading', { name, level: 2, exact: true })).toBeVisible({ timeout: 3000 });
    }).toPass({ timeout: 30_000 });
  });

  test('the data and method view: metrics, anonymisation and the sample of every unit', async ({ page, watch }) => {
    await new Overview(page).open('?lang=ru&view=data');
    await expect(page.getByRole('heading', { name: 'Данные и методика', level: 2 })).toBeVisible();
    await expect(page.getByText(/k = 5/)).toBeVisible();
    await expect(page.locator('.ladder li')).toHaveCount(8);
    await expect(page.locator('.metric-definitions dt')).toHaveCount(7);
    await expect(page.locator('.figure-table tbody tr')).toHaveCount(21);
    expect(watch.consoleErrors).toEqual([]);
  });

  for (const [view, query] of [
    ['region', '?lang=kk&region=KZ-75'],
    ['region, dark', '?lang=en&region=KZ-11&theme=dark&metric=informal_payment_share'],
    ['overview with the ranking', '?lang=ru'],
    ['compare', '?lang=en&view=compare&compare=KZ-11,KZ-75,KZ-19'],
    ['data', '?lang=en&view=data'],
  ] as const) {
    test(`axe finds no WCAG 2.1 A/AA violations: ${view}`, async ({ page, watch }) => {
      await new Overview(page).open(query);
      await expect(page.locator('main h2').first()).toBeVisible();
      for (const f of await page.locator('figure.chart').all()) {
        await f.scrollIntoViewIfNeeded();
        await expect(f).toHaveAttribute('data-status', 'ready');
      }
      expect(await axeViolations(page)).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
    });
  }

  for (const query of ['?lang=kk&region=KZ-75', '?lang=ru&view=compare&compare=KZ-11,KZ-75', '?lang=kk&view=data']) {
    test(`360 px phone, no sideways scrolling: ${query}`, async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await new Overview(page).open(query);
      await expect(page.locator('main h2').first()).toBeVisible();
      for (const f of await page.locator('figure.chart').all()) {
        await f.scrollIntoViewIfNeeded();
        await expect(f).toHaveAttribute('data-status', 'ready');
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    });
  }
});
