// Starts the app: a module of its own because the pages' Content-Security-Policy forbids inline script.
// The page is readable without it: the app starts after the first frame is painted (its files are
// preloaded meanwhile), so that compiling the wasm never holds up the first paint on a fast connection.
import init from './adal-atlas.js';

requestAnimationFrame(() => setTimeout(() => init({ module_or_path: './adal-atlas_bg.wasm' }), 0));
