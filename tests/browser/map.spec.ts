import { test, expect, axeViolations, Overview, ready, viewParams } from './support';

const units = (page) => page.locator('[data-region]');

test.describe('the region map', () => {
  test('draws all 20 units, each with an accessible name, a legend and a written summary', async ({ page, watch }) => {
    const overview = new Overview(page);
    await overview.open('?lang=en');
    await expect(units(page)).toHaveCount(20);
    for (const code of ['KZ-10', 'KZ-35', 'KZ-71', 'KZ-75', 'KZ-79']) {
      await expect(page.locator(`[data-region="${code}"]`)).toHaveAttribute('aria-label', /: \d+\.\d; 95 % interval: .*; Visits: \d+/);
    }
    await expect(page.locator('[data-symbol]')).toHaveCount(3);
    await expect(page.getByRole('group', { name: 'Legend' })).toContainText('No data');
    await expect(page.locator('#map-summary')).toContainText(/Highest: .+ \(\d+\.\d\)\. Lowest: .+ \(\d+\.\d\)\. Whole country: \d+\.\d\./);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('a click opens the unit and sets region= in the URL; the link back keeps metric and period', async ({ page }) => {
    const overview = new Overview(page);
    await overview.open('?lang=en&metric=median_wait&period=2025-01..2025-12');
    await page.locator('[data-region="KZ-35"]').click();
    await expect(page.getByRole('heading', { name: 'Karaganda Region', level: 2, exact: true })).toBeVisible();
    await expect(page).toHaveURL(/\/app\/en\/region\/KZ-35\/\?/);
    expect(viewParams(page).get('region')).toBe('KZ-35');
    expect(viewParams(page).get('metric')).toBe('median_wait');
    await page.getByRole('link', { name: 'Back to the map' }).click();
    await expect(units(page)).toHaveCount(20);
    expect(viewParams(page).get('region')).toBeNull();
    expect(viewParams(page).get('period')).toBe('2025-01..2025-12');
  });

  test('keyboard only: Tab reaches the map as one stop, arrows move, Enter opens, Escape returns', async ({ page }) => {
    const overview = new Overview(page);
    await overview.open('?lang=en');
    await expect(units(page)).toHaveCount(20);
    await expect(page.locator('[data-region][tabindex="0"]')).toHaveCount(1);
    let focused: string | null = null;
    for (let i = 0; i < 40 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('data-region') ?? null);
    }
    expect(focused).toBe('KZ-10');
    await expect(page.getByRole('tooltip')).toContainText('Abai Region');
    await page.keyboard.press('ArrowLeft');
    const next = await page.evaluate(() => document.activeElement?.getAttribute('data-region'));
    expect(next).toBe('KZ-35');
    await expect(page.getByRole('tooltip')).toContainText('Karaganda Region');
    // One more Tab leaves the map: it is a single stop.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-region') ?? null)).toBeNull();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-region'))).toBe('KZ-35');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Karaganda Region', level: 2, exact: true })).toBeFocused();
    expect(viewParams(page).get('region')).toBe('KZ-35');
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-region="KZ-35"]')).toBeFocused();
    expect(viewParams(page).get('region')).toBeNull();
  });

  test('Home and End move to the first and the last unit; Back puts focus where the reader was', async ({ page }) => {
    await new Overview(page).open('?lang=en');
    await page.locator('[data-region="KZ-35"]').focus();
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('End');
    await expect(page.locator('[data-region="KZ-79"]')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(page.locator('[data-region="KZ-10"]')).toBeFocused();
    // The keys moved on the map, not the page.
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    await page.keyboard.press('ArrowRight');
    const code = await page.evaluate(() => document.activeElement?.getAttribute('data-region'));
    await page.keyboard.press('Enter');
    await expect(page.locator('#region-heading')).toBeFocused();
    await page.goBack();
    await expect(page.locator(`[data-region="${code}"]`)).toBeFocused();
    // From the table's link too.
    await page.getByRole('button', { name: 'Show as a table' }).click();
    await page.getByRole('table').getByRole('link', { name: 'Shymkent (city)' }).click();
    await expect(page.locator('#region-heading')).toBeFocused();
    await page.goBack();
    await expect(page.locator('[data-region-row="KZ-79"] a')).toBeFocused();
  });

  test('the tooltip shows value, interval, sample size, rank and change', async ({ page }) => {
    const overview = new Overview(page);
    await overview.open('?lang=en&metric=informal_payment_share');
    await page.locator('[data-region="KZ-31"]').hover();
    const tip = page.getByRole('tooltip');
    await expect(tip).toContainText('Jambyl Region');
    await expect(tip).toContainText(/\d+\.\d%/);
    await expect(tip).toContainText(/95 % interval: \d+\.\d% – \d+\.\d%/);
    await expect(tip).toContainText(/Visits: \d+/);
    await expect(tip).toContainText(/Rank \d+ of 20/);
    await expect(tip).toContainText(/Change against the previous period: [+−]?\d+\.\d\spp/);
  });

  test('a thin unit gets the low-sample pattern and a caution note', async ({ page }) => {
    const overview = new Overview(page);
    await overview.open('?lang=en');
    await expect(page.locator('[data-low-sample="KZ-62"]')).toHaveCount(1);
    await expect(page.locator('[data-region="KZ-62"]')).toHaveAttribute('aria-label', /few visits — interpret with caution/);
    await expect(page.locator('[data-low-sample="KZ-75"]')).toHaveCount(0);
    await expect(page.getByText('Fewer than 30 visits: interpret with caution')).toBeVisible();
  });

  test('the table toggle shows the same figures as a sortable table', async ({ page }) => {
    const overview = new Overview(page);
    await overview.open('?lang=en');
    await page.getByRole('button', { name: 'Show as a table' }).click();
    const table = page.getByRole('table');
    await expect(table.locator('tbody tr')).toHaveCount(20);
    await expect(table.getByRole('columnheader', { name: 'Rank' })).toHaveAttribute('aria-sort', 'ascending');
    await table.getByRole('button', { name: 'Sort by Region' }).click();
    await expect(table.getByRole('columnheader', { name: 'Region' })).toHaveAttribute('aria-sort', 'ascending');
    await expect(table.locator('tbody tr').first().locator('th')).toHaveText('Abai Region');
    await table.getByRole('button', { name: 'Sort by Region' }).click();
    await expect(table.getByRole('columnheader', { name: 'Region' })).toHaveAttribute('aria-sort', 'descending');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Show as a map' }).click();
    await expect(units(page)).toHaveCount(20);
  });

  test('metric, period, service and channel live in the URL and a reload restores them', async ({ page }) => {
    const overview = new Overview(page);
    await overview.open('?lang=en');
    await page.locator('#map-metric').selectOption('complaints_per_100k');
    await page.locator('#map-from').selectOption('2025-01');
    await page.locator('#map-to').selectOption('2025-06');
    await page.locator('#map-service').selectOption('vehicle_registration');
    await page.locator('#map-channel').selectOption('in_person');
    const url = new URL(page.url());
    expect(url.searchParams.get('metric')).toBe('complaints_per_100k');
    expect(url.searchParams.get('period')).toBe('2025-01..2025-06');
    expect(url.searchParams.get('service')).toBe('vehicle_registration');
    expect(url.searchParams.get('channel')).toBe('in_person');
    await page.reload();
    await expect(page.locator('#map-metric')).toHaveValue('complaints_per_100k');
    await expect(page.locator('#map-from')).toHaveValue('2025-01');
    await expect(page.locator('#map-to')).toHaveValue('2025-06');
    await expect(page.locator('#map-service')).toHaveValue('vehicle_registration');
    await expect(page.locator('#map-channel')).toHaveValue('in_person');
    await expect(page.getByText('The service and channel filters do not apply to complaints.')).toBeVisible();
  });

  test('fixed thresholds from the link class the map, and the legend shows their ranges', async ({ page }) => {
    const overview = new Overview(page);
    await overview.open('?lang=en&metric=informal_payment_share&classes=fixed:0.05,0.1,0.15,0.2');
    const legend = page.getByRole('group', { name: 'Legend' });
    await expect(legend).toContainText('5.0% – 10.0%');
    await expect(legend).toContainText('10.0% – 15.0%');
    await expect(page.locator('#map-classes')).toHaveValue('fixed');
    await page.locator('#map-classes').selectOption('equal');
    expect(viewParams(page).get('classes')).toBe('equal');
  });

  test('invalid URL values fall back to defaults with a short notice', async ({ page, watch }) => {
    const overview = new Overview(page);
    await overview.open('?lang=en&metric=bogus&period=1990-01..2040-01&region=KZ-99&service=%3Cb%3E&theme=sepia');
    await expect(units(page)).toHaveCount(20);
    await expect(page.getByText('«theme=sepia» is not valid')).toBeVisible();
    await expect(page.getByText('The link\'s «metric=bogus» is not valid; the default is shown instead.')).toBeVisible();
    await expect(page.getByText('«region=KZ-99» is not valid')).toBeVisible();
    await expect(page.getByText('«service=<b>» is not valid')).toBeVisible();
    await expect(page.locator('#map-metric')).toHaveValue('quality_index');
    expect(watch.consoleErrors).toEqual([]);
    // A language the site does not have: the Kazakh page, with the notice in Kazakh.
    await page.goto('./?lang=fr');
    await ready(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    await expect(page.locator('.notice', { hasText: '«lang=fr»' })).toBeVisible();
  });

  test('in the dark theme the city symbols stand out from every class colour', async ({ page }) => {
    for (const theme of ['dark', 'light']) {
      await new Overview(page).open(`?lang=en&theme=${theme}`);
      const { ring, halo, fills } = await page.evaluate(() => {
        const dot = document.querySelector('.city-dot')!;
        const haloEl = document.querySelector('.city-halo');
        const fills = [...document.querySelectorAll('path.unit')]
          .map((p) => getComputedStyle(p).fill)
          .filter((f) => f.startsWith('rgb'));
        return { ring: getComputedStyle(dot).stroke, halo: haloEl ? getComputedStyle(haloEl).fill : 'none', fills };
      });
      const rgb = (c: string) => (c.match(/\d+/g) ?? []).slice(0, 3).map(Number);
      const luminance = (c: string) => {
        const [r, g, b] = rgb(c).map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const contrast = (a: string, b: string) => {
        const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
        return (x + 0.05) / (y + 0.05);
      };
      expect(fills.length).toBeGreaterThan(10);
      for (const fill of fills) {
        // The ring or the halo around it: one of them stands out (3:1, WCAG's for graphics) from the unit.
        const best = Math.max(contrast(ring, fill), halo === 'none' ? 0 : contrast(halo, fill));
        expect(best, `${theme}: ${ring} / ${halo} on ${fill}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  test('play steps through quarters', async ({ page }) => {
    const overview = new Overview(page);
    await overview.open('?lang=en');
    await page.getByRole('button', { name: 'Play by quarter' }).click();
    await expect.poll(() => viewParams(page).get('period')).toBe('2023-01..2023-03');
    await expect.poll(() => viewParams(page).get('period'), { timeout: 5000 }).toBe('2023-04..2023-06');
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  test('with reduced motion, play advances one quarter per press', async ({ browser }) => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto('./?lang=en');
    await ready(page);
    await page.getByRole('button', { name: 'Next quarter' }).click();
    await expect.poll(() => viewParams(page).get('period')).toBe('2023-01..2023-03');
    await page.waitForTimeout(2000);
    expect(viewParams(page).get('period')).toBe('2023-01..2023-03');
    await context.close();
  });

  for (const query of ['?lang=en', '?lang=kk&theme=dark&metric=informal_payment_share', '?lang=ru&region=KZ-11']) {
    test(`axe finds no violations with the map showing: ${query}`, async ({ page }) => {
      const overview = new Overview(page);
      await overview.open(query);
      await overview.waitForFigures();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
