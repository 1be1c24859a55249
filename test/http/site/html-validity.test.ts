import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { demoEditions } from '../../../src/modules/demo/editions/index.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

const run = promisify(execFile);
const VNU = String(createRequire(import.meta.url)('vnu-jar'));

async function javaSkipReason(): Promise<string | undefined> {
  try {
    await run('java', ['-version']);
    return undefined;
  } catch {
    if (process.env.CI) throw new Error('CI=true but Java (for the Nu Html Checker) is not installed');
    return 'Java not installed: the Nu Html Checker test is skipped';
  }
}

describe('public pages are valid HTML (Nu Html Checker)', { skip: await javaSkipReason() }, () => {
  let site: TestSite;
  before(async () => {
    site = await openTestSite('sqlite');
  });
  after(() => site?.close());

  it('reports no errors on every page type in LTR and RTL editions', async () => {
    const en = demoEditions.en!;
    const fa = demoEditions.fa!;
    const enc = encodeURIComponent;
    const paths = [
      '/', '/page/2/', `/${en.articles[0]!.slug}/`, `/category/${en.categories[0]!.slug}/`, `/tag/${en.tags[0]!.slug}/`,
      `/author/${en.authors[0]!.slug}/`, '/2025/', `/${en.pages.about.slug}/`, '/cartoons/', '/search?q=water', '/missing/',
      '/fa/', `/fa/${enc(fa.articles[0]!.slug)}/`, `/fa/category/${enc(fa.categories[0]!.slug)}/`, '/ar/', '/sq/',
    ];
    const dir = mkdtempSync(join(tmpdir(), 'nashr-vnu-'));
    try {
      const files = [];
      for (const [i, path] of paths.entries()) {
        const res = await site.app.inject({ url: path });
        const file = join(dir, `page-${i}.html`);
        writeFileSync(file, res.body);
        files.push(file);
      }
      const { stderr } = await run('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { maxBuffer: 10 * 1024 * 1024 }).catch((e: { stderr: string }) => e);
      const messages = (JSON.parse(stderr || '{"messages":[]}').messages as { url: string; message: string; extract?: string }[])
        .map((m) => `${paths[Number(/page-(\d+)/.exec(m.url)?.[1])]}: ${m.message} ${m.extract ?? ''}`);
      assert.deepEqual(messages, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
