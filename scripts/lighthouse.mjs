// Lighthouse 12.2.3 (npm, pinned) with its mobile defaults — simulated slow 4G and 4x CPU — three runs of each
// page against dist/ served with gzip (scripts/lighthouse starts the server). Prints the median of each
// category and of LCP, TBT and CLS, and the longest main-thread task seen: figures to report, not to assert.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, FLAGS } from './headless.mjs';

const base = process.argv[2];
const pages = process.argv.slice(3);
const runs = Number(process.env.LIGHTHOUSE_RUNS || 3);
const flags = ['--headless=new', ...FLAGS];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = mkdtempSync(join(tmpdir(), 'adal-lighthouse-'));

for (const page of pages) {
  const url = base + page;
  const rows = [];
  for (let i = 0; i < runs; i++) {
    const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: flags,
      userDataDir: mkdtempSync(join(tmpdir(), 'adal-chrome-')) });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
      const lhr = result.lhr;
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
      writeFileSync(join(out, `${rows.length}-${encodeURIComponent(page)}.json`), result.report);
      const c = lhr.categories;
      const a = lhr.audits;
      const tasks = a['long-tasks']?.details?.items ?? [];
      rows.push({
        perf: Math.round(c.performance.score * 100), a11y: Math.round(c.accessibility.score * 100),
        bp: Math.round(c['best-practices'].score * 100), seo: Math.round(c.seo.score * 100),
        lcp: a['largest-contentful-paint'].numericValue, tbt: a['total-blocking-time'].numericValue,
        cls: a['cumulative-layout-shift'].numericValue, fcp: a['first-contentful-paint'].numericValue,
        task: Math.max(0, ...tasks.map((t) => t.duration)),
      });
    } finally {
      await chrome.kill();
    }
  }
  const m = (k) => median(rows.map((r) => r[k]));
  console.log(`${page || '/'}: performance ${m('perf')} (runs ${rows.map((r) => r.perf).join(', ')}), ` +
    `accessibility ${m('a11y')}, best practices ${m('bp')}, SEO ${m('seo')}; ` +
    `FCP ${Math.round(m('fcp'))} ms, LCP ${Math.round(m('lcp'))} ms, TBT ${Math.round(m('tbt'))} ms, ` +
    `CLS ${m('cls').toFixed(3)}, longest task ${Math.round(m('task'))} ms (simulated 4x CPU)`);
}
console.log(`reports: ${out}`);
