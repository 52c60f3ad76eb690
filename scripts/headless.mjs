// The machine's Chromium as the scripts here start it (scripts/trace.mjs, bench-million.mjs, lighthouse.mjs):
// headless, with the flags this closed network needs (without the background-networking ones, Chromium's
// own connections are refused, many at a time), and the main renderer thread of a performance trace.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
export const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** A fresh headless Chromium (Playwright). */
export const launch = () => chromium.launch({ executablePath: CHROMIUM, args: FLAGS });

/** The events of a trace (`browser.stopTracing()`'s bytes) on the page's main thread. */
export function mainThread(bytes) {
  const trace = JSON.parse(bytes.toString());
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  return { events, main, onMain: events.filter((e) => e.pid === main.pid && e.tid === main.tid) };
}
