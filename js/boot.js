// Starts the app: a module of its own because the pages' Content-Security-Policy forbids inline script.
// Trunk names the app's files with a content hash and writes their names into the page
// (`<meta name="adal:app">`, `<meta name="adal:wasm">`, Trunk.toml); the page preloads them meanwhile.
// The page is readable without the app: it starts after the first frame is painted, so that compiling the
// wasm never holds up the first paint on a fast connection. When the app's files cannot be had (the site
// was re-deployed and this page is older than the files there), the page says so and offers a reload.
const named = (name) => document.querySelector(`meta[name="adal:${name}"]`)?.content;
const address = (name) => new URL(named(name) ?? '', document.baseURI).href;

function stale() {
  const notice = document.getElementById('adal-stale');
  if (!notice) return;
  notice.hidden = false;
  notice.querySelector('button')?.addEventListener('click', () => location.reload());
}

async function start() {
  try {
    const app = await import(address('app'));
    await app.default({ module_or_path: address('wasm') });
  } catch (error) {
    console.error('Adal Atlas could not start:', error);
    stale();
  }
}
requestAnimationFrame(() => setTimeout(start, 0));

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
