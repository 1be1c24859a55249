import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's accessibility violations on the page, one line each (rule and up to three targets). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE }).catch(() => undefined);
  return page.evaluate(async (source) => {
    const w = window as unknown as { axe?: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
    if (!w.axe) new Function(source)();
    const result = await w.axe!.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  }, AXE);
}
