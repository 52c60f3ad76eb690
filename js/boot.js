// Starts the app: a module of its own because the pages' Content-Security-Policy forbids inline script.
// The page is readable without it: the app starts after the first frame is painted (its files are
// preloaded meanwhile), so that compiling the wasm never holds up the first paint on a fast connection.
import init from './adal-atlas.js';

requestAnimationFrame(() => setTimeout(() => init({ module_or_path: './adal-atlas_bg.wasm' }), 0));

// On paper the charts take the sheet's width (A4 less its margins is about 700 CSS px), not the window's:
// ECharts draws at a fixed size, which the printer would otherwise shrink the whole page to fit.
function fitCharts(width) {
  for (const element of document.querySelectorAll('.chart-canvas')) {
    const chart = globalThis.echarts?.getInstanceByDom(element);
    if (chart) chart.resize(width ? { width: Math.min(element.clientWidth, width) } : undefined);
  }
}
addEventListener('beforeprint', () => fitCharts(700));
addEventListener('afterprint', () => fitCharts(0));
