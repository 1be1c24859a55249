import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { htmlCheckerSkipReason, htmlErrors } from '../../support/html-checker.js';
import { saveRedirect } from '../../../src/modules/redirects/index.js';
import { defaultEditions } from '../../../src/modules/editions/edition.js';
import { AdminLayout } from '../../../src/themes/admin/layout.js';
import { ImportProgressView } from '../../../src/themes/admin/import-views.js';
import { multipartBody } from '../../support/multipart.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

const BIG = readFileSync(fileURLToPath(new URL('../../../../shared/fixtures/wxr/themeunittestdata.wordpress.xml', import.meta.url)));

describe('the redirects and import pages are valid HTML (Nu Html Checker)', { skip: await htmlCheckerSkipReason() }, () => {
  let site: TestSite;
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'nashr-import-html-'));
    site = await openTestSite('sqlite', { seed: false, config: { dataDir } });
  });
  after(async () => {
    await site?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports no errors on the redirects list, a refusal, the editor, the import form, its progress and its report', async () => {
    const a = await makeUser(site.storage.db, 'administrator');
    const c = new NewsroomClient(site.app);
    await c.signIn(a.email);
    const pages: { path: string; body: string }[] = [];
    pages.push({ path: 'empty redirects', body: (await c.get('/admin/redirects')).body });
    await saveRedirect(site.storage.db, { from: '/2019/05/%D8%B3%D9%84%D8%A7%D9%85/', to: '/fa/سلام/', source: 'import' });
    await saveRedirect(site.storage.db, { from: '/withdrawn/', to: '', status: 410, source: 'manual' });
    pages.push({ path: 'redirects', body: (await c.get('/admin/redirects')).body });
    pages.push({ path: 'search', body: (await c.get('/admin/redirects?q=%D8%B3')).body });
    const refused = await c.post('/admin/redirects', { from: 'no-slash', to: '/x/', status: '301' });
    assert.equal(refused.statusCode, 400);
    pages.push({ path: 'refused', body: refused.body });
    const id = (await site.storage.db.selectFrom('redirects').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    pages.push({ path: 'edit', body: (await c.get(`/admin/redirects/${id}`)).body });

    pages.push({ path: 'import form', body: (await c.get('/admin/import')).body });
    const upload = (fields: Record<string, string>) => {
      const body = multipartBody([{ name: 'theme-unit-test.xml', data: BIG, type: 'text/xml' }], fields);
      return c.request({ method: 'POST', url: `/admin/import?_csrf=${encodeURIComponent(c.csrf)}`, payload: body.payload, headers: body.headers });
    };
    const bad = await upload({ uploadsDir: '/no/such/folder', edition: 'fa' });
    assert.equal(bad.statusCode, 400);
    pages.push({ path: 'import refused', body: bad.body });
    assert.equal((await upload({ dryRun: '1' })).statusCode, 303);
    for (;;) {
      const s = (await c.request({ method: 'GET', url: '/admin/import/status', headers: { accept: 'application/json' } })).json() as { state: string };
      if (s.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    pages.push({ path: 'report', body: (await c.get('/admin/import/report')).body });
    pages.push({ path: 'import form with the last import', body: (await c.get('/admin/import')).body });
    // The progress page as a running import shows it (the import above may finish before a request catches it).
    const progress = AdminLayout({
      chrome: { title: 'Import from WordPress', csrfToken: 'x', user: { displayName: 'A', role: 'administrator' }, css: '/admin/assets/admin.css', nav: [{ key: 'import', label: 'Import', href: '/admin/import' }], section: 'import', refreshSeconds: 2 },
      children: ImportProgressView({ request: { fileName: 'site.xml', dryRun: false }, startedAt: new Date().toISOString(), progress: { phase: 'items', done: 20, total: 186 }, editions: defaultEditions }),
    });
    pages.push({ path: 'progress', body: progress.value });
    pages.push({ path: 'progress, no count yet', body: AdminLayout({ chrome: { title: 'Import', csrfToken: 'x', user: null, css: '/a.css', nav: [], refreshSeconds: 2 }, children: ImportProgressView({ request: { fileName: '', dryRun: true, uploadsDir: '/srv/uploads' }, startedAt: new Date().toISOString(), progress: { phase: 'reading', done: 0 }, editions: defaultEditions }) }).value });
    assert.deepEqual(await htmlErrors(pages), []);
  });
});
