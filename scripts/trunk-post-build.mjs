// Trunk's post-build hook (Trunk.toml): what Trunk does not do, in its staging directory, before Trunk
// moves it to dist/.
// 1. A content hash in the name of every file a page loads that Trunk leaves unhashed: the chart worker
//    (Trunk names workers after their binary), its loader, and the scripts copied to vendor/. Their names
//    go into the page as `<meta name="adal:…">`, which the app reads (src/components/chart/assets.rs), so
//    that a page names exactly the files of its own build and a re-deploy cannot mix two builds.
// 2. No inline script: `trunk serve`'s autoreload script moves into a file of its own, so that the page
//    keeps its Content-Security-Policy (no 'unsafe-inline') in the development loop too.
// 3. In a release build: the cards for shared links (`adal share`) and the pages (`adal pages`, which take
//    their asset tags from the index.html Trunk wrote, and draw their charts in as static SVG).
//    ADAL_SITE_URL gives the pages and cards absolute addresses.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const stage = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === 'release';
if (!stage) {
  console.error('trunk-post-build: TRUNK_STAGING_DIR is not set (run it as Trunk\'s hook: trunk build)');
  process.exit(1);
}
const html = join(stage, 'index.html');

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** Renames `dir/name` to `dir/<stem>-<hash><ext>` (`ext` the name's end after the stem) and returns the new name. */
function hashed(dir, stem, ext) {
  const from = join(dir, `${stem}${ext}`);
  const name = `${stem}-${hash(readFileSync(from))}${ext}`;
  renameSync(from, join(dir, name));
  return name;
}

// Trunk's own minifier (minify-js) gives up on wasm-bindgen's module and on js/boot.js (`export default`,
// `?.`) and leaves them as they are; terser minifies them. Their names keep the hash Trunk gave them,
// which follows from their source: the same source gives the same minified file.
const assetsDir = join(stage, 'assets');
async function minified(file, module) {
  if (!release) return;
  const code = readFileSync(file, 'utf8');
  const result = await minify(code, { module, compress: true, mangle: true });
  if (result.code.length < code.length) writeFileSync(file, result.code);
}
for (const name of readdirSync(assetsDir)) {
  if (name.endsWith('.js')) await minified(join(assetsDir, name), !name.startsWith('chart-worker'));
}

// 1. The worker and its loader, then the vendored scripts, all in assets/ beside Trunk's.
const workerJs = hashed(assetsDir, 'chart-worker', '.js');
const workerWasm = hashed(assetsDir, 'chart-worker', '_bg.wasm');
rmSync(join(assetsDir, 'chart-worker_loader.js'), { force: true });
const loaderText = `importScripts("./${workerJs}");wasm_bindgen("./${workerWasm}");\n`;
const loader = `chart-worker-${hash(loaderText)}_loader.js`;
writeFileSync(join(assetsDir, loader), loaderText);
const vendor = join(assetsDir, 'vendor');
const assets = {
  worker: `assets/${loader}`,
  echarts: `assets/vendor/${hashed(vendor, 'echarts', '.min.js')}`,
  export: `assets/vendor/${hashed(vendor, 'adal-export', '.js')}`,
};
let page = readFileSync(html, 'utf8');
const metas = Object.entries(assets).map(([k, v]) => `<meta name="adal:${k}" content="${v}">`).join('');
page = page.replace('</head>', `${metas}</head>`);

// 2. Inline scripts (only `trunk serve`'s autoreload) into files: what `trunk serve` fills into the page's
// own text at each response it fills in here, the browser's host and the public URL.
const base = process.env.TRUNK_PUBLIC_URL || '/';
page = page.replace(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g, (_, attrs, code) => {
  const text = code
    .replaceAll("'{{__TRUNK_ADDRESS__}}'", 'window.location.host')
    .replaceAll('`{{__TRUNK_ADDRESS__}}`', 'window.location.host')
    .replaceAll('{{__TRUNK_WS_BASE__}}', base);
  const name = `assets/trunk-${hash(text)}.js`;
  writeFileSync(join(stage, name), text);
  return `<script${attrs} src="${base}${name}"></script>`;
});
writeFileSync(html, page);
console.log(`trunk-post-build: ${loader}, ${assets.echarts}, ${assets.export}`);

// 3. The pages (with their static charts) and the cards (release only: `trunk serve` draws every view in the
// browser from the one index.html).
if (release) {
  const run = (command, args) => {
    console.log(`trunk-post-build: ${command} ${args.join(' ')}`);
    execFileSync(command, args, { stdio: 'inherit' });
  };
  const site = process.env.ADAL_SITE_URL ? ['--site-url', process.env.ADAL_SITE_URL] : [];
  run('cargo', ['build', '--quiet', '--locked', '-p', 'adal-cli']);
  run(join('target', 'debug', 'adal'), ['share', '--bundle', join(stage, 'data'), '--out', join(stage, 'r'), ...site]);
  run(join('target', 'debug', 'adal'), ['pages', '--site', stage, ...site]);
}
