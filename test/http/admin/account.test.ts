import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { currentTotp, findUser } from '../../../src/modules/accounts/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { makeUser, NewsroomClient, TEST_PASSWORD } from '../../support/newsroom.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

for (const dialect of DIALECTS) {
  describe(`one's own newsroom account on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    before(async () => {
      site = await openTestSite(dialect, { seed: false });
    });
    after(() => site?.close());

    it('a contributor changes their password, which ends their other sessions but keeps this one', async () => {
      const u = await makeUser(site.storage.db, 'contributor');
      const here = new NewsroomClient(site.app);
      const elsewhere = new NewsroomClient(site.app);
      await here.signIn(u.email);
      await elsewhere.signIn(u.email);
      assert.equal((await elsewhere.get('/admin')).statusCode, 200);

      assert.equal((await here.get('/admin/account')).statusCode, 200);
      const res = await here.post('/admin/account/password', { current: TEST_PASSWORD, next: 'a fresh passphrase', repeat: 'a fresh passphrase' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/account?notice=password');

      assert.equal((await here.get('/admin')).statusCode, 200, 'this session goes on');
      const other = await elsewhere.get('/admin');
      assert.equal(other.statusCode, 303, 'the other session has ended');
      assert.match(String(other.headers.location), /^\/admin\/sign-in/);
      assert.equal((await new NewsroomClient(site.app).signIn(u.email, TEST_PASSWORD)).statusCode, 401, 'the old password no longer works');
      assert.equal((await new NewsroomClient(site.app).signIn(u.email, 'a fresh passphrase')).statusCode, 303);
    });

    it('a wrong current password (401) or a repetition that differs (400) changes nothing', async () => {
      const u = await makeUser(site.storage.db, 'author');
      const c = new NewsroomClient(site.app);
      await c.signIn(u.email);
      await c.get('/admin/account');
      const wrong = await c.post('/admin/account/password', { current: 'not my password', next: 'a fresh passphrase', repeat: 'a fresh passphrase' });
      assert.equal(wrong.statusCode, 401);
      const differ = await c.post('/admin/account/password', { current: TEST_PASSWORD, next: 'a fresh passphrase', repeat: 'a fresh passphrase!' });
      assert.equal(differ.statusCode, 400);
      assert.doesNotMatch(differ.body, /a fresh passphrase/, 'passwords are never echoed back');
      assert.equal((await new NewsroomClient(site.app).signIn(u.email, TEST_PASSWORD)).statusCode, 303);
    });

    it('turning on two-factor sign-in: then sign-in asks for the code, a wrong code is 401, the right one gets in', async () => {
      const u = await makeUser(site.storage.db, 'editor');
      const c = new NewsroomClient(site.app);
      await c.signIn(u.email);
      await c.get('/admin/account');
      const setup = await c.post('/admin/account/totp/start');
      assert.equal(setup.statusCode, 200);
      const doc = parse(setup.body);
      assert.ok(doc.querySelector('.qr svg'), 'a QR code is shown');
      const secret = doc.querySelector('code.secret')!.text.trim();
      assert.match(secret, /^[A-Z2-7]{32}$/);
      assert.equal((await findUser(site.storage.db, u.id))!.twoFactor, false, 'not on before the code is confirmed');

      const bad = await c.post('/admin/account/totp/confirm', { code: '000000' === currentTotp(secret, new Date()) ? '111111' : '000000' });
      assert.equal(bad.statusCode, 401);
      assert.equal((await findUser(site.storage.db, u.id))!.twoFactor, false);
      assert.equal(parse(bad.body).querySelector('code.secret')!.text.trim(), secret, 'the same secret is offered again');

      const ok = await c.post('/admin/account/totp/confirm', { code: currentTotp(secret, new Date()) });
      assert.equal(ok.statusCode, 303);
      assert.equal(ok.headers.location, '/admin/account?notice=totp_on');
      assert.equal((await findUser(site.storage.db, u.id))!.twoFactor, true);

      const later = new NewsroomClient(site.app);
      await later.get('/admin/sign-in');
      const first = await later.post('/admin/sign-in', { email: u.email, password: TEST_PASSWORD });
      assert.equal(first.statusCode, 303);
      assert.match(String(first.headers.location), /^\/admin\/sign-in\/code/);
      const gate = await later.get('/admin');
      assert.equal(gate.statusCode, 303);
      assert.equal(gate.headers.location, '/admin/sign-in/code');
      await later.get('/admin/sign-in/code');
      const wrong = await later.post('/admin/sign-in/code', { code: currentTotp(secret, new Date(Date.now() - 10 * 60_000)) });
      assert.equal(wrong.statusCode, 401);
      assert.equal((await later.get('/admin')).statusCode, 303, 'still not in');
      const right = await later.post('/admin/sign-in/code', { code: currentTotp(secret, new Date()) });
      assert.equal(right.statusCode, 303);
      assert.equal((await later.get('/admin')).statusCode, 200);

      // Turning it off takes the password.
      await c.get('/admin/account');
      assert.equal((await c.post('/admin/account/totp/disable', { password: 'wrong password' })).statusCode, 401);
      assert.equal((await findUser(site.storage.db, u.id))!.twoFactor, true);
      assert.equal((await c.post('/admin/account/totp/disable', { password: TEST_PASSWORD })).statusCode, 303);
      assert.equal((await findUser(site.storage.db, u.id))!.twoFactor, false);
    });

    it('a code cannot be confirmed without starting the setup first', async () => {
      const u = await makeUser(site.storage.db, 'author');
      const c = new NewsroomClient(site.app);
      await c.signIn(u.email);
      await c.get('/admin/account');
      assert.equal((await c.post('/admin/account/totp/confirm', { code: '123456' })).statusCode, 401);
      assert.equal((await findUser(site.storage.db, u.id))!.twoFactor, false);
    });
  });
}
