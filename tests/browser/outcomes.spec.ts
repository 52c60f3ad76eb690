import { test, expect, axeViolations, ready } from './support';
import { readFileSync } from 'node:fs';
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

  test('the median time to the last step: its bin and n, or the bins it can be in, from a table that adds up', async ({ page, watch }) => {
    await page.goto('./en/region/KZ-75/');
    const outcomes = await section(page, 'KZ-75');
    const received = count(await outcomes.locator('[data-step="received"] .figure-value').textContent());
    await expect(outcomes.locator('[data-step="time"] dt')).toHaveText('Median time to the last step');
    // The bins, the undated reports and the withheld ones are the reports received.
    const rows = outcomes.locator('table.outcome-times tbody tr');
    await expect(rows.locator('th')).toHaveText(['0–7 days', '8–30 days', '31–90 days', '91–180 days', 'over 180 days', 'Last step not dated', ...((await rows.count()) > 6 ? ['Withheld for anonymity'] : [])]);
    const counts = (await rows.locator('td').allTextContents()).map(count);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(received);
    // The median's bin, read from the dated rows.
    const dated = counts.slice(0, 5);
    const n = dated.reduce((a, b) => a + b, 0);
    expect(n).toBeGreaterThan(0);
    let seen = 0;
    const median = dated.findIndex((c) => (seen += c) * 2 >= n);
    const labels = await rows.locator('th').allTextContents();
    const value = (await outcomes.locator('[data-step="time"] .figure-value').textContent())!;
    const said = outcomes.locator('[data-step="time"] .figure-interval');
    // One bin, or the lowest and highest the withheld ones allow; it holds the median of the published.
    const [low, high = low] = value.split(' – ').map((v) => labels.indexOf(v));
    expect(low).toBeGreaterThanOrEqual(0);
    expect(low <= median && median <= high).toBe(true);
    if (low === high) await expect(said).toHaveText(`of ${n.toLocaleString('en')} reports whose last step is dated`);
    else await expect(said).toContainText('Between these');
    if (counts.length === 6) expect([low, high]).toEqual([median, median]);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('in Russian and Kazakh, and a period of its own', async ({ page }) => {
    await page.goto('./ru/region/KZ-75/?period=2025-01..2025-12');
    let outcomes = await section(page, 'KZ-75');
    await expect(outcomes.getByRole('heading', { name: 'Что стало с сообщениями' })).toBeVisible();
    await expect(outcomes.locator('[data-step="court"] dt')).toHaveText('Направлено в суд');
    await expect(outcomes.locator('[data-step="time"] dt')).toHaveText('Медианный срок до последнего шага');
    await page.goto('./region/KZ-75/');
    outcomes = await section(page, 'KZ-75');
    await expect(outcomes.getByRole('heading', { name: 'Хабарламалардың нәтижесі' })).toBeVisible();
  });

  test('a unit none of whose reports has a published stage shows the count received and why, not a table of zeros', async ({ page }) => {
    await page.goto('./ru/region/KZ-62/');
    const outcomes = await section(page, 'KZ-62');
    await expect(outcomes.locator('[data-no-outcome]')).toHaveText('Ни у одного сообщения этого периода итог не опубликован.');
    await expect(outcomes.locator('table.outcome-stages')).toHaveCount(0);
    const received = count(await outcomes.locator('[data-step="received"] .figure-value').textContent());
    await expect(outcomes.locator('.note', { hasText: 'без их исхода' })).toHaveText(new RegExp(`^${received} сообщений`));
  });

  test('a bundle without outcome data says so, and shows no zero', async ({ page, watch }) => {
    await page.goto('./?lang=en&view=region&region=KZ-75&dataset=kept');
    const outcomes = await section(page, 'KZ-75');
    await expect(outcomes).toContainText('No outcome data published for this dataset.');
    await expect(outcomes.locator('.funnel')).toHaveCount(0);
    // The bundle has no outcomes.json to ask for (the default bundle's is preloaded by the root page).
    const loads = await page.evaluate(() =>
      performance.getEntriesByType('resource').filter((e) => e.name.includes('/contract-2/outcomes.json')).length);
    expect(loads).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});

test.describe("what came of the country's reports, on the overview (issue 21)", () => {
  test("the country's funnel counts the reports the key figures count, over the map's period, and follows its period", async ({ page, watch }) => {
    await page.goto('./en/');
    const outcomes = await section(page, 'KZ');
    await expect(outcomes.getByRole('heading', { name: 'What came of the reports' })).toBeVisible();
    const received = count(await outcomes.locator('[data-step="received"] .figure-value').textContent());
    const complaints = count(await page.locator('.figure-card[data-metric="complaints"] .figure-value').textContent());
    expect(received).toBe(complaints);
    // The stages and the withheld row add up to the reports received.
    const cells = await outcomes.locator('table.outcome-stages tbody td').allTextContents();
    expect(cells.map(count).reduce((a, b) => a + b, 0)).toBe(received);
    await expect(outcomes.locator('[data-step="investigation"] .figure-interval')).toContainText('95 % interval');
    // outcomes.json comes with the page, asked for beside the first view's files.
    const loads = await page.evaluate(() =>
      performance.getEntriesByType('resource').filter((e) => e.name.includes('/outcomes.json')).map((e) => (e as PerformanceResourceTiming).initiatorType));
    expect(loads).toEqual(['link']);
    // Another period of the map: the funnel follows it and says so.
    await page.goto('./en/?period=2025-01..2025-06');
    const earlier = await section(page, 'KZ');
    await expect(earlier.locator('.figures-period')).toContainText('2025');
    expect(count(await earlier.locator('[data-step="received"] .figure-value').textContent())).not.toBe(received);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('without JavaScript the pre-rendered overview has the funnel, and the guide explains the stages', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('./ru/');
    const outcomes = page.locator('section[data-outcomes="KZ"]');
    await expect(outcomes.getByRole('heading', { name: 'Что стало с сообщениями' })).toBeVisible();
    // The six stages, and the reports whose file records none.
    expect(await outcomes.locator('table.outcome-stages tbody tr[data-stage]').count()).toBe(7);
    await expect(outcomes.locator('.funnel-drawing svg .funnel-bar')).toHaveCount(await outcomes.locator('table.outcome-stages tbody tr').count() + 1);
    const guide = page.locator('.rights-guide');
    await expect(guide.getByRole('heading', { name: 'Что происходит после сообщения' })).toBeVisible();
    await expect(guide.locator('.guide-stages li')).toHaveCount(6);
    await expect(guide).toContainText('О любом решении заявителю сообщают письменно.');
    await context.close();
  });
});

test.describe('what came of the reports, downloaded and embedded (issue 21, point 3)', () => {
  test('CSV, SVG and PNG of a unit\'s funnel, and its Embed snippet that opens the funnel alone', async ({ page, context, watch }) => {
    await page.goto('./en/region/KZ-75/');
    const outcomes = await section(page, 'KZ-75');
    const downloads = outcomes.getByRole('group', { name: 'Download' });
    await expect(downloads.getByRole('button')).toHaveText(['PNG', 'SVG', 'CSV']);
    const received = count(await outcomes.locator('[data-step="received"] .figure-value').textContent());
    const [csvFile] = await Promise.all([page.waitForEvent('download'), downloads.locator('button[data-download="csv"]').click()]);
    expect(csvFile.suggestedFilename()).toMatch(/^adal-atlas_complaint_outcomes_.+_KZ-75\.csv$/);
    const text = readFileSync(await csvFile.path(), 'utf8');
    const rows = text.replace(/^\uFEFF/, '').trim().split('\r\n').map((r) => r.split(','));
    expect(rows[0][0]).toBe('Metric');
    expect(rows[1].slice(0, 8)).toEqual(['complaints_by_outcome', 'count', rows[1][2], rows[1][3], 'KZ-75', 'Almaty (city)', '', String(received)]);
    // A row per stage, as the table shows it, then the withheld rest and the two shares.
    const table = await outcomes.locator('table.outcome-stages tbody tr[data-stage]').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-stage'), (tr.querySelector('td')?.textContent ?? '').replace(/\D/g, '')]));
    const stageRows = rows.filter((r) => r[0] === 'complaints_by_outcome' && r[6] !== '' && r[6] !== 'withheld');
    expect(stageRows.map((r) => [r[6], r[7]])).toEqual(table);
    expect(rows.filter((r) => r[0].endsWith('_share')).map((r) => r[0])).toEqual(['investigation_share', 'court_share']);
    // Then the reports by the time to their last step, as the time table shows them.
    const bins = await outcomes.locator('table.outcome-times tbody tr[data-days]').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-days'), (tr.querySelector('td')?.textContent ?? '').replace(/\D/g, '')]));
    const timeRows = rows.filter((r) => r[0] === 'complaints_by_days_to_last_step' && r[6] !== 'withheld');
    expect(timeRows.map((r) => [r[6], r[7]])).toEqual(bins.filter(([id]) => id !== 'not_dated'));
    const [svgFile] = await Promise.all([page.waitForEvent('download'), downloads.locator('button[data-download="svg"]').click()]);
    const svg = readFileSync(await svgFile.path(), 'utf8');
    expect(svg).toContain('What came of the reports');
    expect(svg).toContain('Adal Atlas');
    expect((svg.match(/class="funnel-bar"|<rect/g) ?? []).length).toBeGreaterThanOrEqual(table.length + 1);
    const [pngFile] = await Promise.all([page.waitForEvent('download'), downloads.locator('button[data-download="png"]').click()]);
    const png = readFileSync(await pngFile.path());
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // Embed: the snippet names the piece and the unit, pinned to the version.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://127.0.0.1:4173' });
    await outcomes.getByRole('button', { name: 'Embed' }).click();
    const snippet = await page.getByRole('dialog').getByRole('textbox').inputValue();
    expect(snippet).toMatch(/embed=outcomes/);
    expect(snippet).toContain('region=KZ-75');
    const src = snippet.match(/src="([^"]+)"/)![1].replace(/&amp;/g, '&');
    await page.goto(src);
    const alone = page.locator('.embed[data-embed="outcomes"] section[data-outcomes="KZ-75"]');
    await expect(alone.locator('[data-step="received"] .figure-value')).toHaveText(String(received).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(fetched.filter((n) => n.includes('/outcomes.json'))).toHaveLength(1);
    expect(fetched.filter((n) => n.includes('audits-detail.json'))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  test("embed=outcomes without a unit is the country's", async ({ page }) => {
    await page.goto('./?embed=outcomes&lang=kk');
    const alone = page.locator('.embed[data-embed="outcomes"] section[data-outcomes="KZ"]');
    await expect(alone.getByRole('heading', { name: 'Хабарламалардың нәтижесі' })).toBeVisible();
    await expect(alone.locator('.funnel-drawing svg')).toBeVisible();
    await alone.getByText('Диаграмма деректерін кесте ретінде көрсету').click();
    await expect(alone.locator('table.outcome-stages')).toBeVisible();
  });
});

/** The recommendations' section of unit `code` (`KZ`: the country), scrolled into view. */
async function findings(page: Page, code: string) {
  await ready(page);
  const section = page.locator(`section[data-findings="${code}"]`);
  await section.scrollIntoViewIfNeeded();
  return section;
}

test.describe('what came of the audits: the recommendations and their state (issue 21)', () => {
  test("a unit's recommendations: given, by state adding up, the share implemented, its CSV", async ({ page, watch }) => {
    await page.goto('./en/region/KZ-75/');
    const section = await findings(page, 'KZ-75');
    await expect(section.getByRole('heading', { name: 'Recommendations after the audits' })).toBeVisible();
    await expect(section.locator('.figures-period')).toContainText('Recommendations given in');
    const given = count(await section.locator('[data-finding="given"] .figure-value').textContent());
    expect(given).toBeGreaterThan(0);
    // The four states of the manifest, in its order; with the withheld ones they are those given.
    const states = section.locator('table.finding-states tbody tr[data-state]');
    await expect(states).toHaveCount(4);
    await expect(states.first().locator('th')).toHaveText('Implemented');
    await expect(states.last().locator('th')).toHaveText('Overdue');
    const byState = (await states.locator('td').allTextContents()).map(count);
    const withheldRow = section.locator('table.finding-states tr[data-withheld] td');
    const withheld = (await withheldRow.count()) ? count(await withheldRow.textContent()) : 0;
    const known = byState.reduce((a, b) => a + b, 0);
    expect(known + withheld).toBe(given);
    // The share implemented is the table's first row of those of a published state, with its interval,
    // or the bounds the withheld ones allow.
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    const value = section.locator('[data-finding="implemented"] .figure-value');
    const said = section.locator('[data-finding="implemented"] .figure-interval');
    if (withheld > 0) {
      await expect(value).toHaveText(`${pct(byState[0] / given)} – ${pct((byState[0] + withheld) / given)}`);
      await expect(said).toContainText('Between these bounds');
    } else {
      await expect(value).toHaveText(pct(byState[0] / known));
      await expect(said).toContainText(`of ${known.toLocaleString('en')} recommendations whose state is published; 95 % interval`);
    }
    await expect(section.locator('.note', { hasText: 'within its deadline' })).toBeVisible();
    // The CSV: those given, a row per state as the table shows them, then the share.
    const downloads = section.getByRole('group', { name: 'Download' });
    const [csvFile] = await Promise.all([page.waitForEvent('download'), downloads.locator('button[data-download="csv"]').click()]);
    expect(csvFile.suggestedFilename()).toMatch(/^adal-atlas_recommendations_.+_KZ-75\.csv$/);
    const rows = readFileSync(await csvFile.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((r) => r.split(','));
    expect(rows[1].slice(0, 8)).toEqual(['recommendations_by_state', 'count', rows[1][2], rows[1][3], 'KZ-75', 'Almaty (city)', '', String(given)]);
    const stateRows = rows.filter((r) => r[0] === 'recommendations_by_state' && r[6] !== '' && r[6] !== 'withheld');
    expect(stateRows.map((r) => [r[6], Number(r[7])])).toEqual(
      ['implemented', 'partly_implemented', 'not_implemented', 'overdue'].map((id, i) => [id, byState[i]]));
    expect(rows[rows.length - 1][0]).toBe('recommendations_implemented_share');
    const [svgFile] = await Promise.all([page.waitForEvent('download'), downloads.locator('button[data-download="svg"]').click()]);
    expect(readFileSync(await svgFile.path(), 'utf8')).toContain('Recommendations after the audits');
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('in Russian and Kazakh, with the states named by the manifest', async ({ page }) => {
    await page.goto('./ru/region/KZ-31/');
    const ru = await findings(page, 'KZ-31');
    await expect(ru.getByRole('heading', { name: 'Рекомендации по итогам проверок' })).toBeVisible();
    await expect(ru.locator('table.finding-states tbody tr[data-state="implemented"] th')).toHaveText('Выполнено');
    await expect(ru.locator('[data-finding="given"] dt')).toHaveText('Выдано рекомендаций');
    await page.goto('./region/KZ-31/');
    const kk = await findings(page, 'KZ-31');
    await expect(kk.getByRole('heading', { name: 'Тексерулерден кейінгі ұсынымдар' })).toBeVisible();
    await expect(kk.locator('table.finding-states tbody tr[data-state="overdue"] th')).toHaveText('Мерзімі өтіп кетті');
  });

  test('a bundle without findings says so, and shows no zero', async ({ page, watch }) => {
    await page.goto('./?lang=en&view=region&region=KZ-75&dataset=kept');
    const section = await findings(page, 'KZ-75');
    await expect(section.locator('[data-no-findings]')).toHaveText('No recommendations published for this dataset.');
    await expect(section.locator('.funnel')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  test("the country's recommendations on the overview, with and without JavaScript", async ({ page, browser }) => {
    await page.goto('./en/');
    const section = await findings(page, 'KZ');
    const given = count(await section.locator('[data-finding="given"] .figure-value').textContent());
    const cells = (await section.locator('table.finding-states tbody td').allTextContents()).map(count);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(given);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const still = await context.newPage();
    await still.goto('./');
    const prerendered = still.locator('section[data-findings="KZ"]');
    await expect(prerendered.getByRole('heading', { name: 'Тексерулерден кейінгі ұсынымдар' })).toBeVisible();
    await expect(prerendered.locator('table.finding-states tbody tr[data-state]')).toHaveCount(4);
    expect(count(await prerendered.locator('[data-finding="given"] .figure-value').textContent())).toBe(given);
    await context.close();
  });
});
