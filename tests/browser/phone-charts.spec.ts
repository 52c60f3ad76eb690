// Every chart legible on a 360-px phone (issue 12, point 6): its texts — axis labels, values, names,
// the legend — drawn whole inside the chart, none over another, the legend outside the plot; the trend
// keeps labels on its x axis, and the scatter names its axes and the compared units.
import { test, expect, ready } from './support';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 360, height: 740 }, reducedMotion: 'reduce' });

type Box = { text: string; x: number; y: number; w: number; h: number };

/** The chart `name`'s drawn texts and its plot's box, once it is drawn. */
async function texts(page: Page, name: string) {
  const figure = page.locator(`figure[data-chart="${name}"]`);
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  return figure.evaluate((f) => {
    const canvas = f.querySelector('.chart-canvas') as HTMLElement;
    const svg = canvas.querySelector('svg')!.getBoundingClientRect();
    // @ts-expect-error echarts is the page's
    const chart = echarts.getInstanceByDom(canvas);
    const grid = chart.getModel().getComponent('grid', 0)?.coordinateSystem?.getRect();
    const boxes = [...canvas.querySelectorAll('svg text')]
      .filter((t) => (t.textContent ?? '').trim() && getComputedStyle(t).opacity !== '0' && t.getAttribute('opacity') !== '0')
      .map((t) => {
        const b = t.getBoundingClientRect();
        return { text: t.textContent!, x: b.x - svg.x, y: b.y - svg.y, w: b.width, h: b.height };
      });
    // The legend's box, as ECharts laid it out (its view's group).
    // @ts-expect-error ECharts' own views
    const view = chart._componentsViews.find((v) => v && v.type && v.type.startsWith('legend'));
    const r = view?.group?.getBoundingRect();
    const legend = r && r.height > 0 ? { y: view.group.y + r.y, h: r.height } : null;
    return { boxes, width: svg.width, height: svg.height, grid, legend };
  });
}

function overlaps(a: Box, b: Box) {
  const slack = 1;
  return a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;
}

async function legible(page: Page, name: string) {
  const { boxes, width, height, grid, legend } = await texts(page, name);
  expect(boxes.length, name).toBeGreaterThan(3);
  for (const b of boxes) {
    // Whole, inside the chart: no value cut at an edge.
    expect(b.x, `${name}: «${b.text}» starts inside`).toBeGreaterThanOrEqual(-1);
    expect(b.x + b.w, `${name}: «${b.text}» ends inside`).toBeLessThanOrEqual(width + 1);
    expect(b.y + b.h, `${name}: «${b.text}» is inside`).toBeLessThanOrEqual(height + 1);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      expect(overlaps(boxes[i], boxes[j]), `${name}: «${boxes[i].text}» over «${boxes[j].text}»`).toBe(false);
    }
  }
  // The legend, where there is one, above the plot.
  if (legend) expect(legend.y + legend.h, `${name}: the legend above the plot`).toBeLessThanOrEqual(grid.y + 1);
  return boxes;
}

test.describe('charts on a phone', () => {
  test("a unit's charts: labels present, none over another, none cut, legends outside the plot", async ({ page }) => {
    for (const path of ['./ru/region/KZ-79/', './region/KZ-63/', './en/region/KZ-27/']) {
      await page.goto(path);
      await ready(page);
      const trend = await legible(page, 'trend');
      // The x axis keeps labels: at least two of the quarters.
      expect(trend.filter((b) => /кв\.|тоқсан|Q\d/.test(b.text)).length, path).toBeGreaterThanOrEqual(2);
      await legible(page, 'services');
      await legible(page, 'complaints');
      await legible(page, 'ranking');
    }
  });

  test('the comparison: the scatter names its axes and every compared unit, without collisions', async ({ page }) => {
    await page.goto('./ru/compare/?compare=KZ-75,KZ-71,KZ-79,KZ-27,KZ-63');
    await ready(page);
    await legible(page, 'trend');
    const scatter = await legible(page, 'scatter');
    const named = scatter.map((b) => b.text);
    expect(named).toContain('Жалобы на 100 000 жителей');
    expect(named).toContain('Индекс качества услуг');
    for (const unit of ['город Алматы', 'город Астана', 'город Шымкент', 'Западно-Казахстанская область', 'Восточно-Казахстанская область']) {
      expect(named, unit).toContain(unit);
    }
    // Every point by keyboard: the chart's data, a row per unit with both values, opens from a summary
    // that takes focus.
    const data = page.locator('figure[data-chart="scatter"] details.chart-data');
    await data.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(data.locator('tbody tr')).toHaveCount(20);
    await expect(data.locator('tbody tr').first().locator('th, td')).toHaveCount(3);
  });
});
