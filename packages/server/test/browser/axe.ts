/** axe-core in a page: WCAG 2.1 AA, serious or critical violations fail, with a screenshot named after the state. */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOTS } from './browser.js';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Evaluated through the DevTools protocol, so the page's CSP stays as it is. */
export async function expectAccessible(page: Page, name: string) {
  await page.evaluate(AXE_SOURCE);
  // A string, run in the page: the server's TypeScript knows no DOM.
  const violations = (await page.evaluate(`(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 5) }));
  })()`)) as { id: string; impact: string | null; help: string; targets: string[] }[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  await page.screenshot({ path: path.join(SCREENSHOTS, `portal-${name}.png`), fullPage: true });
  expect(serious, `${name}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}
