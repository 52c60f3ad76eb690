// Downloads: every chart and the map offer PNG (2× pixel ratio) and SVG with the title, legend and source line
// drawn in, and CSV of the figures shown, one row per figure with its numbers in their own columns (UTF-8 with a byte-order mark, headings in the reader's
// language). The files are read back and compared with the view.
import { test, expect, drawn } from './support';
import type { Download, Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

test.use({ reducedMotion: 'reduce' });

/** Clicks the download button for `format` inside `scope` and returns the file's name and bytes. */
async function download(page: Page, scope: Locator, format: 'png' | 'svg' | 'csv') {
  const [file]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    scope.locator(`button[data-download="${format}"]`).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

const CSV_HEADINGS_EN = [
  'Metric', 'Unit of the value', 'From (month)', 'To (month)', 'Code', 'Region', 'Service, category or series',
  'Value', '95 % interval, lower', '95 % interval, upper', 'Visits / complaints', 'Rank', 'Rank interval, best',
  'Rank interval, worst', 'Flag', 'Dataset', 'Version', 'Demonstration data',
];
const CSV_HEADINGS_RU = [
  'Показатель', 'Единица значения', 'С (месяц)', 'По (месяц)', 'Код', 'Регион', 'Услуга, категория или ряд',
  'Значение', '95 % интервал, нижняя граница', '95 % интервал, верхняя граница', 'Визиты / жалобы', 'Место',
  'Интервал места, лучшее', 'Интервал места, худшее', 'Отметка', 'Набор данных', 'Версия', 'Демонстрационные данные',
];

/** RFC 4180 CSV, as a spreadsheet program reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r') continue;
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  return rows;
}

/** The rows of an HTML table as text, heading row first. */
async function tableRows(table: Locator): Promise<string[][]> {
  return table.evaluate((t) =>
    Array.from(t.querySelectorAll('tr')).map((tr) =>
      Array.from(tr.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').replace(/[ \t\r\n]+/g, ' ').trim()),
    ),
  );
}

function pngSize(bytes: Buffer) {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.describe('downloads', () => {
  test('a PNG made in the dark theme has an opaque dark background, corners included', async ({ page }) => {
    await page.goto('./?lang=en&theme=dark');
    await expect(page.locator('[data-region]')).toHaveCount(20);
    const downloads = page.locator('section.map-section').getByRole('group', { name: 'Download' });
    const png = await download(page, downloads, 'png');
    const corners = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [image.width, image.height];
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const at = (x: number, y: number) => Array.from(context.getImageData(x, y, 1, 1).data);
      return [at(0, 0), at(image.width - 1, 0), at(0, image.height - 1), at(image.width - 1, image.height - 1)];
    }, png.bytes.toString('base64'));
    for (const [r, g, b, alpha] of corners) {
      expect(alpha).toBe(255);
      // Dark, as the theme it was made in: its light title and source line stay legible.
      expect(Math.max(r, g, b)).toBeLessThan(80);
    }
  });

  test('a chart: CSV holds exactly its table, in Russian, with a BOM; SVG and PNG carry title and source', async ({ page }) => {
    await page.goto('./?region=KZ-75&lang=ru');
    const figure = await drawn(page, 'trend');
    const section = page.locator('section.chart-section').filter({ has: figure });
    const downloads = section.getByRole('group', { name: 'Скачать' });
    await expect(downloads.getByRole('button')).toHaveText(['PNG', 'SVG', 'CSV']);
    await expect(section.getByRole('button', { name: 'Встроить' })).toBeVisible();

    // CSV: one row per figure, numbers in their own columns with a decimal dot (issue 10, point 7).
    const csv = await download(page, downloads, 'csv');
    expect(csv.name).toBe('adal-atlas_quality_index_2025-10_2026-09_trend.csv');
    expect(csv.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const rows = parseCsv(csv.bytes.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual(CSV_HEADINGS_RU);
    const table = await tableRows(figure.locator('table'));
    // Table: a row per step, a column per series (the unit, the country); CSV: a row per step and series.
    const series = table[0].length - 1;
    expect(rows.length - 1).toBe((table.length - 1) * series);
    const unit = rows.slice(1).filter((r) => r[4] === 'KZ-75');
    expect(unit.length).toBe(table.length - 1);
    unit.forEach((r, i) => {
      expect(r[0]).toBe('quality_index');
      expect(r[1]).toBe('index_0_100');
      for (const number of [r[7], r[8], r[9]]) expect(number).toMatch(/^\d+(\.\d+)?$/);
      expect(r[10]).toMatch(/^\d+$/);
      // The table writes «61,2 (58,0–64,3; n = 31)»: the same value, rounded, with a comma.
      const shown = parseFloat(table[i + 1][1].split(' ')[0].replace(',', '.'));
      expect(Math.abs(shown - Number(r[7]))).toBeLessThanOrEqual(0.0501);
      expect(table[i + 1][1]).toContain(`n = ${r[10]}`);
      expect(r.slice(15)).toEqual(['demo', '2026-11', 'true']);
    });

    const title = (await section.locator('h3').textContent())!.trim();
    const svg = await download(page, downloads, 'svg');
    expect(svg.name).toBe('adal-atlas-trend.svg');
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<?xml')).toBe(true);
    const parsed = await page.evaluate((markup) => {
      const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.querySelector('parsererror') !== null,
        texts: Array.from(root.children).filter((e) => e.tagName === 'text').map((e) => e.textContent),
        title: root.querySelector('title')?.textContent,
        paths: root.querySelectorAll('svg path').length,
        width: Number(root.getAttribute('width')),
      };
    }, text);
    expect(parsed.error).toBe(false);
    expect(parsed.title).toBe(title);
    expect(parsed.texts[0]).toBe(title);
    expect(parsed.texts.at(-1)).toMatch(/^Источник: .*Опубликовано: .*2026.* · Adal Atlas$/);
    expect(parsed.paths).toBeGreaterThan(3);

    const png = await download(page, downloads, 'png');
    expect(png.name).toBe('adal-atlas-trend.png');
    const size = pngSize(png.bytes);
    expect(size.width).toBe(parsed.width * 2);
  });

  test('the map: SVG with its legend drawn in, PNG at 2×, CSV equal to the map table', async ({ page }) => {
    await page.goto('./?lang=en&metric=informal_payment_share');
    await expect(page.locator('[data-region]')).toHaveCount(20);
    const section = page.locator('section.map-section');
    const downloads = section.getByRole('group', { name: 'Download' });

    const svg = await download(page, downloads, 'svg');
    expect(svg.name).toBe('adal-atlas-map.svg');
    const legend = await section.locator('.map-legend li').allTextContents();
    const parsed = await page.evaluate((markup) => {
      const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        texts: Array.from(root.children).filter((e) => e.tagName === 'text').map((e) => e.textContent),
        units: root.querySelectorAll('path[data-unit]').length,
        fills: Array.from(root.querySelectorAll('path[data-unit]')).map((p) => (p.getAttribute('style') ?? '').includes('fill:rgb')),
        width: Number(root.getAttribute('width')),
      };
    }, svg.bytes.toString('utf8'));
    expect(parsed.units).toBe(20);
    // The page's CSS does not travel with the file: each unit carries its colour.
    expect(parsed.fills.every(Boolean)).toBe(true);
    for (const entry of legend) expect(parsed.texts).toContain(entry.replace(/[ \t\r\n]+/g, ' ').trim());
    expect(parsed.texts.at(-1)).toMatch(/^Source: .*Published: 27 November 2026 · Adal Atlas$/);

    const png = await download(page, downloads, 'png');
    expect(pngSize(png.bytes).width).toBe(parsed.width * 2);

    const csv = await download(page, downloads, 'csv');
    expect(csv.name).toBe('adal-atlas_informal_payment_share_2025-10_2026-09_by-unit.csv');
    const rows = parseCsv(csv.bytes.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual(CSV_HEADINGS_EN);
    // 20 units in rank order, then the country; the table view shows the same figures in words.
    expect(rows.length).toBe(22);
    expect(rows[21][4]).toBe('KZ');
    await section.getByRole('button', { name: /table/i }).first().click();
    const table = await tableRows(section.locator('table.region-table'));
    for (const [i, r] of rows.slice(1, 21).entries()) {
      const [name, value, interval, n, rank] = table[i + 1];
      expect(r[5]).toBe(name);
      expect(r[1]).toBe('percent');
      // The table rounds to one decimal what the CSV gives to three.
      const near = (words: string, number: string) =>
        expect(Math.abs(parseFloat(words) - Number(number)), `${words} ≈ ${number}`).toBeLessThanOrEqual(0.0501);
      near(value, r[7]);
      const [low, high] = interval.split(' – ');
      near(low, r[8]);
      near(high, r[9]);
      expect(n).toBe(Number(r[10]).toLocaleString('en-US'));
      // «3 (2–6)»: the rank and its 95 % rank interval, in three numeric columns.
      expect(rank).toBe(`${r[11]} (${r[12]}–${r[13]})`);
      expect(Number(r[12])).toBeLessThanOrEqual(Number(r[11]));
      expect(Number(r[11])).toBeLessThanOrEqual(Number(r[13]));
    }
    // In the table view only CSV is offered.
    await expect(downloads.getByRole('button')).toHaveText(['CSV']);
  });
});

test('the data page offers the whole bundle, each file as the manifest lists it', async ({ page }) => {
  await page.goto('./?view=data&lang=en');
  const links = page.locator('.bundle-files a');
  await expect(links).toHaveText(['manifest.json', 'audits.json', 'audits-detail.json', 'complaints.json', 'complaints-detail.json']);
  const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const checked = await page.evaluate(async (hrefs) => {
    const hex = (b: ArrayBuffer) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
    const manifest = await (await fetch(hrefs[0])).json();
    const out: [string, boolean][] = [];
    for (const href of hrefs.slice(1)) {
      const bytes = await (await fetch(href)).arrayBuffer();
      const entry = manifest.files.find((f: { path: string }) => href.endsWith(`/${f.path}`));
      out.push([href, entry.sha256 === hex(await crypto.subtle.digest('SHA-256', bytes))]);
    }
    return out;
  }, hrefs);
  expect(checked.map(([, ok]) => ok)).toEqual([true, true, true, true]);
});
