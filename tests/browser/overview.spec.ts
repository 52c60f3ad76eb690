import { test, expect, axeViolations, Overview, viewParams, drawn } from './support';
import type { Page } from '@playwright/test';

test.describe('the overview on the demo bundle', () => {
  test('loads with the key figures, the demo banner and the report panel, without console errors', async ({ page, watch }) => {
    const overview = new Overview(page);
    await overview.open('?lang=en');
    await overview.waitForFigures();
    await expect(page.getByRole('heading', { name: 'Key figures for the whole country' })).toBeVisible();
    await expect(page.getByText('Demonstration data. These figures are synthetic')).toBeVisible();
    await expect(overview.card('quality_index').locator('.figure-value')).toHaveText(/^\d+\.\d$/);
    await expect(overview.card('informal_payment_share').locator('.figure-value')).toHaveText(/^\d+\.\d%$/);
    await expect(overview.card('informal_payment_share')).toContainText(/95 % interval: \d+\.\d% – \d+\.\d%/);
    await expect(overview.card('informal_payment_share')).toContainText(/Visits: \d{1,3}(,\d{3})*/);
    await expect(overview.card('complaints').locator('.figure-value')).toHaveText(/^\d{1,3}(,\d{3})+$/);
    // In the reporting panel, and in the header (tests/browser/phone.spec.ts).
    await expect(page.locator('#report').getByRole('link', { name: 'Call 1424' })).toHaveAttribute('href', 'tel:1424');
    await expect(page.locator('.figures-period').first()).toHaveText('October 2025 – September 2026');
    expect(watch.consoleErrors).toEqual([]);
  });

  test('the language switcher changes the text and the URL, and keeps the rest of the URL', async ({ page, watch }) => {
    const overview = new Overview(page);
    await overview.open('?theme=dark&lang=en');
    await overview.waitForFigures();
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Русский' }).click();
    await expect(page.getByRole('heading', { name: 'Основные показатели по всей стране' })).toBeVisible();
    expect(viewParams(page).get('lang')).toBe('ru');
    expect(viewParams(page).get('theme')).toBe('dark');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    // Russian groups thousands with a (no-break) space and writes a decimal comma.
    await expect(overview.card('complaints').locator('.figure-value')).toHaveText(/^\d{1,3}(\u00a0\d{3})+$/);
    await expect(overview.card('quality_index').locator('.figure-value')).toHaveText(/^\d+,\d$/);
    await page.getByRole('navigation', { name: 'Язык' }).getByRole('link', { name: 'Қазақша' }).click();
    await expect(page.getByRole('heading', { name: 'Бүкіл ел бойынша негізгі көрсеткіштер' })).toBeVisible();
    await expect(page.locator('.figures-period').first()).toHaveText('2025 ж. қазан – 2026 ж. қыркүйек');
    expect(viewParams(page).get('lang')).toBe('kk');
    expect(watch.consoleErrors).toEqual([]);
  });

  test('without ?lang= the page is Kazakh, whatever the browser prefers: no flash of another language', async ({ browser }) => {
    for (const [locale, heading] of [
      ['ru-RU', 'Бүкіл ел бойынша негізгі көрсеткіштер'],
      ['en-GB', 'Бүкіл ел бойынша негізгі көрсеткіштер'],
    ]) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto('./');
      await expect(page.getByRole('heading', { name: heading })).toBeVisible();
      await context.close();
    }
  });

  test('a dataset not on the allow-list is never fetched: the default is shown with a notice', async ({ page, watch }) => {
    const overview = new Overview(page);
    await overview.open('?lang=en&dataset=https%3A%2F%2Fevil.example%2Fforged%2F');
    await overview.waitForFigures();
    await expect(page.getByText('is not published on this site; showing «demo» instead')).toBeVisible();
    expect(watch.consoleErrors).toEqual([]);
  });

  test('strings from the data are shown as text, never as markup', async ({ page }) => {
    const overview = new Overview(page);
    await overview.open('?lang=en&dataset=fixtures-markup-in-data');
    await overview.waitForFigures();
    await expect(page.locator('.dataset-title')).toHaveText('<img src=x onerror="window.__owned=1">Title <b>bold</b>');
    await expect(page.locator('header img, header b, header script')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
  });

  test('works on a 360 px phone without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const overview = new Overview(page);
    await overview.open('?lang=kk');
    await overview.waitForFigures();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  for (const [name, query] of [
    ['English, light', '?lang=en&theme=light'],
    ['Kazakh, dark', '?lang=kk&theme=dark'],
    ['Russian, system theme', '?lang=ru'],
  ]) {
    test(`axe finds no WCAG 2.1 A/AA violations: ${name}`, async ({ page }) => {
      const overview = new Overview(page);
      await overview.open(query);
      await overview.waitForFigures();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

test.describe('loading failures are explained, with a retry, and never blank the page', () => {
  const cases: [string, RegExp][] = [
    ['invalid-json', /The file audits\.json is damaged: it is not valid data \(line 1, column \d+\)/],
    ['bad-version', /The file manifest\.json uses data format version 4/],
    ['old-version', /The file manifest\.json was published in an older data format \(version 1\).*publish it again with the current adal tool/],
    ['bad-checksum', /The file audits\.json does not match the checksum in its manifest/],
    ['unequal-columns', /column «waits» has \d+ entries where \d+ are declared/],
    ['unknown-region', /names a region code that does not exist: «KZ-99»/],
    ['http-error', /The server answered with error 404 for audits\.json/],
  ];
  for (const [fixture, message] of cases) {
    test(`${fixture}: the message says what happened`, async ({ page }) => {
      const overview = new Overview(page);
      await overview.open(`?lang=en&dataset=fixtures-${fixture}`);
      await expect(overview.alert()).toContainText(message);
      await expect(overview.alert().getByRole('button', { name: 'Try again' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Adal Atlas', level: 1 })).toBeVisible();
    });
  }

  test('the message is in the reader language', async ({ page }) => {
    const overview = new Overview(page);
    await overview.open('?lang=kk&dataset=fixtures-bad-checksum');
    await expect(overview.alert()).toContainText('audits.json файлы манифесттегі бақылау сомасына сәйкес келмейді');
    await expect(overview.alert().getByRole('button', { name: 'Қайталау' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a network failure is reported, and the retry loads the data', async ({ page }) => {
    let failures = 0;
    await page.route('**/data/audits.json', async (route) => {
      if (failures === 0) {
        failures += 1;
        await route.abort('internetdisconnected');
      } else {
        await route.continue();
      }
    });
    const overview = new Overview(page);
    await overview.open('?lang=en');
    await expect(overview.alert()).toContainText('The connection broke while loading audits.json');
    await overview.alert().getByRole('button', { name: 'Try again' }).click();
    await overview.waitForFigures();
    await expect(overview.alert()).toHaveCount(0);
  });

  test('large files show their progress while they arrive', async ({ page }) => {
    // A slow connection (300 KB/s) makes the 1.2 MB audits.json of a version kept from contract 2 take a
    // few seconds. A dataset other than the default has no pre-rendered page and is not preloaded: the
    // app loads it, and shows its progress.
    // The app's own files first, at full speed (they are then in the browser's cache): only the data crawl.
    const overview = new Overview(page);
    await overview.open('?lang=en');
    await overview.waitForFigures();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: 300 * 1024,
      uploadThroughput: -1,
    });
    await overview.open('?lang=en&dataset=kept');
    await expect(page.getByRole('status').filter({ hasText: 'Loading the data…' })).toBeVisible();
    const bar = page.getByRole('progressbar', { name: /audits\.json: [\d.]+ [KM]B of 1\.2 MB/ });
    await expect(bar).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await overview.waitForFigures();
  });
});

test('the first view asks for its data beside the wasm, once each (index.html preloads the default bundle)', async ({ page, watch }) => {
  const overview = new Overview(page);
  await overview.open('?lang=en');
  await overview.waitForFigures();
  const entries = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({ name: (e as PerformanceResourceTiming).name, initiator: (e as PerformanceResourceTiming).initiatorType })),
  );
  for (const file of ['data/datasets.json', 'data/manifest.json', 'data/audits.json', 'data/complaints.json', 'data/outcomes.json', 'data/geo/kz-regions.json']) {
    const loads = entries.filter((e) => e.name.endsWith(`/app/${file}`));
    // Asked for by the page's <link rel="preload">, and the app's fetch took that response: one request.
    expect(loads.map((e) => e.initiator), file).toEqual(['link']);
  }
  // The cells by service and channel, and the complaints' by category, are not part of the first view.
  expect(entries.filter((e) => e.name.includes('audits-detail.json') || e.name.includes('complaints-detail.json'))).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});

test.describe('the breakdown by service and channel is fetched when a view asks for it', () => {
  const detailLoads = (page: Page) =>
    page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/audits-detail.json')).length);

  test('choosing a service fetches it once, and the map shows the service', async ({ page, watch }) => {
    const overview = new Overview(page);
    await overview.open('?lang=en');
    await overview.waitForFigures();
    const before = await page.locator('[data-region="KZ-75"]').getAttribute('aria-label');
    await page.selectOption('#map-service', 'healthcare');
    await expect(page.locator('[data-region]')).toHaveCount(20);
    await expect(page.locator('[data-region="KZ-75"]')).not.toHaveAttribute('aria-label', before!);
    expect(await detailLoads(page)).toBe(1);
    // Back to every service and to another one: no second fetch.
    await page.selectOption('#map-service', '');
    await page.selectOption('#map-service', 'id_documents');
    await expect(page.locator('[data-region]')).toHaveCount(20);
    expect(await detailLoads(page)).toBe(1);
    // The same figures as a link that opens on the service.
    const labels = () => page.locator('[data-region]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    const chosen = await labels();
    await overview.open('?lang=en&service=id_documents');
    await expect(page.locator('[data-region]')).toHaveCount(20);
    await expect.poll(labels).toEqual(chosen);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('a failed fetch says so where the map was, with a retry; the rest of the page stays', async ({ page }) => {
    let fail = true;
    await page.route('**/data/audits-detail.json', (route) => (fail ? route.abort() : route.continue()));
    const overview = new Overview(page);
    await overview.open('?lang=en&service=healthcare');
    const alert = page.locator('.map-section').getByRole('alert').first();
    await expect(alert).toContainText('audits-detail.json');
    await expect(overview.figuresHeading()).toBeVisible();
    // One alert and one retry on the page, by the map: the other parts that wait for the cells (the
    // map's summary, the ranking) stay empty rather than repeat it.
    await expect(page.locator('.ranking-section')).toBeAttached();
    await expect(page.locator('.map-section').getByRole('button', { name: 'PNG' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(1);
    expect(await axeViolations(page)).toEqual([]);
    fail = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('[data-region]')).toHaveCount(20);
    await expect(page.locator('.map-section').getByRole('alert')).toHaveCount(0);
  });

  test('cells that do not add up to the unit totals are refused, in the reader\'s language', async ({ page }) => {
    const overview = new Overview(page);
    await overview.open('?lang=ru&dataset=fixtures-bad-detail&service=healthcare');
    await expect(page.locator('.map-section').getByRole('alert').first()).toContainText(
      'Файл audits-detail.json не сходится с файлом audits.json',
    );
    await overview.waitForFigures();
  });

  test('forged cells by category: the first view opens, and the unit\'s page says why, once', async ({ page, watch }) => {
    const overview = new Overview(page);
    await overview.open('?lang=ru&dataset=fixtures-bad-categories');
    await overview.waitForFigures();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await overview.open('?lang=ru&dataset=fixtures-bad-categories&region=KZ-75');
    await drawn(page, 'trend');
    await expect(page.getByRole('alert')).toContainText('В файле complaints-detail.json указан несуществующий код региона: «KZ-99»');
    await expect(page.getByRole('alert')).toHaveCount(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('a unit\'s page starts with them, asked for beside the other files', async ({ page, watch }) => {
    await page.goto('./en/region/KZ-75/');
    await drawn(page, 'services');
    await drawn(page, 'complaints');
    for (const file of ['/audits-detail.json', '/complaints-detail.json']) {
      const loads = await page.evaluate((file) =>
        performance.getEntriesByType('resource').filter((e) => e.name.includes(file)).map((e) => (e as PerformanceResourceTiming).initiatorType),
      file);
      expect(loads, file).toEqual(['link']);
    }
    expect(watch.consoleErrors).toEqual([]);
  });
});
