// A unit's page on paper (issue 12, point 4): one A4 sheet with what a civil-society group brings to a
// meeting — name, period, key figures with intervals and n, the trend, the rank with its interval, where
// to report, the method in two lines, source and version, and the demonstration label.
import { test, expect, drawn, ready } from './support';

for (const [path, rank] of [
  ['./en/region/KZ-79/', /rank interval/],
  ['./ru/region/KZ-62/', /интервал/],
  ['./region/KZ-75/', /аралығы/],
] as const) {
  test(`a unit's page prints on one A4 sheet (${path})`, async ({ page }) => {
    await page.goto(path);
    await ready(page);
    await drawn(page, 'trend');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#region-heading')).toBeVisible();
    await expect(page.locator('.figures-period').first()).toBeVisible();
    const cards = page.locator('.figure-card');
    await expect(cards).toHaveCount(7);
    await expect(cards.first()).toContainText(/95/);
    await expect(page.locator('figure[data-chart="trend"]')).toBeVisible();
    await expect(page.locator('.region-rank')).toContainText(rank);
    await expect(page.locator('#report a[href^="tel:"]').first()).toBeVisible();
    await expect(page.locator('.region-page .print-only')).toBeVisible();
    await expect(page.locator('.site-footer')).toContainText('2026-11');
    await expect(page.locator('.demo-banner')).toBeVisible();
    // What came of the unit's reports, in a line.
    await expect(page.locator('.outcomes [data-step="received"] .figure-value')).toBeVisible();
    for (const table of ['outcome-stages', 'outcome-times']) await expect(page.locator(`.outcomes table.${table}`)).toBeHidden();
    // Left out on paper.
    await expect(page.locator('section[data-findings]')).toBeHidden();
    await expect(page.locator('.view-nav')).toBeHidden();
    await expect(page.locator('figure[data-chart="services"]')).toBeHidden();
    // Laid out at the sheet's width (A4 less 12 mm margins: 186 mm, 703 CSS px), it is no taller than the
    // sheet (273 mm, 1032 px), and nothing is wider, so that nothing is shrunk to fit (the window lower than
    // the sheet, so that the height measured is the content's).
    await page.setViewportSize({ width: 703, height: 600 });
    // (The charts take the new width once their observers have run.)
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(703);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1032);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    // The page tree's count of sheets (Chromium writes it uncompressed).
    expect(pdf.toString('latin1').match(/\/Type \/Pages\s*\/Count (\d+)/)?.[1]).toBe('1');
  });
}
