import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { openTestSite, type TestSite } from '../../support/test-site.js';
import { makeKeyInNewsroom } from './api-client.js';

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

describe('the API keys page is valid HTML (Nu Html Checker)', { skip: await javaSkipReason() }, () => {
  let site: TestSite;
  before(async () => {
    site = await openTestSite('sqlite', { seed: false });
  });
  after(() => site?.close());

  it('reports no errors with no keys, a key just made, a revoked key and a refused name', async () => {
    const pages: { path: string; body: string }[] = [];
    const { admin } = await makeKeyInNewsroom(site.app, site.storage.db, 'First');
    await site.storage.db.deleteFrom('api_keys').execute();
    pages.push({ path: 'empty list', body: (await admin.get('/admin/api-keys')).body });
    const made = await admin.post('/admin/api-keys', { name: 'Mobile app <beta>' });
    assert.equal(made.statusCode, 200);
    pages.push({ path: 'key just made', body: made.body });
    const { id } = await site.storage.db.selectFrom('api_keys').select('id').executeTakeFirstOrThrow();
    await admin.post(`/admin/api-keys/${id}/revoke`);
    await admin.post('/admin/api-keys', { name: 'Partner' });
    pages.push({ path: 'revoked and active', body: (await admin.get('/admin/api-keys?notice=revoked')).body });
    const refused = await admin.post('/admin/api-keys', { name: '' });
    assert.equal(refused.statusCode, 400);
    pages.push({ path: 'refused name', body: refused.body });
    assert.ok(!made.body.includes('<beta>'), 'the name is escaped');

    const dir = mkdtempSync(join(tmpdir(), 'nashr-vnu-'));
    try {
      const files = pages.map((p, i) => {
        const file = join(dir, `page-${i}.html`);
        writeFileSync(file, p.body);
        return file;
      });
      const { stderr } = await run('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { maxBuffer: 10 * 1024 * 1024 }).catch((e: { stderr: string }) => e);
      const messages = (JSON.parse(stderr || '{"messages":[]}').messages as { url: string; message: string; extract?: string }[])
        .map((m) => `${pages[Number(/page-(\d+)/.exec(m.url)?.[1])]?.path}: ${m.message} ${m.extract ?? ''}`);
      assert.deepEqual(messages, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
