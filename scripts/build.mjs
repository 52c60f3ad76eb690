// The production build, without Trunk: dist/ holds static files that work from any sub-path of any static
// host. Steps: cargo builds the app and the chart worker for wasm32 (profile wasm-release); wasm-bindgen
// writes their JavaScript (the app as an ES module, the worker for importScripts); wasm-opt -Oz shrinks
// the wasm (binaryen from npm); terser minifies the JavaScript and lightningcss the CSS; the page, its boot
// module, the data, the schemas and the vendored scripts are copied; `adal pages` writes the pages, rendered
// natively from the default bundle by the same components, and `adal share` the cards.
// Everything is staged in target/dist-staging and then moved to dist/ whole. No script is inline: every page
// carries a Content-Security-Policy that forbids inline script and eval.
//   node scripts/build.mjs [--site-url https://example.org/atlas/]  (or ADAL_SITE_URL)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'lightningcss';
import { minify } from 'terser';

const stage = 'target/dist-staging';
const wasmDir = 'target/wasm32-unknown-unknown/wasm-release';
const siteArg = process.argv.indexOf('--site-url');
const siteUrl = siteArg > 0 ? process.argv[siteArg + 1] : process.env.ADAL_SITE_URL;

function run(command, args) {
  console.log(`build: ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: 'inherit' });
}

rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, 'vendor'), { recursive: true });

run('cargo', ['build', '--locked', '--profile', 'wasm-release', '--target', 'wasm32-unknown-unknown',
  '--features', 'hydrate', '--bin', 'adal-atlas', '--bin', 'chart-worker']);
for (const [bin, target] of [['adal-atlas', 'web'], ['chart-worker', 'no-modules']]) {
  run('wasm-bindgen', ['--target', target, '--no-typescript', '--out-dir', stage, '--out-name', bin,
    join(wasmDir, `${bin}.wasm`)]);
  const wasm = join(stage, `${bin}_bg.wasm`);
  run('wasm-opt', ['-Oz', '--output', wasm, wasm]);
  const js = join(stage, `${bin}.js`);
  const result = await minify(readFileSync(js, 'utf8'), { module: target === 'web', compress: true, mangle: true });
  writeFileSync(js, result.code);
}
// The worker starts from this loader (src/components/chart/worker.rs names it).
writeFileSync(join(stage, 'chart-worker_loader.js'),
  'importScripts("./chart-worker.js");wasm_bindgen("./chart-worker_bg.wasm");\n');

const css = transform({ filename: 'main.css', code: readFileSync('style/main.css'), minify: true });
writeFileSync(join(stage, 'main.css'), css.code);
cpSync('js/boot.js', join(stage, 'boot.js'));
cpSync('public/data', join(stage, 'data'), { recursive: true });
cpSync('public/schema', join(stage, 'schema'), { recursive: true });
cpSync('node_modules/echarts/dist/echarts.min.js', join(stage, 'vendor/echarts.min.js'));
cpSync('js/adal-export.js', join(stage, 'vendor/adal-export.js'));

// The pages, pre-rendered from the default bundle (index.html, ru/, en/, region/KZ-75/ …, route.js), and
// the 1200×630 cards for shared links (with the older preview pages under r/).
const site = siteUrl ? ['--site-url', siteUrl] : [];
run('cargo', ['build', '--quiet', '--locked', '-p', 'adal-cli']);
run('target/debug/adal', ['share', '--bundle', join(stage, 'data'), '--out', join(stage, 'r'), ...site]);
run('target/debug/adal', ['pages', '--site', stage, ...site, '--charts', 'target/charts.json']);
// Their charts, drawn in as static SVG by ECharts' server-side renderer from the chart worker's options.
run('node', ['scripts/static-charts.mjs', '--site', stage, '--charts', 'target/charts.json']);

rmSync('dist', { recursive: true, force: true });
renameSync(stage, 'dist');
console.log('build: dist/ is ready');
