// Starts the app: a module of its own because the pages' Content-Security-Policy forbids inline script.
import init from './adal-atlas.js';

init({ module_or_path: './adal-atlas_bg.wasm' });
