// Shared by the browser tests: a page fixture that records console errors and every request, and fails a
// test whose page crashed (an uncaught error or a wasm panic), broke its Content-Security-Policy or asked
// anything of another origin; and an axe-core scan.
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const ORIGIN = 'http://127.0.0.1:4173';
/** The other origin, where article pages embed the app (tests/browser/host). */
export const HOST = 'http://127.0.0.1:4174';

type Watch = { consoleErrors: string[]; foreignRequests: string[]; crashes: string[]; cspViolations: string[] };

export const test = base.extend<{ watch: Watch }>({
  watch: [
    async ({ page }, use) => {
      const watch: Watch = { consoleErrors: [], foreignRequests: [], crashes: [], cspViolations: [] };
      // Every page's policy forbids inline script and eval: the app must never need them.
      await page.exposeFunction('__adalCspViolation', (v: string) => watch.cspViolations.push(v));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          // @ts-expect-error exposed above
          window.__adalCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
        });
      });
      page.on('console', (m) => {
        if (m.type() === 'error') watch.consoleErrors.push(m.text());
        if (m.text().includes('panicked')) watch.crashes.push(m.text());
      });
      page.on('pageerror', (e) => {
        watch.consoleErrors.push(e.message);
        watch.crashes.push(e.message);
      });
      page.on('request', (r) => {
        const url = r.url();
        const ours = [`${ORIGIN}/`, `${HOST}/`, 'data:', 'blob:'].some((o) => url.startsWith(o));
        if (!ours) watch.foreignRequests.push(url);
      });
      await use(watch);
      expect(watch.foreignRequests, 'requests outside the page origin').toEqual([]);
      expect(watch.cspViolations, 'Content-Security-Policy violations').toEqual([]);
      // A panic in wasm kills the page: no test may see one, whatever it does.
      expect(watch.crashes, 'uncaught errors or wasm panics').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The view the page's address shows, as the app's query parameters: the pre-rendered page in the path
 *  (`ru/region/KZ-75/`, adal_core::pages) joined with the query string. */
export function viewParams(page: Page): URLSearchParams {
  const url = new URL(page.url());
  const params = new URLSearchParams(url.search);
  const parts = url.pathname.replace(/^\/app\//, '').split('/').filter((p) => p && p !== 'index.html');
  if (['ru', 'en'].includes(parts[0])) params.set('lang', parts.shift()!);
  else if (!params.has('lang')) params.set('lang', 'kk');
  const [kind, code] = parts;
  if (kind === 'region' && code) {
    params.set('view', 'region');
    params.set('region', code);
  } else if (kind === 'compare') params.set('view', 'compare');
  else if (kind === 'method') params.set('view', 'data');
  else if (kind === 'embed') params.set('embed', code);
  return params;
}

/** Waits until the app has hydrated (or drawn) the page: before that its buttons do nothing. */
export async function ready(page: Page) {
  await expect(page.locator('html[data-ready]')).toHaveCount(1, { timeout: 15_000 });
}

/** Scrolls the chart `name` into view once the app answers (charts start when they come near the
 *  viewport) and waits until it is drawn; returns its figure. */
export async function drawn(page: Page, name: string) {
  const figure = page.locator(`figure[data-chart="${name}"]`);
  // Scrolled to once the app answers: a pre-rendered page scrolled before that may still grow above it.
  await ready(page);
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute('data-status', 'ready');
  return figure;
}

/** Runs axe-core for WCAG 2.1 A and AA and returns the violations, summarised. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: an inline script tag would break the page's policy.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return result;
}

/** The overview page, found by role and label as a person would. */
export class Overview {
  constructor(readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(query ? `./${query}` : './');
    await ready(this.page);
  }

  figuresHeading() {
    return this.page.getByRole('heading', { level: 2 }).first();
  }

  card(metric: string) {
    return this.page.locator(`[data-metric="${metric}"]`);
  }

  alert() {
    return this.page.getByRole('alert');
  }

  async waitForFigures() {
    await expect(this.page.locator('.figure-card')).toHaveCount(7);
  }
}
