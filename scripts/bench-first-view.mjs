// Times the first view as a phone gets it: Lighthouse's mobile throttling (slow 4G: 150 ms RTT,
// 1.6 Mbit/s down; 4x CPU) through CDP, a fresh browser and no cache per run, until the 7 key figures and the
// map's 20 units (or the unit page) are on the page. Run by scripts/bench-first-view against dist/ served with gzip.
// Prints figures to report, not to assert: the machines are shared and noisy.
import { chromium } from '@playwright/test';
const url = process.argv[2];
const runs = [];
for (let i = 0; i < 3; i++) {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });
  const ctx = await b.newContext({ viewport: { width: 412, height: 823 } });
  const p = await ctx.newPage();
  const cdp = await ctx.newCDPSession(p);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  // Lighthouse's mobile defaults: slow 4G (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up), 4x CPU.
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 7.5e5 / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const t0 = Date.now();
  await p.goto(url, { waitUntil: 'commit' });
  await p.waitForFunction(() => document.querySelectorAll('.figure-card').length === 7 && (document.querySelector('[data-region-page]') !== null || document.querySelectorAll('path[data-region]').length === 20), null, { timeout: 60000, polling: 50 });
  runs.push(Date.now() - t0);
  await b.close();
}
console.log(`${url}: first view (key figures and map or unit page) after ${runs.join(', ')} ms`);
