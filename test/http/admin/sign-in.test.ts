import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../../../src/lib/clock.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { makeUser, NewsroomClient, TEST_PASSWORD } from '../../support/newsroom.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

for (const dialect of DIALECTS) {
  describe(`newsroom sign-in on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    const clock = new ManualClock(new Date('2026-11-27T09:00:00Z'));
    before(async () => {
      site = await openTestSite(dialect, { app: { clock } });
    });
    after(() => site?.close());

    it('sends visitors without a session to sign-in, and scripts get 401', async () => {
      const page = await site.app.inject({ url: '/admin/items?type=article' });
      assert.equal(page.statusCode, 303);
      assert.equal(page.headers.location, '/admin/sign-in?next=%2Fadmin%2Fitems%3Ftype%3Darticle');
      const api = await site.app.inject({ url: '/admin/api/media', headers: { accept: 'application/json' } });
      assert.equal(api.statusCode, 401);
      assert.equal(JSON.parse(api.body).error.code, 'unauthenticated');
    });

    it('signs in with a session cookie that is HttpOnly and SameSite=Lax (Secure behind HTTPS), and signs out', async () => {
      const user = await makeUser(site.storage.db, 'editor');
      const c = new NewsroomClient(site.app);
      await c.get('/admin/sign-in');
      const res = await c.request({ method: 'POST', url: '/admin/sign-in', headers: { 'x-forwarded-proto': 'https' }, form: { _csrf: c.csrf, email: user.email, password: TEST_PASSWORD, next: '/admin/items' } });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/items');
      const cookie = String([res.headers['set-cookie']].flat().find((h) => String(h).startsWith('nashr_session=')));
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.match(cookie, /Secure/);
      assert.match(cookie, /Path=\/admin/);
      assert.equal((await c.get('/admin')).statusCode, 200);
      assert.equal((await c.post('/admin/sign-out')).statusCode, 303);
      assert.equal((await c.get('/admin')).statusCode, 303, 'signed out: back to sign-in');
    });

    it('never sends visitors on to another site after sign-in', async () => {
      const user = await makeUser(site.storage.db, 'author');
      const c = new NewsroomClient(site.app);
      await c.get('/admin/sign-in');
      const res = await c.post('/admin/sign-in', { email: user.email, password: TEST_PASSWORD, next: '//evil.example/admin' });
      assert.equal(res.headers.location, '/admin');
    });

    it('refuses a wrong password without saying whether the account exists, and never echoes it', async () => {
      const user = await makeUser(site.storage.db, 'author');
      const c = new NewsroomClient(site.app);
      const wrong = await c.signIn(user.email, 'not the password at all');
      const nobody = await c.signIn('nobody@example.org', 'not the password at all');
      assert.equal(wrong.statusCode, 401);
      assert.equal(nobody.statusCode, 401);
      assert.ok(wrong.body.includes('wrong email or password') && nobody.body.includes('wrong email or password'));
      assert.ok(!wrong.body.includes('not the password at all'));
    });

    it('limits failed sign-ins per account: after five, even the right password waits', async () => {
      const user = await makeUser(site.storage.db, 'author');
      const c = new NewsroomClient(site.app);
      for (let i = 0; i < 5; i++) assert.equal((await c.signIn(user.email, `guess number ${i}`)).statusCode, 401);
      const blocked = await c.signIn(user.email);
      assert.equal(blocked.statusCode, 429);
      clock.advance(16 * 60_000);
      assert.equal((await c.signIn(user.email)).statusCode, 303, 'the window has passed');
    });

    it('ends a session after a day without use', async () => {
      const user = await makeUser(site.storage.db, 'editor');
      const c = new NewsroomClient(site.app);
      await c.signIn(user.email);
      assert.equal((await c.get('/admin')).statusCode, 200);
      clock.advance(25 * 3600_000);
      assert.equal((await c.get('/admin')).statusCode, 303);
    });

    it('refuses a disabled account', async () => {
      const user = await makeUser(site.storage.db, 'editor');
      await site.storage.db.updateTable('users').set({ disabled_at: clock.now().toISOString() }).where('id', '=', user.id).execute();
      assert.equal((await new NewsroomClient(site.app).signIn(user.email)).statusCode, 401);
    });
  });
}
