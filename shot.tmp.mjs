import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const p = await b.newPage({ viewport: { width: 360, height: 800 } });
await p.goto('file:///work/main/dist/ru/region/KZ-62/index.html');
const s = p.locator('section[data-outcomes]');
await s.screenshot({ path: '/tmp/outcomes.png' });
await b.close();
