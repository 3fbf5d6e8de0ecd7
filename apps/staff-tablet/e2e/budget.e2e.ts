// The first screen's JavaScript stays under 250 KB gzipped (a tablet on a shop's shared Wi-Fi).
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

test('the sign-in screen loads under 250 KB of gzipped JavaScript, all from this origin', async ({ page, baseURL }) => {
  const scripts: { url: string; body: Buffer }[] = [];
  page.on('response', async (res) => {
    if (res.request().resourceType() === 'script') scripts.push({ url: res.url(), body: await res.body() });
  });
  await page.goto('/staff/', { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s.url.startsWith(`${baseURL}/staff/assets/`)).toBe(true);
  const gzipped = scripts.reduce((n, s) => n + gzipSync(s.body).length, 0);
  expect(gzipped).toBeLessThan(250 * 1024);
});
