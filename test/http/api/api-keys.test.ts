import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { ManualClock } from '../../../src/lib/clock.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';
import { apiGet, makeKeyInNewsroom } from './api-client.js';

for (const dialect of DIALECTS) {
  describe(`read-API keys on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let admin: NewsroomClient;
    const clock = new ManualClock(new Date('2026-03-01T12:00:00Z'));
    before(async () => {
      site = await openTestSite(dialect, { seed: false, config: { apiRateLimit: 5 }, app: { clock } });
      admin = (await makeKeyInNewsroom(site.app, site.storage.db, 'Warm-up')).admin;
    });
    after(() => site?.close());

    const keyRow = (name: string) => site.storage.db.selectFrom('api_keys').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

    it('an administrator makes a key: it is shown once, stored only as its SHA-256, and listed without it', async () => {
      const { key } = await makeKeyInNewsroom(site.app, site.storage.db, 'Mobile app', admin);
      assert.match(key, /^nashr_[A-Za-z0-9_-]{32}$/);
      const row = await keyRow('Mobile app');
      assert.equal(row.key_hash, createHash('sha256').update(key).digest('hex'));
      const stored = JSON.stringify(await site.storage.db.selectFrom('api_keys').selectAll().execute());
      assert.ok(!stored.includes(key), 'the key itself is nowhere in the table');
      const list = await admin.get('/admin/api-keys');
      assert.equal(list.statusCode, 200);
      assert.equal(list.headers['cache-control'], 'private, no-store');
      assert.ok(!list.body.includes(key), 'the list never shows a key again');
      const row2 = parse(list.body).querySelectorAll('tbody tr').find((tr) => tr.text.includes('Mobile app'));
      assert.ok(row2);
      assert.match(row2.text, new RegExp(`${key.slice(0, 10)}…`));
      assert.match(row2.text, /never/);
      assert.match(row2.text, /Active/);
      assert.equal((await apiGet(site.app, '/api/v1/editions', key)).status, 200);
    });

    it('the key also works as X-Api-Key', async () => {
      const { key } = await makeKeyInNewsroom(site.app, site.storage.db, 'Header key', admin);
      assert.equal((await apiGet(site.app, '/api/v1/editions', undefined, { 'x-api-key': key })).status, 200);
    });

    it('a missing, wrong, malformed or revoked key gets the same 401 JSON, which says nothing about which', async () => {
      const { key } = await makeKeyInNewsroom(site.app, site.storage.db, 'Soon revoked', admin);
      const missing = await apiGet(site.app, '/api/v1/editions', undefined);
      const wrong = await apiGet(site.app, '/api/v1/editions', `nashr_${'A'.repeat(32)}`);
      const malformed = await apiGet(site.app, '/api/v1/editions', undefined, { authorization: 'Basic dXNlcjpwdw==' });
      const { id } = await keyRow('Soon revoked');
      await admin.get('/admin/api-keys');
      const revoke = await admin.post(`/admin/api-keys/${id}/revoke`);
      assert.equal(revoke.statusCode, 303);
      assert.equal(revoke.headers.location, '/admin/api-keys?notice=revoked');
      assert.ok((await keyRow('Soon revoked')).revoked_at);
      const revoked = await apiGet(site.app, '/api/v1/editions', key);
      for (const r of [missing, wrong, malformed, revoked]) {
        assert.equal(r.status, 401);
        assert.equal(r.res.headers['www-authenticate'], 'Bearer realm="nashr"');
        assert.match(String(r.res.headers['content-type']), /^application\/json/);
        assert.deepEqual(r.body, missing.body);
      }
      assert.equal(missing.body.error.code, 'unauthorized');
      const list = await admin.get('/admin/api-keys');
      const row = parse(list.body).querySelectorAll('tbody tr').find((tr) => tr.text.includes('Soon revoked'))!;
      assert.match(row.text, /Revoked/);
      assert.equal(row.querySelector('button'), null, 'a revoked key has no Revoke button');
    });

    it('revoking a key that does not exist is a 404 and changes nothing; a revoke without the CSRF token is refused', async () => {
      await admin.get('/admin/api-keys');
      assert.equal((await admin.post('/admin/api-keys/99999/revoke')).statusCode, 404);
      const { key } = await makeKeyInNewsroom(site.app, site.storage.db, 'Kept', admin);
      const { id } = await keyRow('Kept');
      const forged = await admin.request({ method: 'POST', url: `/admin/api-keys/${id}/revoke`, form: { _csrf: 'not-the-token' } });
      assert.equal(forged.statusCode, 403);
      assert.equal((await keyRow('Kept')).revoked_at, null);
      assert.equal((await apiGet(site.app, '/api/v1/editions', key)).status, 200);
    });

    it('a key needs a name: an empty or overlong one is refused with 400 and no key is made', async () => {
      const before = (await site.storage.db.selectFrom('api_keys').select('id').execute()).length;
      await admin.get('/admin/api-keys');
      for (const name of ['', '   ', 'x'.repeat(101)]) {
        const res = await admin.post('/admin/api-keys', { name });
        assert.equal(res.statusCode, 400);
        assert.equal(parse(res.body).querySelector('#new-key-value'), null);
      }
      assert.equal((await site.storage.db.selectFrom('api_keys').select('id').execute()).length, before);
    });

    it('editors, authors and contributors cannot see, make or revoke keys (403)', async () => {
      const { id } = await keyRow('Kept');
      for (const role of ['editor', 'author', 'contributor'] as const) {
        const u = await makeUser(site.storage.db, role);
        const client = new NewsroomClient(site.app);
        await client.signIn(u.email);
        assert.equal((await client.get('/admin/api-keys')).statusCode, 403, role);
        assert.equal((await client.post('/admin/api-keys', { name: 'Sneaky' })).statusCode, 403, role);
        assert.equal((await client.post(`/admin/api-keys/${id}/revoke`)).statusCode, 403, role);
        const nav = await client.get('/admin');
        assert.ok(!nav.body.includes('/admin/api-keys'), `no API keys entry in the ${role}'s menu`);
      }
      assert.equal((await site.storage.db.selectFrom('api_keys').select('id').where('name', '=', 'Sneaky').execute()).length, 0);
      assert.equal((await keyRow('Kept')).revoked_at, null);
      assert.ok((await admin.get('/admin')).body.includes('href="/admin/api-keys"'), 'administrators have it in the menu');
    });

    it('past its requests per minute a key gets 429 with Retry-After; other keys are not affected; the next minute it works again', async () => {
      const { key } = await makeKeyInNewsroom(site.app, site.storage.db, 'Busy', admin);
      const { key: other } = await makeKeyInNewsroom(site.app, site.storage.db, 'Calm', admin);
      for (let i = 0; i < 5; i++) {
        const r = await apiGet(site.app, '/api/v1/editions', key);
        assert.equal(r.status, 200);
        assert.equal(r.res.headers['ratelimit-remaining'], String(4 - i));
      }
      const refused = await apiGet(site.app, '/api/v1/editions', key);
      assert.equal(refused.status, 429);
      assert.equal(refused.body.error.code, 'rate_limited');
      const wait = Number(refused.res.headers['retry-after']);
      assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
      assert.equal((await apiGet(site.app, '/api/v1/editions', other)).status, 200);
      clock.advance(61_000);
      assert.equal((await apiGet(site.app, '/api/v1/editions', key)).status, 200);
    });

    it('by default no other site may call the API from a browser: no CORS headers, even on a preflight', async () => {
      const { key } = await makeKeyInNewsroom(site.app, site.storage.db, 'No CORS', admin);
      const r = await apiGet(site.app, '/api/v1/editions', key, { origin: 'https://app.example' });
      assert.equal(r.status, 200);
      assert.equal(r.res.headers['access-control-allow-origin'], undefined);
      const preflight = await site.app.inject({ method: 'OPTIONS', url: '/api/v1/editions', headers: { origin: 'https://app.example', 'access-control-request-method': 'GET' } });
      assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    });

    it('last used is recorded, but written at most once a minute per key', async () => {
      const { key } = await makeKeyInNewsroom(site.app, site.storage.db, 'Tracked', admin);
      assert.equal((await keyRow('Tracked')).last_used_at, null);
      await apiGet(site.app, '/api/v1/editions', key);
      const first = (await keyRow('Tracked')).last_used_at;
      assert.equal(first, clock.now().toISOString());
      clock.advance(20_000);
      await apiGet(site.app, '/api/v1/editions', key);
      assert.equal((await keyRow('Tracked')).last_used_at, first, 'not written again within the minute');
      clock.advance(41_000);
      await apiGet(site.app, '/api/v1/editions', key);
      assert.equal((await keyRow('Tracked')).last_used_at, clock.now().toISOString());
    });
  });
}
