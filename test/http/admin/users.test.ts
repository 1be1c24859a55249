import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { findSignInRow, findUser, FIRST_ADMIN_EMAIL, listUsers } from '../../../src/modules/accounts/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

for (const dialect of DIALECTS) {
  describe(`newsroom users on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let admin: NewsroomClient;
    let adminId: number;
    before(async () => {
      site = await openTestSite(dialect, { seed: false });
      const a = await makeUser(site.storage.db, 'administrator');
      adminId = a.id;
      admin = new NewsroomClient(site.app);
      assert.equal((await admin.signIn(a.email)).statusCode, 303);
    });
    after(() => site?.close());

    it('an administrator creates a user who can then sign in with the editions chosen', async () => {
      const form = await admin.get('/admin/users/new');
      assert.equal(form.statusCode, 200);
      const res = await admin.post('/admin/users', { displayName: 'Layla Haddad', email: 'Layla@Example.org', role: 'editor', editions: ['ar', 'fa'], password: 'a long enough secret' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/users?notice=created');
      const row = await findSignInRow(site.storage.db, 'layla@example.org');
      assert.ok(row);
      assert.equal(row.role, 'editor');
      assert.deepEqual(JSON.parse(row.editions!), ['ar', 'fa']);
      const list = await admin.get('/admin/users');
      assert.match(list.body, /Layla Haddad/);
      assert.doesNotMatch(list.body, /a long enough secret/);

      const layla = new NewsroomClient(site.app);
      const signIn = await layla.signIn('layla@example.org', 'a long enough secret');
      assert.equal(signIn.statusCode, 303);
      assert.equal((await layla.get('/admin')).statusCode, 200);
    });

    it('with no edition ticked, the user may use every edition', async () => {
      await admin.get('/admin/users/new');
      const res = await admin.post('/admin/users', { displayName: 'Omar', email: 'omar@example.org', role: 'author', password: 'a long enough secret' });
      assert.equal(res.statusCode, 303);
      assert.equal((await findSignInRow(site.storage.db, 'omar@example.org'))!.editions, null);
    });

    it('a duplicate email is refused with 400, the form keeps what was entered but not the password, and no user is added', async () => {
      const before = (await listUsers(site.storage.db)).length;
      await admin.get('/admin/users/new');
      const res = await admin.post('/admin/users', { displayName: 'Second Layla', email: 'layla@example.org', role: 'author', password: 'another long secret' });
      assert.equal(res.statusCode, 400);
      const doc = parse(res.body);
      assert.match(doc.querySelector('[role="alert"]')!.text, /another user has this email/);
      assert.equal(doc.querySelector('input[name="displayName"]')!.getAttribute('value'), 'Second Layla');
      assert.equal(doc.querySelector('input[name="password"]')!.getAttribute('value'), undefined);
      assert.doesNotMatch(res.body, /another long secret/);
      assert.equal((await listUsers(site.storage.db)).length, before);
    });

    it('an editor gets 403 on every users page, even when posting', async () => {
      const e = await makeUser(site.storage.db, 'editor');
      const editor = new NewsroomClient(site.app);
      await editor.signIn(e.email);
      assert.equal((await editor.get('/admin/users')).statusCode, 403);
      assert.equal((await editor.get('/admin/users/new')).statusCode, 403);
      assert.equal((await editor.get(`/admin/users/${adminId}`)).statusCode, 403);
      const before = (await listUsers(site.storage.db)).length;
      const res = await editor.post('/admin/users', { displayName: 'Sneaky', email: 'sneaky@example.org', role: 'administrator', password: 'a long enough secret' });
      assert.equal(res.statusCode, 403);
      assert.equal((await listUsers(site.storage.db)).length, before);
      assert.equal((await editor.post(`/admin/users/${e.id}`, { displayName: 'Me', email: e.email, role: 'administrator' })).statusCode, 403);
      assert.equal((await findUser(site.storage.db, e.id))!.role, 'editor');
    });

    it('an administrator edits a user, disables them and sets a new password', async () => {
      const u = await makeUser(site.storage.db, 'author');
      const user = new NewsroomClient(site.app);
      await user.signIn(u.email);
      const page = await admin.get(`/admin/users/${u.id}`);
      assert.equal(page.statusCode, 200);
      const res = await admin.post(`/admin/users/${u.id}`, { displayName: 'Renamed', email: u.email, role: 'contributor', editions: 'sq', disabled: '1', password: 'a brand new password' });
      assert.equal(res.statusCode, 303);
      const after = await findUser(site.storage.db, u.id);
      assert.equal(after!.displayName, 'Renamed');
      assert.equal(after!.role, 'contributor');
      assert.deepEqual(after!.editions, ['sq']);
      assert.equal(after!.disabled, true);
      assert.equal((await user.get('/admin')).statusCode, 303, 'signed out when disabled');
      assert.equal((await new NewsroomClient(site.app).signIn(u.email, 'a brand new password')).statusCode, 401, 'a disabled user cannot sign in');
      await admin.get(`/admin/users/${u.id}`);
      await admin.post(`/admin/users/${u.id}`, { displayName: 'Renamed', email: u.email, role: 'contributor' });
      assert.equal((await new NewsroomClient(site.app).signIn(u.email, 'a brand new password')).statusCode, 303, 'enabled again, with the new password');
    });

    it('a too short new password is refused with 400 and changes nothing', async () => {
      const u = await makeUser(site.storage.db, 'author');
      await admin.get(`/admin/users/${u.id}`);
      const res = await admin.post(`/admin/users/${u.id}`, { displayName: 'Changed name', email: u.email, role: 'author', password: 'short' });
      assert.equal(res.statusCode, 400);
      assert.equal((await findUser(site.storage.db, u.id))!.displayName, 'Test author');
    });

    it('the last active administrator cannot be demoted', async () => {
      // Two administrators: the first one (made at start-up) can be demoted...
      const first = await findSignInRow(site.storage.db, FIRST_ADMIN_EMAIL);
      await admin.get(`/admin/users/${first!.id}`);
      assert.equal((await admin.post(`/admin/users/${first!.id}`, { displayName: 'Administrator', email: FIRST_ADMIN_EMAIL, role: 'editor' })).statusCode, 303);
      // ...but then the one left cannot demote or disable themselves.
      await admin.get(`/admin/users/${adminId}`);
      const res = await admin.post(`/admin/users/${adminId}`, { displayName: 'Test administrator', email: (await findUser(site.storage.db, adminId))!.email!, role: 'editor' });
      assert.equal(res.statusCode, 400);
      assert.match(parse(res.body).querySelector('[role="alert"]')!.text, /at least one active administrator/);
      const disable = await admin.post(`/admin/users/${adminId}`, { displayName: 'Test administrator', email: (await findUser(site.storage.db, adminId))!.email!, role: 'administrator', disabled: '1' });
      assert.equal(disable.statusCode, 400);
      const me = await findUser(site.storage.db, adminId);
      assert.equal(me!.role, 'administrator');
      assert.equal(me!.disabled, false);
    });

    it('an unknown user id is a 404', async () => {
      assert.equal((await admin.get('/admin/users/999999')).statusCode, 404);
      assert.equal((await admin.get('/admin/users/abc')).statusCode, 404);
    });
  });
}
