import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

const TABLES = ['users', 'items', 'item_bodies', 'item_tags', 'item_revisions', 'media', 'menu_items', 'settings', 'categories', 'tags'] as const;

for (const dialect of DIALECTS) {
  describe(`CSRF protection on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    const routes: { method: string; url: string }[] = [];
    before(async () => {
      site = await openTestSite(dialect, { app: { routeLog: routes } });
    });
    after(() => site?.close());

    async function snapshot(): Promise<string> {
      const parts: unknown[] = [];
      for (const t of TABLES) parts.push(await site.storage.db.selectFrom(t).selectAll().execute());
      return JSON.stringify(parts);
    }

    it('refuses every state-changing newsroom route without a valid token (403), and changes nothing', async () => {
      const state = routes.filter((r) => r.url.startsWith('/admin') && !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
      for (const core of ['/admin/sign-in', '/admin/sign-out', '/admin/items', '/admin/items/:id', '/admin/items/bulk']) {
        assert.ok(state.some((r) => r.url === core), `the walk covers POST ${core}`);
      }
      const admin = await makeUser(site.storage.db, 'administrator');
      const c = new NewsroomClient(site.app);
      await c.signIn(admin.email);
      const item = await site.storage.db.selectFrom('items').select('id').orderBy('id').executeTakeFirstOrThrow();
      const before = await snapshot();
      for (const r of state) {
        const url = r.url.replace(/:[a-zA-Z]+/g, String(item.id));
        const form = { title: 'changed', status: 'published', action: 'delete', ids: String(item.id), confirm: 'yes', email: 'x@example.org', password: 'whatever-long', label: 'x', target: '/x' };
        const missing = await c.request({ method: r.method as 'POST', url, form });
        assert.equal(missing.statusCode, 403, `${r.method} ${r.url} without a token`);
        const wrong = await c.request({ method: r.method as 'POST', url, form: { ...form, _csrf: 'A'.repeat(43) } });
        assert.equal(wrong.statusCode, 403, `${r.method} ${r.url} with a wrong token`);
        const foreign = await c.request({ method: r.method as 'POST', url, headers: { origin: 'https://evil.example' }, form: { ...form, _csrf: c.csrf } });
        assert.equal(foreign.statusCode, 403, `${r.method} ${r.url} from another origin`);
      }
      assert.equal(await snapshot(), before, 'no table changed');
      assert.equal((await c.get('/admin')).statusCode, 200, 'still signed in: sign-out without a token did nothing');
    });
  });
}
