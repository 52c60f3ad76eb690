// A citizen on a 360 × 740 phone (issue 12): the map and the search are on the first screen, the search
// finds a unit by its name or its centre's in any of the three languages and scripts, where to report is
// in the header of every page, the table's rows lead to the units' pages, and Play says each frame.
import { test, expect, axeViolations, ready, viewParams } from './support';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });

/** The bottom edge of `selector`'s box, in CSS px from the top of the page. */
async function bottom(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).boundingBox();
  expect(box, selector).not.toBeNull();
  return box!.y + box!.height;
}

test.describe('on a phone', () => {
  for (const [path, lang] of [['./', 'kk'], ['./ru/', 'ru'], ['./en/', 'en']]) {
    test(`the map and the search are on the first screen (${lang})`, async ({ page }) => {
      await page.goto(path);
      await ready(page);
      expect(await bottom(page, '.map-frame')).toBeLessThanOrEqual(740);
      expect(await bottom(page, '#unit-search')).toBeLessThanOrEqual(740);
      // The controls fold behind one button, which unfolds them.
      const settings = page.locator('.settings-toggle');
      await expect(settings).toHaveAttribute('aria-expanded', 'false');
      await expect(page.locator('#map-metric')).toBeHidden();
      await settings.click();
      await expect(settings).toHaveAttribute('aria-expanded', 'true');
      await expect(page.locator('#map-metric')).toBeVisible();
    });
  }

  test("the cities are labelled symbols whose targets are at least 44 × 44 px, and a tap opens one", async ({ page }) => {
    await page.goto('./ru/');
    await ready(page);
    for (const [code, name] of [['KZ-71', 'Астана'], ['KZ-75', 'Алматы'], ['KZ-79', 'Шымкент']]) {
      // Every element that is the city's unit on the map.
      const targets = page.locator(`.map-frame [data-region="${code}"]`);
      await expect(targets).toHaveCount(1);
      const box = (await targets.boundingBox())!;
      expect(box.width, code).toBeGreaterThanOrEqual(44);
      expect(box.height, code).toBeGreaterThanOrEqual(44);
      await expect(targets).toContainText(name);
      await expect(targets).toHaveAttribute('aria-label', new RegExp(`^город ${name}: `));
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-region="KZ-79"]').tap();
    await expect.poll(() => viewParams(page).get('region')).toBe('KZ-79');
  });

  test('the search finds a unit by its name or its centre, and Enter opens the first', async ({ page, watch }) => {
    await page.goto('./ru/');
    await ready(page);
    const box = page.getByRole('combobox', { name: 'Найти свой регион или город' });
    for (const [typed, code] of [
      ['тараз', 'KZ-31'],
      ['OSKEMEN', 'KZ-63'],
      ['усть-кам', 'KZ-63'],
      ['Şymkent', 'KZ-79'],
      ['қарағанды обл', 'KZ-35'],
      ['Semey', 'KZ-10'],
    ] as const) {
      await box.fill(typed);
      await expect(box).toHaveAttribute('aria-expanded', 'true');
      const first = page.getByRole('listbox').getByRole('option').first();
      await expect(first).toHaveAttribute('data-code', code);
      await expect(first).toHaveAttribute('aria-selected', 'true');
      await box.press('Enter');
      await expect.poll(() => viewParams(page).get('region'), { message: typed }).toBe(code);
      await page.goBack();
      await ready(page);
    }
    expect(watch.consoleErrors).toEqual([]);
  });

  test('a word for region being typed ranks the region first, in each language (issue 20)', async ({ page }) => {
    for (const [lang, name, typed, code] of [
      ['en', 'Find your region or city', 'almaty reg', 'KZ-19'],
      ['ru', 'Найти свой регион или город', 'алматы обла', 'KZ-19'],
      ['kk', null, 'алматы облы', 'KZ-19'],
      ['en', 'Find your region or city', 'almaty ci', 'KZ-75'],
    ] as const) {
      await page.goto(lang === 'kk' ? './' : `./${lang}/`); // Kazakh is the root
      await ready(page);
      const box = name ? page.getByRole('combobox', { name }) : page.getByRole('combobox');
      await box.pressSequentially(typed);
      await expect(page.getByRole('option').first(), typed).toHaveAttribute('data-code', code);
      await box.press('Enter');
      await expect.poll(() => viewParams(page).get('region'), { message: typed }).toBe(code);
    }
  });

  test('a name of two units offers both, and the arrow keys choose', async ({ page }) => {
    await page.goto('./en/');
    await ready(page);
    const box = page.getByRole('combobox', { name: 'Find your region or city' });
    await box.fill('almaty');
    const options = page.getByRole('option');
    await expect(options).toHaveText(['Almaty (city)', 'Almaty Region']);
    await expect(page.locator('.unit-search [aria-live]')).toHaveText(/^Found: 2\./);
    await box.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', 'unit-search-KZ-19');
    expect(await axeViolations(page)).toEqual([]);
    await box.press('Escape');
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    // Found by the centre's name: the offer says so.
    await box.fill('Taraz');
    await expect(options).toHaveText(['Jambyl Region — Taraz']);
    await options.first().click();
    await expect.poll(() => viewParams(page).get('region')).toBe('KZ-31');
    // Nothing of that name: said, not offered.
    await page.goBack();
    await ready(page);
    await box.fill('Paris');
    await expect(options).toHaveCount(0);
    await expect(page.locator('.unit-search [aria-live]')).toHaveText('No region or city of that name.');
  });

  test('where to report is in the header of every page, the call centre first', async ({ page }) => {
    for (const path of ['./ru/', './ru/region/KZ-75/', './ru/compare/', './ru/method/']) {
      await page.goto(path);
      await ready(page);
      const nav = page.getByRole('navigation', { name: 'Сообщить о коррупции' });
      const links = nav.getByRole('link');
      await expect(links.first()).toHaveAttribute('href', 'tel:1424');
      await expect(links.first()).toHaveAccessibleName('Позвонить 1424');
      expect(await bottom(page, '.report-link')).toBeLessThanOrEqual(740);
      await links.nth(1).click();
      // The reporting panel: this page's, or the overview's; its first link calls 1424.
      const panel = page.locator('#report');
      await expect(panel).toBeInViewport();
      await expect(panel.locator('a').first()).toHaveAttribute('href', 'tel:1424');
    }
  });

  test('beside the reporting panel, a guide names the law, what counts, and the protection of reporters', async ({ page }) => {
    for (const [path, law, title] of [
      ['./ru/region/KZ-79/', '№ 410-V', '«О противодействии коррупции»'],
      ['./en/', 'No. 410-V', '«On Combating Corruption»'],
      ['./', '№ 410-V', '«Сыбайлас жемқорлыққа қарсы іс-қимыл туралы»'],
    ]) {
      await page.goto(path);
      await ready(page);
      const guide = page.locator('.report-area .rights-guide');
      await expect(guide).toContainText(law);
      await expect(guide).toContainText(title);
      // Next to the panel, in the same area.
      await expect(page.locator('.report-area > #report + .rights-guide')).toHaveCount(1);
      // The metric the mystery shoppers record, by the bundle's own name for it; the law's text linked.
      await expect(guide.getByRole('link').first()).toHaveAttribute('href', /^https:\/\/adilet\.zan\.kz\/(kaz|rus|eng)\/docs\/Z1500000410$/);
    }
    await expect(page.locator('.rights-guide')).toContainText('«Бейресми төлем сұралған сапарлар»');
    expect(await axeViolations(page)).toEqual([]);
  });

  test("the table's rows lead to the units' pages, keeping the metric", async ({ page }) => {
    await page.goto('./en/?metric=informal_payment_share');
    await ready(page);
    await page.locator('.settings-toggle').click();
    await page.getByRole('button', { name: 'Show as a table' }).click();
    await page.getByRole('table').getByRole('link', { name: 'Shymkent (city)' }).click();
    await expect.poll(() => viewParams(page).get('region')).toBe('KZ-79');
    expect(viewParams(page).get('metric')).toBe('informal_payment_share');
  });

  test("a unit's page has its own period control, kept in the URL", async ({ page }) => {
    await page.goto('./en/region/KZ-75/?period=2025-01..2025-12');
    await ready(page);
    await expect(page.locator('#region-from')).toHaveValue('2025-01');
    await expect(page.locator('#region-to')).toHaveValue('2025-12');
    await expect(page.locator('.figures-period').first()).toHaveText('2025');
    await page.locator('#region-from').selectOption('2025-07');
    await expect.poll(() => viewParams(page).get('period')).toBe('2025-07..2025-12');
    await expect(page.locator('.figures-period').first()).toHaveText('July 2025 – December 2025');
    expect(viewParams(page).get('region')).toBe('KZ-75');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('Play says each frame in a polite live region', async ({ page }) => {
    await page.goto('./en/');
    await ready(page);
    await page.locator('.settings-toggle').click();
    const live = page.locator('.map-controls [aria-live="polite"]');
    await expect(live).toHaveText('');
    await page.getByRole('button', { name: 'Play by quarter' }).click();
    await expect(live).toHaveText('Shown: Q1 2023');
    await expect(live).toHaveText('Shown: Q2 2023', { timeout: 5000 });
    await page.getByRole('button', { name: 'Pause' }).click();
  });
});
