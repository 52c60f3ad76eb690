#!/usr/bin/env node
// Loads the overview of the 1,000,000-visit site (scripts/bench-million) seven times (ADAL_BENCH_RUNS), each in a fresh
// headless Chromium with the CPU slowed 4× (Lighthouse's mobile run; the network is not throttled, so
// that only the work counts), records a performance trace until the app is ready and prints:
//   - what the page transferred of the bundle (data/*.json, bytes on the wire, gzip) and whether it asked
//     for the cells by service and channel or the complaints by category (audits-detail.json,
//     complaints-detail.json: it must not);
//   - the main thread's busy time from the bundle's arrival (`adal:fetched`) until its figures are worked
//     out (`adal:figured`): parsing and checking the files, then the overview's aggregation (the map's
//     figures, the key figures and those of the period before), the sum of the tasks inside that window;
//     and its parts by the app's marks (`adal:summed`, `adal:audits-parsed`, `adal:parsed` between them).
// Figures to report, not to assert.
import { launch, mainThread } from './headless.mjs';

const base = process.argv[2];
const runs = [];
// Seven: this shared machine's runs spread by tens of milliseconds; the median of seven holds still.
const RUNS = Number(process.env.ADAL_BENCH_RUNS ?? 7);
for (let run = 0; run < RUNS; run++) {
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map();
  const wire = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId) ?? '';
    const m = url.match(/\/data\/([^?]+\.json)/);
    if (m) wire.set(m[1], e.encodedDataLength);
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.wasm'] });
  await page.goto(base);
  await page.waitForSelector('html[data-ready]', { state: 'attached', timeout: 120_000 });
  await page.waitForFunction(() => performance.getEntriesByName('adal:figured').length > 0, null, { timeout: 120_000 });
  await page.waitForTimeout(1000);
  const { onMain } = mainThread(await browser.stopTracing());
  await browser.close();
  const mark = (name) => onMain.find((e) => e.name === name && e.cat?.includes('blink.user_timing'))?.ts;
  const [fetched, summed, audited, parsed, figured] = ['adal:fetched', 'adal:summed', 'adal:audits-parsed', 'adal:parsed', 'adal:figured'].map(mark);
  if (!fetched || !summed || !audited || !parsed || !figured) throw new Error('the app left no adal:fetched, adal:parsed or adal:figured mark');
  // The tasks' time inside [from, to], each clipped to the window.
  const busy = (from, to) => onMain
    .filter((e) => e.name === 'RunTask' && e.ph === 'X')
    .reduce((sum, e) => sum + Math.max(0, Math.min(e.ts + e.dur, to) - Math.max(e.ts, from)), 0) / 1000;
  // V8 compiles each wasm function the first time it runs (`wasm.CompileLazy`, inside those tasks).
  const compiled = onMain
    .filter((e) => e.name === 'wasm.CompileLazy' && e.ph === 'X' && e.ts >= fetched && e.ts < figured)
    .reduce((sum, e) => sum + e.dur, 0) / 1000;
  runs.push({ compiled, outlines: busy(fetched, summed), audits: busy(summed, audited), complaints: busy(audited, parsed), parse: busy(fetched, parsed), aggregate: busy(parsed, figured), wall: (figured - fetched) / 1000, wire });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const { wire } = runs[0];
let total = 0;
for (const [file, bytes] of [...wire].sort()) {
  total += bytes;
  console.log(`transferred: data/${file} ${bytes} bytes`);
}
console.log(`transferred of the bundle and the outlines: ${total} bytes (${(total / 1024).toFixed(1)} KB); ` +
  `audits-detail.json or complaints-detail.json asked for: ${[...wire.keys()].some((f) => f.endsWith('-detail.json')) ? 'yes' : 'no'}`);
const f = (xs) => xs.map((x) => x.toFixed(0)).join(' / ');
const m = (key) => median(runs.map(key)).toFixed(0);
console.log(`4× CPU, main thread busy from the bundle's arrival to its figures: median ${m((r) => r.parse + r.aggregate)} ms ` +
  `(runs ${f(runs.map((r) => r.parse + r.aggregate))}); medians: parsing and checking ${m((r) => r.parse)} ms ` +
  `(the outlines and the sums ${m((r) => r.outlines)}, audits.json ${m((r) => r.audits)}, complaints.json and the dataset ` +
  `${m((r) => r.complaints)}), the overview's aggregation ${m((r) => r.aggregate)} ms; of the whole, V8 compiling wasm functions ` +
  `on their first call ${m((r) => r.compiled)} ms; wall time ${m((r) => r.wall)} ms`);
