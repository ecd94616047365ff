/** How staff reach a page in the browser, as people do: through the sign-in form, then the menu. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** What shows that the sign-in went through: the sign-out button, or the person's name on the page. */
export type SignedIn = 'sign-out button' | { displayName: string };

/**
 * Opens `url` (the form stands in for any page until one signs in), types the username and
 * password, and sends them. With `signedIn`, waits until the page shows it.
 */
export async function signInThroughForm(page: Page, url: string, username: string, password: string, signedIn?: SignedIn): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Kullanıcı adı').fill(username);
  await page.getByLabel('Parola').fill(password);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
  if (signedIn === 'sign-out button') await page.getByRole('button', { name: 'Çıkış yap' }).waitFor();
  else if (signedIn) await expect.poll(() => page.getByText(signedIn.displayName).first().isVisible(), { timeout: 15_000 }).toBe(true);
}

/** Follows the menu's link to a page and waits for the page's heading (its name, unless told otherwise). */
export async function openFromMenu(page: Page, link: string, heading = link): Promise<void> {
  await page.getByRole('link', { name: link }).click();
  await page.getByRole('heading', { name: heading }).waitFor();
}
