// What every tablet test does: sign in through the screen, check a screen with axe, save its screenshot.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { PASSWORD } from './api';

const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/staff/');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: "Today's pickups" })).toBeVisible();
}

/** No serious or critical axe-core violation (WCAG 2 A and AA rules) on the screen as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

/** Every visible button, link and field is at least 44 px both ways (a radio counts by its label, which is). */
export async function expectTouchTargets(page: Page): Promise<void> {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a, input:not([type=radio]), label:has(input[type=radio])')]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0 && (box.width < 44 || box.height < 44))
      .map(
        ({ el, box }) => `${el.tagName.toLowerCase()} "${el.textContent?.trim() ?? ''}" ${Math.round(box.width)}x${Math.round(box.height)}`,
      ),
  );
  expect(small).toEqual([]);
}

/** Axe, touch targets, then the screenshot: every screen the tests reach is checked and pictured the same way. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await expectAccessible(page);
  await expectTouchTargets(page);
  await screenshot(page, name);
}
