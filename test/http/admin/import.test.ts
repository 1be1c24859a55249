import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { createApp } from '../../../src/app.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { multipartBody } from '../../support/multipart.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../../shared/fixtures/wxr/${name}`, import.meta.url)));
const SIMPLE = fixture('importer-wxr-simple.xml');
const BIG = fixture('themeunittestdata.wordpress.xml');

/** The report's counts table as { kind: [found, imported, updated, skipped] }. */
function countsOf(body: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const tr of parse(body).querySelectorAll('table.import-counts tbody tr')) {
    out[tr.querySelector('th')!.text.trim()] = tr.querySelectorAll('td').map((td) => Number(td.text));
  }
  return out;
}

const itemCount = async (site: TestSite) => Number((await site.storage.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

for (const dialect of DIALECTS) {
  describe(`the newsroom's WordPress import on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let dataDir: string;
    let admin: NewsroomClient;
    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'nashr-import-page-'));
      site = await openTestSite(dialect, { seed: false, config: { dataDir } });
      const a = await makeUser(site.storage.db, 'administrator');
      admin = new NewsroomClient(site.app);
      assert.equal((await admin.signIn(a.email)).statusCode, 303);
    });
    after(async () => {
      await site?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const upload = async (client: NewsroomClient, data: Buffer, fields: Record<string, string> = {}, name = 'site.WordPress.xml', csrf = client.csrf) => {
      const body = multipartBody([{ name, data, type: 'text/xml' }], fields);
      return client.request({ method: 'POST', url: `/admin/import?_csrf=${encodeURIComponent(csrf)}`, payload: body.payload, headers: body.headers });
    };

    /** Polls the status endpoint (as the page's script does) until the import is over. */
    const finished = async (client: NewsroomClient) => {
      for (;;) {
        const res = await client.request({ method: 'GET', url: '/admin/import/status', headers: { accept: 'application/json' } });
        assert.equal(res.statusCode, 200);
        const s = res.json() as { state: string };
        if (s.state !== 'running') return s;
        await new Promise((r) => setTimeout(r, 25));
      }
    };

    const leftovers = () => readdirSync(join(dataDir, 'import'), { withFileTypes: true }).filter((f) => f.name.startsWith('upload-')).map((f) => f.name);

    it('imports an uploaded export in the background and shows its report', async () => {
      const page = await admin.get('/admin/import');
      assert.equal(page.statusCode, 200);
      const form = parse(page.body).querySelector('form[enctype="multipart/form-data"]')!;
      assert.ok(form.getAttribute('action')!.startsWith('/admin/import?_csrf='));
      assert.ok(parse(page.body).querySelector('nav a[href="/admin/import"][aria-current="page"]'), 'in the menu');

      const res = await upload(admin, SIMPLE);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/import');
      const s = await finished(admin);
      assert.equal(s.state, 'done');

      const report = await admin.get('/admin/import/report');
      assert.equal(report.statusCode, 200);
      assert.deepEqual(countsOf(report.body)['Articles (posts)'], [1, 1, 0, 0]);
      assert.match(parse(report.body).querySelector('.import-options')!.text, /site\.WordPress\.xml/);
      assert.equal(await itemCount(site), 1);
      assert.deepEqual(leftovers(), [], 'the uploaded file is removed once imported');
      assert.match(parse((await admin.get('/admin/import')).body).querySelector('#last-import')!.parentNode!.text, /Read the report/);
    });

    it('keeps the last report across a restart, and clears uploads a crash left behind', async () => {
      const stale = join(dataDir, 'import', `upload-${'a'.repeat(24)}.xml`);
      const fresh = join(dataDir, 'import', `upload-${'b'.repeat(24)}.xml`);
      writeFileSync(stale, '<rss/>');
      writeFileSync(fresh, '<rss/>');
      const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
      utimesSync(stale, twoDaysAgo, twoDaysAgo);
      const again = await createApp(site.config, { storage: site.storage });
      try {
        await again.ready();
        assert.deepEqual(leftovers(), [`upload-${'b'.repeat(24)}.xml`], 'only the day-old upload is removed');
        rmSync(fresh);
        const client = new NewsroomClient(again);
        client.cookies = { ...admin.cookies };
        const report = await client.get('/admin/import/report');
        assert.equal(report.statusCode, 200);
        assert.deepEqual(countsOf(report.body)['Articles (posts)'], [1, 1, 0, 0]);
      } finally {
        await again.close();
      }
    });

    it('shows the progress while an import runs, and refuses a second one with 409', async () => {
      const res = await upload(admin, BIG, { dryRun: '1' }, 'theme-unit-test.xml');
      assert.equal(res.statusCode, 303);
      const progress = await admin.get('/admin/import');
      const second = await upload(admin, SIMPLE);
      const s = await finished(admin);
      assert.equal(s.state, 'done');
      if (progress.body.includes('data-import-progress')) {
        // Caught while running (the usual case): the bar, the no-script refresh, and the refusal.
        const doc = parse(progress.body);
        assert.ok(doc.querySelector('progress#import-bar'));
        assert.ok(progress.body.includes('<noscript><meta http-equiv="refresh" content="2"></noscript></head>'), 'reloads itself without scripts');
        assert.equal(second.statusCode, 409);
        assert.match(second.body, /already running/);
      }
      const report = await admin.get('/admin/import/report');
      assert.match(report.body, /Dry run: nothing was written/);
      assert.equal(await itemCount(site), 1, 'a dry run writes nothing (and the refused second upload nothing either)');
      assert.deepEqual(leftovers(), []);
    });

    it('refuses a file that is not XML with a clear 400, and writes nothing', async () => {
      const before = await itemCount(site);
      for (const data of [Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR'), Buffer.from('title,body\nhello,world\n'), Buffer.alloc(0)]) {
        const res = await upload(admin, data, {}, 'export.xml');
        assert.equal(res.statusCode, 400);
        assert.match(parse(res.body).querySelector('.notice-error')!.text, /not a WordPress export/);
      }
      assert.equal(await itemCount(site), before);
      assert.deepEqual(leftovers(), []);
    });

    it('refuses an uploads folder that does not exist, or a relative one, before importing', async () => {
      for (const dir of ['/no/such/folder/wp-content/uploads', 'wp-content/uploads', fileURLToPath(import.meta.url), '/', '/..']) {
        const res = await upload(admin, SIMPLE, { uploadsDir: dir });
        assert.equal(res.statusCode, 400, dir);
        assert.ok(parse(res.body).querySelector('#f-uploadsDir-error'), dir);
        assert.equal(parse(res.body).querySelector('#f-uploadsDir')!.getAttribute('value'), dir, 'what was typed stays');
      }
      assert.deepEqual(leftovers(), []);
    });

    it('enforces CSRF, and lets only administrators in', async () => {
      const forged = await upload(admin, SIMPLE, {}, 'x.xml', 'forged-token');
      assert.equal(forged.statusCode, 403);
      const editorUser = await makeUser(site.storage.db, 'editor');
      const editor = new NewsroomClient(site.app);
      await editor.signIn(editorUser.email);
      assert.equal((await editor.get('/admin/import')).statusCode, 403);
      assert.equal((await editor.get('/admin/import/report')).statusCode, 403);
      assert.equal((await editor.request({ method: 'GET', url: '/admin/import/status', headers: { accept: 'application/json' } })).statusCode, 403);
      assert.equal((await upload(editor, SIMPLE)).statusCode, 403);
      assert.ok(!parse((await editor.get('/admin')).body).querySelector('nav a[href="/admin/import"]'));
      assert.equal((await site.app.inject({ url: '/admin/import' })).statusCode, 303, 'signed out: to the sign-in page');
    });
  });

  describe(`the import page's size limit on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let dataDir: string;
    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'nashr-import-limit-'));
      site = await openTestSite(dialect, { seed: false, config: { dataDir, importMaxBytes: 1000 } });
    });
    after(async () => {
      await site?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('refuses a file over NASHR_IMPORT_MAX_BYTES with 413 and keeps none of it', async () => {
      const a = await makeUser(site.storage.db, 'administrator');
      const admin = new NewsroomClient(site.app);
      await admin.signIn(a.email);
      await admin.get('/admin/import');
      const body = multipartBody([{ name: 'big.xml', data: SIMPLE, type: 'text/xml' }]);
      const res = await admin.request({ method: 'POST', url: `/admin/import?_csrf=${encodeURIComponent(admin.csrf)}`, payload: body.payload, headers: body.headers });
      assert.equal(res.statusCode, 413);
      assert.match(res.body, /larger than the 1 KB/);
      assert.deepEqual(readdirSync(join(dataDir, 'import')).filter((f) => f.startsWith('upload-')), []);
      assert.equal(Number((await site.storage.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n), 0);
    });
  });
}
