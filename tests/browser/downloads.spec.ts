// Downloads: every chart and the map offer PNG (2× pixel ratio) and SVG with the title, legend and source line
// drawn in, and CSV of exactly the figures shown (UTF-8 with a byte-order mark, columns in the reader's
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
  test('a chart: CSV holds exactly its table, in Russian, with a BOM; SVG and PNG carry title and source', async ({ page }) => {
    await page.goto('./?region=KZ-75&lang=ru');
    const figure = await drawn(page, 'trend');
    const section = page.locator('section.chart-section').filter({ has: figure });
    const downloads = section.getByRole('group', { name: 'Скачать' });
    await expect(downloads.getByRole('button')).toHaveText(['PNG', 'SVG', 'CSV']);
    await expect(section.getByRole('button', { name: 'Встроить' })).toBeVisible();

    const csv = await download(page, downloads, 'csv');
    expect(csv.name).toBe('adal-atlas-trend.csv');
    expect(csv.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const rows = parseCsv(csv.bytes.subarray(3).toString('utf8'));
    const table = await tableRows(figure.locator('table'));
    expect(rows).toEqual(table);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows[0].join(' ')).toMatch(/[а-яА-Я]/);

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
    await expect(page.locator('path[data-region]')).toHaveCount(20);
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
        units: root.querySelectorAll('path[data-region]').length,
        fills: Array.from(root.querySelectorAll('path[data-region]')).map((p) => (p.getAttribute('style') ?? '').includes('fill:rgb')),
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
    const rows = parseCsv(csv.bytes.subarray(3).toString('utf8'));
    // The table view, sorted by rank as the CSV is, shows the same figures.
    await section.getByRole('button', { name: /table/i }).first().click();
    const table = await tableRows(section.locator('table.region-table'));
    expect(rows[0]).toEqual(table[0]);
    expect(rows.slice(1)).toEqual(table.slice(1));
    expect(rows.length).toBe(21);
    // In the table view only CSV is offered.
    await expect(downloads.getByRole('button')).toHaveText(['CSV']);
  });
});

test('the data page offers the whole bundle, each file as the manifest lists it', async ({ page }) => {
  await page.goto('./?view=data&lang=en');
  const links = page.locator('.bundle-files a');
  await expect(links).toHaveText(['manifest.json', 'audits.json', 'complaints.json']);
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
  expect(checked.map(([, ok]) => ok)).toEqual([true, true]);
});
