// Previews for shared links: the production build writes, for each unit and language, a static page with
// Open Graph and Twitter tags and a 1200×630 card, and the page sends people on to the app's unit view.
import { test, expect } from './support';

test.describe('previews for shared links', () => {
  for (const code of ['KZ-11', 'KZ-75', 'KZ-63']) {
    test(`${code}: the preview pages carry the tags and their cards exist`, async ({ request }) => {
      for (const [file, lang] of [['index.html', 'kk'], ['ru.html', 'ru'], ['en.html', 'en']]) {
        const res = await request.get(`r/${code}/${file}`);
        expect(res.status()).toBe(200);
        const html = await res.text();
        expect(html).toContain(`<html lang="${lang}">`);
        expect(html).toMatch(/<meta property="og:title" content="[^"<]+">/);
        expect(html).toMatch(/<meta property="og:description" content="[^"<]+\d[^"<]*">/);
        expect(html).toContain(`<meta property="og:image" content="card-${lang}.png">`);
        expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
        const card = await request.get(`r/${code}/card-${lang}.png`);
        expect(card.status()).toBe(200);
        const bytes = await card.body();
        expect(bytes.subarray(1, 4).toString()).toBe('PNG');
        expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
      }
    });
  }

  test('a preview page sends people on to the unit in the app', async ({ page }) => {
    await page.goto('r/KZ-11/en.html');
    await expect(page).toHaveURL(/\/app\/en\/region\/KZ-11\/$/);
    await expect(page.getByRole('heading', { name: 'Akmola Region', level: 2, exact: true })).toBeVisible();
  });
});
