#!/usr/bin/env node
// Draws the charts of the pre-rendered pages into them as static SVG, so that a page shows its charts
// before (and without) JavaScript: `adal pages --charts FILE` lists each page's charts with the ECharts
// option the chart worker makes for them (light theme) and marks their elements `data-static-chart="N"`;
// this renders each option with ECharts' own server-side SVG renderer (the same library and option the
// page's interactive chart uses, so nothing moves when it takes over) and puts the SVG inside its element.
// The interactive chart replaces the drawing when it is created.
//
//   node scripts/static-charts.mjs --site dist --charts target/charts.json
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const echarts = require('echarts');

// The drawing's own size, in CSS pixels: about a phone's chart width (a 360 px screen leaves some 330),
// so that its text keeps nearly its size there (most readers come on a phone; a wider screen shows it
// centred), and the height of `.chart-canvas` (20rem, or 34rem for `.chart-tall`).
const WIDTH = 340;
const HEIGHT = { normal: 320, tall: 544 };

/** The SVG of one chart, sized by its container (`width`/`height` 100% of `.chart-canvas`). */
export function drawChart(option, tall) {
  const height = tall ? HEIGHT.tall : HEIGHT.normal;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ ...option, animation: false });
    const svg = chart.renderToSVGString();
    // The element around it is the accessible image (role="img" with the chart's summary); the drawing
    // itself is decoration for assistive technology.
    // Its hover styles (a `<style>` and the classes it names) would promise an interaction it does not have.
    return svg
      .replace(
        /^<svg([^>]*?) width="\d+" height="\d+"/,
        '<svg$1 width="100%" height="100%" class="chart-static" aria-hidden="true" focusable="false"',
      )
      .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
      .replace(/ class="zr\d+-cls-\d+"/g, '');
  } finally {
    chart.dispose();
  }
}

/** Puts the drawings of `charts` into the page `html`; the markers without a drawing are counted. */
export function drawInto(html, charts) {
  let drawn = 0;
  const out = html.replace(/( data-static-chart="(\d+)"[^>]*>)<\/div>/g, (whole, open, index) => {
    const chart = charts[Number(index)];
    if (!chart) return whole;
    drawn += 1;
    return `${open}${drawChart(chart.option, chart.tall)}</div>`;
  });
  return { html: out, drawn };
}

function main() {
  const { values } = parseArgs({ options: { site: { type: 'string' }, charts: { type: 'string' } } });
  if (!values.site || !values.charts) {
    console.error('usage: node scripts/static-charts.mjs --site DIR --charts FILE (written by adal pages --charts)');
    process.exit(2);
  }
  const list = JSON.parse(readFileSync(values.charts, 'utf8'));
  let pages = 0;
  let charts = 0;
  for (const page of list.pages) {
    const path = join(values.site, page.file);
    const { html, drawn } = drawInto(readFileSync(path, 'utf8'), page.charts);
    if (drawn !== page.charts.length) {
      console.error(`${page.file}: ${page.charts.length} charts listed, ${drawn} marked in the page`);
      process.exit(1);
    }
    writeFileSync(path, html);
    pages += 1;
    charts += drawn;
  }
  console.log(`drew ${charts} static charts into ${pages} pages of ${values.site}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
