import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { findRedirect, saveRedirect } from '../../../src/modules/redirects/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

const rowsOf = (body: string) => parse(body).querySelectorAll('table.redirects tbody tr').map((tr) => tr.querySelectorAll('td').map((td) => td.text.trim()));
const errorOf = (body: string, field: string) => parse(body).querySelector(`#f-${field}-error`)?.text;

for (const dialect of DIALECTS) {
  describe(`the redirects editor on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let editor: NewsroomClient;
    before(async () => {
      site = await openTestSite(dialect, { seed: false });
      const e = await makeUser(site.storage.db, 'editor', ['ar']);
      editor = new NewsroomClient(site.app);
      assert.equal((await editor.signIn(e.email)).statusCode, 303);
      for (let i = 1; i <= 55; i++) await saveRedirect(site.storage.db, { from: `/?p=${i}`, to: `/article-${i}/`, source: 'import' });
    });
    after(() => site?.close());

    it('lists redirects newest first, in pages, and searches them', async () => {
      const res = await editor.get('/admin/redirects');
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      assert.ok(doc.querySelector('nav a[href="/admin/redirects"][aria-current="page"]'), 'in the menu');
      const rows = rowsOf(res.body);
      assert.equal(rows.length, 50);
      assert.deepEqual(rows[0]!.slice(0, 4), ['/?p=55', '/article-55/', '301 moved for good', 'Import']);
      const second = await editor.get('/admin/redirects?page=2');
      assert.equal(rowsOf(second.body).length, 5);
      const found = rowsOf((await editor.get('/admin/redirects?q=article-42')).body);
      assert.deepEqual(found.map((r) => r[0]), ['/?p=42']);
      assert.equal(rowsOf((await editor.get('/admin/redirects?q=nothing-like-this')).body).length, 0);
    });

    it('adds a redirect, which then answers on the public site', async () => {
      await editor.get('/admin/redirects');
      const res = await editor.post('/admin/redirects', { from: '/2019/05/%D8%B3%D9%84%D8%A7%D9%85/', to: '/ar/سلام/', status: '301' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/redirects?notice=created');
      const pub = await site.app.inject({ url: '/2019/05/سلام/' });
      assert.equal(pub.statusCode, 301);
      assert.equal(pub.headers.location, encodeURI('/ar/سلام/'));
      assert.equal(rowsOf((await editor.get(`/admin/redirects?q=${encodeURIComponent('سلام')}`)).body)[0]![0], '/2019/05/سلام');
    });

    it('explains each refusal beside its field and keeps what was typed', async () => {
      const cases: [Record<string, string>, string, RegExp, number][] = [
        [{ from: 'old-page', to: '/x/', status: '301' }, 'from', /starting with \//, 400],
        [{ from: '/loop/', to: '/loop', status: '301' }, 'to', /loop/, 400],
        [{ from: '/x/', to: 'javascript:alert(1)', status: '301' }, 'to', /path starting with \/ or a full/, 400],
        [{ from: '/x/', to: '//evil.example/', status: '301' }, 'to', /another site/, 400],
        [{ from: '/x/', to: '', status: '301' }, 'to', /Say where/, 400],
        [{ from: '/?p=3', to: '/y/', status: '301' }, 'from', /already a redirect/, 409],
      ];
      const before = (await site.storage.db.selectFrom('redirects').select('id').execute()).length;
      for (const [form, field, message, status] of cases) {
        await editor.get('/admin/redirects');
        const res = await editor.post('/admin/redirects', form);
        assert.equal(res.statusCode, status, JSON.stringify(form));
        assert.match(errorOf(res.body, field) ?? '', message, JSON.stringify(form));
        const doc = parse(res.body);
        assert.equal(doc.querySelector('#f-from')!.getAttribute('value'), form.from, 'what was typed stays');
        assert.equal(doc.querySelector('#f-from')!.getAttribute('aria-invalid') ?? doc.querySelector('#f-to')!.getAttribute('aria-invalid'), 'true');
      }
      assert.equal((await site.storage.db.selectFrom('redirects').select('id').execute()).length, before, 'nothing stored');
    });

    it('edits a redirect (which an import then leaves alone) and deletes one', async () => {
      const r = (await findRedirect(site.storage.db, '/?p=7'))!;
      const page = await editor.get(`/admin/redirects/${r.id}`);
      assert.equal(page.statusCode, 200);
      assert.equal(parse(page.body).querySelector('#f-to')!.getAttribute('value'), '/article-7/');
      const saved = await editor.post(`/admin/redirects/${r.id}`, { from: '/?p=7', to: 'https://archive.example.org/7', status: '302' });
      assert.equal(saved.statusCode, 303);
      assert.equal(await saveRedirect(site.storage.db, { from: '/?p=7', to: '/article-7/', source: 'import' }), 'unchanged');
      const pub = await site.app.inject({ url: '/?p=7' });
      assert.deepEqual([pub.statusCode, pub.headers.location], [302, 'https://archive.example.org/7']);
      const bad = await editor.post(`/admin/redirects/${r.id}`, { from: '/?p=8', to: '/x/', status: '301' });
      assert.equal(bad.statusCode, 409, 'another redirect has that old address');
      await editor.get(`/admin/redirects/${r.id}`);
      const del = await editor.post(`/admin/redirects/${r.id}/delete`);
      assert.equal(del.statusCode, 303);
      assert.equal(await findRedirect(site.storage.db, '/?p=7'), undefined);
      assert.equal((await editor.get(`/admin/redirects/${r.id}`)).statusCode, 404);
      assert.equal((await editor.get('/admin/redirects/abc')).statusCode, 404);
    });

    it('escapes addresses in the list', async () => {
      await saveRedirect(site.storage.db, { from: '/"><script>alert(1)</script>', to: '/x/', source: 'import' });
      const res = await editor.get('/admin/redirects?q=script');
      assert.ok(!res.body.includes('<script>alert(1)'));
      assert.equal(rowsOf(res.body).length, 1);
    });

    it('keeps authors and contributors out, and refuses a form without its CSRF token', async () => {
      for (const role of ['author', 'contributor'] as const) {
        const u = await makeUser(site.storage.db, role);
        const c = new NewsroomClient(site.app);
        await c.signIn(u.email);
        assert.equal((await c.get('/admin/redirects')).statusCode, 403, role);
        assert.equal((await c.post('/admin/redirects', { from: '/a/', to: '/b/', status: '301' })).statusCode, 403, role);
        assert.ok(!parse((await c.get('/admin')).body).querySelector('nav a[href="/admin/redirects"]'), `${role}: not in the menu`);
      }
      const forged = await editor.request({ method: 'POST', url: '/admin/redirects', form: { from: '/csrf/', to: '/b/', status: '301' } });
      assert.equal(forged.statusCode, 403);
      assert.equal(await findRedirect(site.storage.db, '/csrf/'), undefined);
      assert.equal((await site.app.inject({ url: '/admin/redirects' })).statusCode, 303, 'signed out: to the sign-in page');
    });
  });
}
