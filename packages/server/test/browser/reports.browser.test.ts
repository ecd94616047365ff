/**
 * The dashboard's district map renders the year's requests and a click on it drills into a
 * district; the public transparency page shows the figures without signing in.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUser } from '../../src/app/users.js';
import { writeDemoYear } from '../../src/demo/demo-year.js';
import { pdfText } from '../pdftotext.js';
import { SCREENSHOTS, useBrowserApp, type BrowserApp } from './browser.js';
import { openFromMenu, signInThroughForm } from './navigation.js';

let t: BrowserApp;
const lastYear = new Date(Date.now() + 3 * 3600_000).getUTCFullYear() - 1;

useBrowserApp(async (app) => {
  t = app;
  await writeDemoYear(t.database, { year: lastYear - 1, seed: 5, targets: { offered: 1300, answered: 1196, instant: 700, routed: 496 } });
  await writeDemoYear(t.database, { year: lastYear, seed: 5, targets: { offered: 1500, answered: 1409, instant: 815, routed: 594 } });
  await createUser(t.database.db, null, { username: 'mudur', displayName: 'Müdür Test', password: 'mudur-parola-1', role: 'supervisor' });
}, { timeout: 120_000 });

/** Share of the canvas's pixels that are clearly blue: the choropleth's fill. */
const bluePixels = (page: Page, testId: string): Promise<number> =>
  page.evaluate(`(() => {
    const canvas = document.querySelector('[data-testid="${testId}"] canvas');
    if (!canvas) return 0;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i + 2] > 150 && data[i + 2] - data[i] > 40) blue++;
    return blue / (data.length / 4);
  })()`);

it('draws the district map with the year’s requests, drills into a district on a click and exports it in the user’s language', { timeout: 120_000 }, async () => {
  const page = await t.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await signInThroughForm(page, t.base, 'mudur', 'mudur-parola-1');
  await openFromMenu(page, 'Raporlar', 'Raporlar ve gösterge panoları');
  await expect.poll(() => page.getByTestId('report-offered').textContent(), { timeout: 15_000 }).toMatch(/^1[.,]500$/);
  expect(await page.getByTestId('report-answered').textContent()).toMatch(/^1[.,]409$/);
  expect(await page.getByTestId('report-routed').textContent()).toBe('594');

  const map = page.getByTestId('district-choropleth');
  await map.waitFor();
  await expect.poll(() => bluePixels(page, 'district-choropleth'), { timeout: 10_000 }).toBeGreaterThan(0.05);
  // The district table beside the map holds the same counts the map is coloured by.
  await expect.poll(() => page.getByTestId('district-table').locator('tbody tr').count()).toBe(17);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-district-map.png'), fullPage: true });

  // The middle of Samsun lies inside one of its inland districts.
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByTestId('map-district').waitFor({ timeout: 10_000 });
  const district = (await page.getByTestId('map-district').textContent())!;
  await page.getByRole('heading', { name: new RegExp(`${district} ilçesinin en yoğun mahalleleri`) }).waitFor();
  await expect.poll(() => page.getByTestId('neighbourhood-table').locator('tbody tr').count()).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-district-drilldown.png'), fullPage: true });

  // Back to the city, then into İlkadım from the table: its neighbourhoods have a map too.
  await page.getByTestId('map-city').click();
  await page.getByTestId('district-table').getByRole('button', { name: 'İlkadım' }).click();
  await page.getByTestId('neighbourhood-choropleth').waitFor();
  await expect.poll(() => bluePixels(page, 'neighbourhood-choropleth'), { timeout: 10_000 }).toBeGreaterThan(0.02);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-ilkadim-neighbourhoods.png'), fullPage: true });

  // The PDF is what is on screen, in the user's language: its title names the district.
  const pdf = async () => {
    const href = (await page.getByTestId('report-pdf').getAttribute('href'))!;
    const bytes = await page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), href);
    return { href, text: pdfText(Buffer.from(bytes)) };
  };
  const turkish = await pdf();
  expect(turkish.href).toContain('lang=tr');
  expect(turkish.text).toContain(`ALO 153 Yıllık Rapor ${lastYear} — İlkadım`);
  await page.locator('label', { hasText: /^EN$/ }).first().click();
  await expect.poll(async () => page.getByTestId('report-pdf').getAttribute('href')).toContain('lang=en');
  expect((await pdf()).text).toContain(`ALO 153 Annual Report ${lastYear} — İlkadım`);
});

it('shows the public transparency page without signing in, with the open-data link', async () => {
  const page = await t.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${t.base}/transparency`);
  await page.getByRole('heading', { name: 'Şeffaflık: rakamlarla Çözüm Merkezimiz' }).waitFor();
  await expect.poll(() => page.getByTestId('transparency-figure-1').textContent(), { timeout: 15_000 }).toMatch(/^1[.,]409$/);
  await expect.poll(() => bluePixels(page, 'transparency-map'), { timeout: 10_000 }).toBeGreaterThan(0.05);
  const href = await page.getByTestId('open-data').getAttribute('href');
  expect(href).toBe(`/api/v1/transparency/open-data.csv?year=${lastYear}`);
  const csv = await page.evaluate((url) => fetch(url).then((r) => r.text()), href!);
  expect(csv.split('\n')[0]).toContain('month,district_code,district');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'transparency.png'), fullPage: true });
});
