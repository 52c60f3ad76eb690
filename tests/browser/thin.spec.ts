// The main pages on the thin demonstration programme (public/data/thin, `adal demo --profile thin`):
// 6,000 visits and 9,000 complaints over 45 months, published mostly by quarter and, for the smallest
// units, by year. The pages must open on whole periods and count what happened (issue 10); the shares
// themselves are checked against the raw rows by the cargo test
// `on_a_thin_programme_the_pages_count_what_happened`.
import { test, expect, axeViolations, drawn, Overview, viewParams } from './support';

const THIN = 'dataset=demo-thin';

test.describe('the thin programme', () => {
  test('the overview opens on the last whole year and counts every record of it', async ({ page, watch }) => {
    const overview = new Overview(page);
    await overview.open(`?${THIN}&lang=en`);
    await overview.waitForFigures();
    await expect(page.locator('.figures-period').first()).toHaveText('2025');
    await expect(page.locator('.period-note')).toContainText('Periods: whole years');
    // The period picker offers whole years only: from January, to December (or the data's last month).
    const from = await page.locator('#map-from option').evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value));
    expect(from).toEqual(['2023-01', '2024-01', '2025-01', '2026-01']);
    const to = await page.locator('#map-to option').evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value));
    expect(to).toEqual(['2023-12', '2024-12', '2025-12', '2026-09']);
    // Nothing of the period is left uncounted, so no page says so.
    await expect(page.locator('.key-figures .note')).toHaveCount(0);
    await expect(page.locator('.coverage-note')).toHaveCount(0);
    await expect(overview.card('informal_payment_share')).toContainText(/Visits: 1,\d{3}/);
    await expect(page.locator('[data-region]')).toHaveCount(20);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('a period that cuts quarters in two says how many records it cannot count', async ({ page }) => {
    const overview = new Overview(page);
    await overview.open(`?${THIN}&lang=en&period=2025-02..2025-11`);
    await overview.waitForFigures();
    // The controls show the link's own months, and Play goes by year.
    await expect(page.locator('#map-from')).toHaveValue('2025-02');
    await expect(page.locator('#map-to')).toHaveValue('2025-11');
    await expect(page.getByRole('button', { name: 'Play by year' })).toBeVisible();
    // Under the map (the overview's key figures are those of the default period, and say so).
    await expect(page.locator('.coverage-note').first()).toContainText(/\d+ visits of this period are published only by quarter or year/);
    await expect(page.locator('.coverage-note').first()).toContainText('Choose whole quarters or years');
    // A unit's key figures follow the period of the link.
    await page.goto(`./?${THIN}&lang=en&view=region&region=KZ-75&period=2025-02..2025-11`);
    await expect(page.locator('.key-figures .note').first()).toContainText(/\d+ visits of this period are published only by quarter or year/);
  });

  test("the smallest unit's page counts its visits and complaints and draws its trend", async ({ page, watch }) => {
    await page.goto(`./?${THIN}&lang=ru&view=region&region=KZ-62`);
    await expect(page.getByRole('heading', { name: /Улытау/ }).first()).toBeVisible();
    const figures = page.locator('.key-figures');
    await expect(figures.locator('[data-metric="completion_share"]')).toContainText(/Визитов: \d+/);
    await expect(figures.locator('[data-metric="complaints"] .figure-value')).toHaveText(/^\d+$/);
    await expect(figures.locator('.note')).toHaveCount(0);
    const trend = await drawn(page, 'trend');
    // The unit's visits are published by year: the line goes by year, and says why.
    await expect(trend).toContainText('по годам');
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('the comparison and the data page open', async ({ page, watch }) => {
    await page.goto(`./?${THIN}&lang=kk&view=compare&compare=KZ-62,KZ-75`);
    await drawn(page, 'trend');
    await drawn(page, 'scatter');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`./?${THIN}&lang=en&view=data`);
    await expect(page.getByRole('heading', { name: 'Anonymisation' })).toBeVisible();
    await expect(page.getByText('Quarter, service and channel hidden.')).toBeVisible();
    expect(watch.consoleErrors).toEqual([]);
  });
});

test.describe('Play', () => {
  test('keeps one set of classes for every frame, so a colour means one value throughout', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const overview = new Overview(page);
    await overview.open('?lang=en');
    await overview.waitForFigures();
    const legend = page.getByRole('group', { name: 'Legend' });
    const step = page.getByRole('button', { name: 'Next quarter' });
    const seen: string[] = [];
    const periods: string[] = [];
    for (let i = 0; i < 3; i++) {
      await step.click();
      await expect.poll(() => viewParams(page).get('period')).not.toBe(periods[periods.length - 1] ?? null);
      periods.push(viewParams(page).get('period') ?? '');
      seen.push((await legend.innerText()).trim());
    }
    expect(new Set(periods).size).toBe(3);
    expect(new Set(seen).size, seen.join('\n---\n')).toBe(1);
  });
});
