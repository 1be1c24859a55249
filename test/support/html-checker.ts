import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const VNU = String(createRequire(import.meta.url)('vnu-jar'));

/** Why the Nu Html Checker cannot run here (no Java), or undefined; in CI a missing Java is a failure. */
export async function htmlCheckerSkipReason(): Promise<string | undefined> {
  try {
    await run('java', ['-version']);
    return undefined;
  } catch {
    if (process.env.CI) throw new Error('CI=true but Java (for the Nu Html Checker) is not installed');
    return 'Java not installed: the Nu Html Checker test is skipped';
  }
}

/** The Nu Html Checker's errors for the pages, each prefixed with the page's name (none: valid). */
export async function htmlErrors(pages: { path: string; body: string }[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'nashr-vnu-'));
  try {
    const files = pages.map((p, i) => {
      const file = join(dir, `page-${i}.html`);
      writeFileSync(file, p.body);
      return file;
    });
    const { stderr } = await run('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { maxBuffer: 10 * 1024 * 1024 }).catch((e: { stderr: string }) => e);
    return (JSON.parse(stderr || '{"messages":[]}').messages as { url: string; message: string; extract?: string }[])
      .map((m) => `${pages[Number(/page-(\d+)/.exec(m.url)?.[1])]?.path}: ${m.message} ${m.extract ?? ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
