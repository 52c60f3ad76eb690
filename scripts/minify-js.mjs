// Trunk post-build hook: minifies the JavaScript that wasm-bindgen writes (Trunk's own minifier cannot parse
// it). The page's module counts towards the first-view budget; the chart worker's script is minified too.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify-js: TRUNK_STAGING_DIR is not set (run by Trunk as a post_build hook)');
  process.exit(1);
}
const files = [
  ['adal-atlas.js', true],
  ['chart-worker.js', false],
];
for (const [name, module] of files) {
  const path = join(dir, name);
  const code = await readFile(path, 'utf8');
  const result = await minify(code, { module, compress: true, mangle: true });
  await writeFile(path, result.code);
}
