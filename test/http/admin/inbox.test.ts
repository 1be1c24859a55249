import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

async function addMessage(site: TestSite, edition: string, fields: Partial<{ name: string; subject: string; body: string }> = {}): Promise<number> {
  const row = await site.storage.db
    .insertInto('contact_messages')
    .values({ edition, name: fields.name ?? 'A reader', email: 'reader@example.org', subject: fields.subject ?? `Hello from ${edition}`, body: fields.body ?? 'Text', created_at: new Date().toISOString(), ip: '10.0.0.1' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

const state = (site: TestSite, id: number) => site.storage.db.selectFrom('contact_messages').select(['read_at', 'archived_at']).where('id', '=', id).executeTakeFirstOrThrow();

for (const dialect of DIALECTS) {
  describe(`the contact inbox on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let arEditor: NewsroomClient;
    let admin: NewsroomClient;
    let arId: number;
    let faId: number;
    before(async () => {
      site = await openTestSite(dialect, { seed: false });
      const a = await makeUser(site.storage.db, 'administrator');
      const e = await makeUser(site.storage.db, 'editor', ['ar']);
      admin = new NewsroomClient(site.app);
      arEditor = new NewsroomClient(site.app);
      assert.equal((await admin.signIn(a.email)).statusCode, 303);
      assert.equal((await arEditor.signIn(e.email)).statusCode, 303);
      arId = await addMessage(site, 'ar', { subject: 'رسالة من القارئ', body: '<script>alert(1)</script>\nسطر ثانٍ' });
      faId = await addMessage(site, 'fa', { subject: 'پیام فارسی' });
    });
    after(() => site?.close());

    it('lists only the editions an editor works in, unread first in bold', async () => {
      const res = await arEditor.get('/admin/inbox');
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      const subjects = doc.querySelectorAll('table.inbox tbody tr').map((tr) => tr.querySelectorAll('td')[2]!.text);
      assert.deepEqual(subjects, ['رسالة من القارئ']);
      assert.ok(doc.querySelector('table.inbox tbody tr.inbox-unread'));
      assert.ok(doc.querySelector('nav a[href="/admin/inbox"]'), 'the menu has the inbox');
      const all = parse((await admin.get('/admin/inbox')).body).querySelectorAll('table.inbox tbody tr');
      assert.equal(all.length, 2);
      const fa = parse((await admin.get('/admin/inbox?edition=fa')).body).querySelectorAll('table.inbox tbody tr');
      assert.equal(fa.length, 1);
    });

    it('hides another edition’s message from an editor: not found, and actions change nothing', async () => {
      assert.equal((await arEditor.get(`/admin/inbox/${faId}`)).statusCode, 404);
      assert.equal((await arEditor.post(`/admin/inbox/${faId}/archive`)).statusCode, 404);
      await arEditor.get('/admin/inbox');
      await arEditor.post('/admin/inbox/bulk', { action: 'archive', ids: [String(faId)] });
      assert.equal((await state(site, faId)).archived_at, null);
      assert.equal((await state(site, faId)).read_at, null);
    });

    it('keeps authors and contributors out', async () => {
      for (const role of ['author', 'contributor'] as const) {
        const u = await makeUser(site.storage.db, role);
        const c = new NewsroomClient(site.app);
        await c.signIn(u.email);
        assert.equal((await c.get('/admin/inbox')).statusCode, 403, role);
        assert.equal((await c.get(`/admin/inbox/${arId}`)).statusCode, 403, role);
      }
      assert.equal((await site.app.inject({ url: '/admin/inbox' })).statusCode, 303, 'signed out: to the sign-in page');
    });

    it('opens a message as plain text, marks it read, offers a reply by email, and marks it unread again', async () => {
      const res = await arEditor.get(`/admin/inbox/${arId}`);
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      assert.equal(doc.querySelector('.message-body')!.text, '<script>alert(1)</script>\nسطر ثانٍ');
      assert.ok(!res.body.includes('<script>alert(1)'), 'escaped, never HTML');
      assert.match(doc.querySelector('a.button')!.getAttribute('href')!, /^mailto:reader@example\.org\?subject=Re%3A%20/);
      assert.ok((await state(site, arId)).read_at);
      const unread = await arEditor.post(`/admin/inbox/${arId}/unread`);
      assert.equal(unread.statusCode, 303);
      assert.equal((await state(site, arId)).read_at, null);
    });

    it('archives and unarchives, one at a time and in bulk, with CSRF checked', async () => {
      const more = await addMessage(site, 'ar', { subject: 'second' });
      await arEditor.get('/admin/inbox');
      const forged = await arEditor.request({ method: 'POST', url: '/admin/inbox/bulk', form: { _csrf: 'wrong', action: 'archive', ids: [String(arId)] } });
      assert.equal(forged.statusCode, 403);
      assert.equal((await state(site, arId)).archived_at, null);

      const bulk = await arEditor.post('/admin/inbox/bulk', { action: 'archive', ids: [String(arId), String(more)], returnTo: '/admin/inbox?edition=ar' });
      assert.equal(bulk.statusCode, 303);
      assert.equal(bulk.headers.location, '/admin/inbox?edition=ar&notice=archived');
      assert.ok((await state(site, arId)).archived_at);
      assert.ok((await state(site, more)).archived_at);
      const inbox = parse((await arEditor.get('/admin/inbox')).body);
      assert.equal(inbox.querySelectorAll('table.inbox tbody tr').length, 0);
      const archived = parse((await arEditor.get('/admin/inbox?show=archived')).body);
      assert.equal(archived.querySelectorAll('table.inbox tbody tr').length, 2);

      assert.equal((await arEditor.post(`/admin/inbox/${arId}/unarchive`)).statusCode, 303);
      assert.equal((await state(site, arId)).archived_at, null);
      assert.equal((await arEditor.post('/admin/inbox/bulk', { action: 'explode', ids: [String(arId)] })).statusCode, 400);
      assert.equal((await arEditor.post('/admin/inbox/bulk', { action: 'archive' })).statusCode, 400);
      assert.equal((await arEditor.post(`/admin/inbox/${arId}/explode`)).statusCode, 404);
    });
  });
}
