#!/usr/bin/env node
// Where the main thread's time goes while a page starts: loads a page in headless Chromium with the CPU
// slowed 4× (as Lighthouse's mobile run does; the network is not throttled, so that only the work counts),
// records a performance trace until the app is ready (`<html data-ready>`) and two seconds more, and prints
// the main thread's tasks over 50 ms with what the browser did in them, and, for the longest that ran
// script, the functions that took its time (self and total, from the sampling profiler). Names of the app's own functions show when the wasm keeps its name
// section: `scripts/trace` serves a copy of dist/ with the wasm before wasm-opt.
//
//   node scripts/trace.mjs http://127.0.0.1:4199/ ru/region/KZ-75/ [--top 20] [--at MS]
import { launch, mainThread } from './headless.mjs';

const [base, path = '', ...rest] = process.argv.slice(2);
if (!base) {
  console.error('usage: node scripts/trace.mjs BASE_URL [PAGE] [--top N] [--at MS]');
  process.exit(2);
}
const top = Number(rest[rest.indexOf('--top') + 1]) || 20;

const browser = await launch();
const page = await browser.newPage({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await browser.startTracing(page, {
  categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute',
    'disabled-by-default-v8.cpu_profiler', 'blink.user_timing'],
});
await page.goto(new URL(path, base).href);
await page.waitForSelector('html[data-ready]', { state: 'attached', timeout: 60_000 });
await page.waitForTimeout(2000);
const { events, main, onMain } = mainThread(await browser.stopTracing());
await browser.close();

const start = onMain.find((e) => e.name === 'navigationStart')?.ts ?? Math.min(...onMain.map((e) => e.ts));
const ms = (us) => (us / 1000).toFixed(0);

const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur > 50_000);
console.log(`${path || '/'}: ${tasks.length} main-thread tasks over 50 ms (4× CPU)`);
// What each task did, by the trace's own events inside it (parsing, style, layout, compiling, scripts).
const inside = (t) => onMain.filter((e) => e.ph === 'X' && e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur);
for (const t of tasks) {
  const parts = new Map();
  for (const e of inside(t)) {
    if (!['ParseHTML', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'v8.compile', 'v8.wasm.compileLazy',
      'v8.wasm.streamFromResponseCallback', 'v8.wasm.compiledModule', 'FunctionCall', 'EvaluateScript', 'v8.compileModule',
      'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'ParseAuthorStyleSheet', 'HitTest'].includes(e.name)) continue;
    parts.set(e.name, (parts.get(e.name) ?? 0) + e.dur);
  }
  const what = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, d]) => `${n} ${ms(d)}`).join(', ');
  console.log(`  at ${ms(t.ts - start)} ms: ${ms(t.dur)} ms (${what})`);
}
for (const m of onMain.filter((e) => e.cat?.includes('blink.user_timing') && e.name.startsWith('adal:') && e.ph !== 'e')) {
  console.log(`  mark ${m.name} at ${ms(m.ts - start)} ms`);
}
// The longest task that ran script (the others are the browser's own parsing, style and layout).
const scripted = (t) => inside(t).some((e) => e.name === 'FunctionCall' || e.name === 'RunMicrotasks');
// `--at MS`: the task starting nearest that time instead.
const at = rest.includes('--at') ? Number(rest[rest.indexOf('--at') + 1]) : undefined;
const longest = at === undefined
  ? tasks.filter(scripted).sort((a, b) => b.dur - a.dur)[0]
  : tasks.sort((a, b) => Math.abs(a.ts - start - at * 1000) - Math.abs(b.ts - start - at * 1000))[0];
if (!longest) process.exit(0);

// The sampling profile: nodes (functions in their call tree) and, per chunk, samples with time deltas.
const nodes = new Map();
const samples = [];
for (const e of events.filter((e) => e.name === 'ProfileChunk' && e.pid === main.pid)) {
  const profile = e.args.data.cpuProfile ?? {};
  for (const n of profile.nodes ?? []) nodes.set(n.id, n);
  let ts = samples.length ? samples[samples.length - 1].ts : events.find((p) => p.name === 'Profile' && p.id === e.id)?.args.data.startTime ?? 0;
  (profile.samples ?? []).forEach((id, i) => {
    ts += e.args.data.timeDeltas[i];
    samples.push({ id, ts });
  });
}
const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'program'})`;
const self = new Map();
const total = new Map();
let counted = 0;
for (let i = 1; i < samples.length; i++) {
  const { id, ts } = samples[i];
  if (ts < longest.ts || ts > longest.ts + longest.dur) continue;
  const dt = ts - samples[i - 1].ts;
  counted += dt;
  let node = nodes.get(id);
  if (!node) continue;
  self.set(name(node), (self.get(name(node)) ?? 0) + dt);
  const seen = new Set();
  while (node) {
    const n = name(node);
    if (!seen.has(n)) total.set(n, (total.get(n) ?? 0) + dt);
    seen.add(n);
    node = node.parent ? nodes.get(node.parent) : undefined;
  }
}
const show = (title, map) => {
  console.log(`${title}:`);
  for (const [n, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${ms(t).padStart(6)} ms  ${n.slice(0, 110)}`);
  }
};
console.log(`${at === undefined ? 'the longest task running script' : 'the task'}, ${ms(longest.dur)} ms at ${ms(longest.ts - start)} ms (${ms(counted)} ms sampled):`);
show('self time', self);
show('total time', total);
// The app's own components and the core's functions, by their total time: which parts of the page cost.
const own = new Map([...total].filter(([n]) => /__component_|adal_core::/.test(n)));
show("total time of the app's components and the core's functions", own);
