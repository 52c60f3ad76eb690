import { test, expect, axeViolations, ready } from './support';
import type { Page } from '@playwright/test';

/** The digits of a figure as a number ("1,234" and "1 234" are 1234). */
const count = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

async function section(page: Page, code: string) {
  await ready(page);
  const outcomes = page.locator(`section[data-outcomes="${code}"]`);
  await outcomes.scrollIntoViewIfNeeded();
  return outcomes;
}

test.describe("what came of the reports, on a unit's page (issue 21)", () => {
  test('the path the reports took: received, investigation and court with their intervals, the stages adding up', async ({ page, watch }) => {
    await page.goto('./en/region/KZ-75/');
    const outcomes = await section(page, 'KZ-75');
    await expect(outcomes.getByRole('heading', { name: 'What came of the reports' })).toBeVisible();
    await expect(outcomes.locator('.figures-period')).toContainText('Reports received in');
    const received = count(await outcomes.locator('[data-step="received"] .figure-value').textContent());
    expect(received).toBeGreaterThan(0);
    // Every stage of the manifest, in its order, with its label; their counts and the withheld ones are
    // the reports received.
    const stages = outcomes.locator('table.outcome-stages tbody tr[data-stage]');
    await expect(stages).toHaveCount(7);
    await expect(stages.first().locator('th')).toHaveText('Registered');
    await expect(stages.last().locator('th')).toHaveText('Outcome not recorded');
    let listed = 0;
    for (const cell of await stages.locator('td').allTextContents()) listed += count(cell);
    const note = outcomes.locator('.note', { hasText: 'without their outcome' });
    const withheld = (await note.count()) ? count((await note.textContent())!.split(' ')[0]) : 0;
    expect(listed + withheld).toBe(received);
    // The withheld ones are a row of the table too, so that a stage's 0 reads as "none published".
    const row_withheld = outcomes.locator('table.outcome-stages tr[data-withheld]');
    if (withheld > 0) expect(count(await row_withheld.locator('td').textContent())).toBe(withheld);
    else await expect(row_withheld).toHaveCount(0);
    // The share that led to an investigation is that of the table's investigation and court rows: a
    // share with its interval where every stage is published, else the bounds the withheld ones allow.
    const row = async (id: string) => count(await outcomes.locator(`tr[data-stage="${id}"] td`).textContent());
    const known = listed - (await row('not_recorded'));
    const investigated = (await row('investigation')) + (await row('court'));
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    const value = outcomes.locator('[data-step="investigation"] .figure-value');
    const said = outcomes.locator('[data-step="investigation"] .figure-interval');
    if (withheld > 0) {
      const base = known + withheld;
      await expect(value).toHaveText(`${pct(investigated / base)} – ${pct((investigated + withheld) / base)}`);
      await expect(said).toContainText('Between these bounds');
    } else {
      await expect(value).toHaveText(pct(investigated / known));
      await expect(said).toContainText('95 % interval');
    }
    // outcomes.json comes with the page, asked for beside the other files.
    const loads = await page.evaluate(() =>
      performance.getEntriesByType('resource').filter((e) => e.name.includes('/outcomes.json')).map((e) => (e as PerformanceResourceTiming).initiatorType));
    expect(loads).toEqual(['link']);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('in Russian and Kazakh, and a period of its own', async ({ page }) => {
    await page.goto('./ru/region/KZ-75/?period=2025-01..2025-12');
    let outcomes = await section(page, 'KZ-75');
    await expect(outcomes.getByRole('heading', { name: 'Что стало с сообщениями' })).toBeVisible();
    await expect(outcomes.locator('[data-step="court"] dt')).toHaveText('Направлено в суд');
    await page.goto('./region/KZ-75/');
    outcomes = await section(page, 'KZ-75');
    await expect(outcomes.getByRole('heading', { name: 'Хабарламалардың нәтижесі' })).toBeVisible();
  });

  test('a unit none of whose reports has a published stage shows the count received and why, not a table of zeros', async ({ page }) => {
    await page.goto('./ru/region/KZ-62/');
    const outcomes = await section(page, 'KZ-62');
    await expect(outcomes.locator('[data-no-outcome]')).toHaveText('ни у одного сообщения этого периода итог не опубликован');
    await expect(outcomes.locator('table.outcome-stages')).toHaveCount(0);
    const received = count(await outcomes.locator('[data-step="received"] .figure-value').textContent());
    await expect(outcomes.locator('.note', { hasText: 'без их исхода' })).toHaveText(new RegExp(`^${received} сообщений`));
  });

  test('a bundle without outcome data says so, and shows no zero', async ({ page, watch }) => {
    await page.goto('./?lang=en&view=region&region=KZ-75&dataset=kept');
    const outcomes = await section(page, 'KZ-75');
    await expect(outcomes).toContainText('No outcome data published for this dataset.');
    await expect(outcomes.locator('.funnel')).toHaveCount(0);
    const loads = await page.evaluate(() =>
      performance.getEntriesByType('resource').filter((e) => e.name.includes('/outcomes.json')).length);
    expect(loads).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});
