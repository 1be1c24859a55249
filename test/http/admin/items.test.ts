import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../../../src/lib/clock.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { getPage, openTestSite, type TestSite } from '../../support/test-site.js';

const idFrom = (location: unknown) => Number(String(location).match(/\/admin\/items\/(\d+)/)?.[1]);

for (const dialect of DIALECTS) {
  describe(`newsroom items on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    const clock = new ManualClock(new Date('2026-11-27T09:00:00Z'));
    before(async () => {
      site = await openTestSite(dialect, { app: { clock } });
    });
    after(() => site?.close());

    async function signedIn(role: 'administrator' | 'editor' | 'author' | 'contributor', editions: string[] | null = null) {
      const user = await makeUser(site.storage.db, role, editions);
      const c = new NewsroomClient(site.app);
      assert.equal((await c.signIn(user.email)).statusCode, 303);
      return { c, user };
    }

    async function write(c: NewsroomClient, edition: string, form: Record<string, string | string[]>) {
      await c.get(`/admin/items/new?edition=${edition}&type=article`);
      const res = await c.post(`/admin/items?edition=${edition}&type=article`, form);
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      return idFrom(res.headers.location);
    }

    it('publishes a Farsi article with a Unicode slug made from its title, on the public Farsi home', async () => {
      const { c } = await signedIn('editor');
      const id = await write(c, 'fa', { title: 'گزارش تازه از کتابخانه‌ها', excerpt: 'خلاصه', bodyHtml: '<p>متن گزارش</p>', status: 'published' });
      const item = await site.storage.db.selectFrom('items').select(['slug', 'status', 'edition']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(item.slug, 'گزارش-تازه-از-کتابخانه-ها');
      assert.equal(item.status, 'published');
      await new Promise((r) => setTimeout(r, site.config.siteDataTtlMs + 50));
      const home = await getPage(site.app, '/fa/');
      assert.ok(home.body.includes('گزارش تازه از کتابخانه‌ها'));
      const page = await getPage(site.app, `/fa/${encodeURIComponent(item.slug)}/`);
      assert.equal(page.status, 200);
    });

    it('keeps slugs unique per edition and refuses words the site’s addresses use', async () => {
      const { c } = await signedIn('editor');
      const first = await write(c, 'en', { title: 'Same title here', status: 'draft' });
      const second = await write(c, 'en', { title: 'Same title here', status: 'draft' });
      const slugs = await site.storage.db.selectFrom('items').select('slug').where('id', 'in', [first, second]).orderBy('id').execute();
      assert.deepEqual(slugs.map((s) => s.slug), ['same-title-here', 'same-title-here-2']);
      await c.get('/admin/items/new?edition=en&type=article');
      for (const slug of ['same-title-here', 'category', '2024', 'fa']) {
        const res = await c.post('/admin/items?edition=en&type=article', { title: 'Typed slug', slug, status: 'draft' });
        assert.equal(res.statusCode, 400, slug);
      }
      const bad = await c.post('/admin/items?edition=en&type=article', { title: 'Bad slug', slug: 'a/b?c', status: 'draft' });
      assert.equal(bad.statusCode, 400);
    });

    it('lets a contributor save and submit drafts but not publish or schedule', async () => {
      const { c, user } = await signedIn('contributor');
      await c.get('/admin/items/new?edition=en&type=article');
      const publish = await c.post('/admin/items?edition=en&type=article', { title: 'Contributor try', status: 'published' });
      assert.equal(publish.statusCode, 403);
      const schedule = await c.post('/admin/items?edition=en&type=article', { title: 'Contributor try', status: 'scheduled', publishedAt: '2027-01-01T10:00' });
      assert.equal(schedule.statusCode, 403);
      const count = await site.storage.db.selectFrom('items').select('id').where('title', '=', 'Contributor try').execute();
      assert.equal(count.length, 0, 'nothing was saved');
      const id = await write(c, 'en', { title: 'Contributor draft', status: 'pending' });
      const row = await site.storage.db.selectFrom('items').select(['status', 'author_id']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'pending', author_id: user.id });
      await c.get(`/admin/items/${id}`);
      assert.equal((await c.post(`/admin/items/${id}`, { title: 'Contributor draft', slug: 'contributor-draft', status: 'published' })).statusCode, 403);
      assert.equal((await c.post('/admin/items/bulk', { action: 'published', ids: String(id) })).statusCode, 403);
    });

    it('keeps an Arabic-only editor out of Farsi drafts, whatever the id', async () => {
      const { c: fa } = await signedIn('editor', ['fa']);
      const draft = await write(fa, 'fa', { title: 'پیش‌نویس محرمانه', status: 'draft' });
      const { c: ar } = await signedIn('editor', ['ar']);
      assert.equal((await ar.get(`/admin/items/${draft}`)).statusCode, 404);
      assert.equal((await ar.get(`/admin/items/${draft}/preview`)).statusCode, 404);
      assert.equal((await ar.get(`/admin/items/${draft}/revisions`)).statusCode, 404);
      assert.equal((await ar.post(`/admin/items/${draft}`, { title: 'changed', status: 'draft' })).statusCode, 404);
      assert.equal((await ar.post(`/admin/items/${draft}/delete`)).statusCode, 404);
      assert.equal((await ar.get('/admin/items/new?edition=fa&type=article')).statusCode, 403);
      const list = await ar.get('/admin/items?edition=fa');
      assert.ok(!list.body.includes('پیش‌نویس محرمانه'));
      const title = await site.storage.db.selectFrom('items').select('title').where('id', '=', draft).executeTakeFirstOrThrow();
      assert.equal(title.title, 'پیش‌نویس محرمانه');
    });

    it('lets an author edit their own items but not someone else’s', async () => {
      const { c: editor } = await signedIn('editor');
      const theirs = await write(editor, 'en', { title: 'Editor’s piece', status: 'draft' });
      const { c: author } = await signedIn('author');
      const mine = await write(author, 'en', { title: 'Author’s piece', status: 'published' });
      assert.equal((await author.get(`/admin/items/${mine}`)).statusCode, 200);
      assert.equal((await author.get(`/admin/items/${theirs}`)).statusCode, 403);
      assert.equal((await author.post(`/admin/items/${theirs}`, { title: 'taken over', status: 'draft' })).statusCode, 403);
    });

    it('publishes a scheduled item at its time, and after a restart too', async () => {
      const { c } = await signedIn('editor');
      const at = new Date(clock.now().getTime() + 60_000).toISOString().slice(0, 16);
      const id = await write(c, 'fa', { title: 'خبر زمان‌بندی‌شده', status: 'published', publishedAt: at });
      const slugRow = await site.storage.db.selectFrom('items').select(['status', 'slug']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(slugRow.status, 'scheduled', 'a future date schedules');
      assert.equal((await getPage(site.app, `/fa/${encodeURIComponent(slugRow.slug)}/`)).status, 404);
      clock.advance(61_000);
      // A fresh app on the same database stands for a restart: its first run publishes what is due.
      const { createApp } = await import('../../../src/app.js');
      const restarted = await createApp(site.config, { storage: site.storage, clock });
      await restarted.ready();
      await restarted.close();
      const after = await site.storage.db.selectFrom('items').select('status').where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(after.status, 'published');
      assert.equal((await getPage(site.app, `/fa/${encodeURIComponent(slugRow.slug)}/`)).status, 200);
    });

    it('keeps a revision per save; an older one can be compared and restored', async () => {
      const { c } = await signedIn('editor');
      const id = await write(c, 'en', { title: 'First words', bodyHtml: '<p>Original paragraph.</p>', status: 'draft' });
      await c.get(`/admin/items/${id}`);
      await c.post(`/admin/items/${id}`, { title: 'Second words', slug: 'first-words', bodyHtml: '<p>Rewritten paragraph.</p>', status: 'draft' });
      const revs = await site.storage.db.selectFrom('item_revisions').select(['id', 'user_id']).where('item_id', '=', id).orderBy('id').execute();
      assert.equal(revs.length, 2);
      const compare = await c.get(`/admin/items/${id}/revisions/compare?from=${revs[0]!.id}&to=${revs[1]!.id}`);
      assert.equal(compare.statusCode, 200);
      assert.match(compare.body, /<del>Original<\/del>/);
      assert.match(compare.body, /<ins>Rewritten<\/ins>/);
      await c.get(`/admin/items/${id}/revisions`);
      assert.equal((await c.post(`/admin/items/${id}/revisions/${revs[0]!.id}/restore`)).statusCode, 303);
      const now = await site.storage.db.selectFrom('items').innerJoin('item_bodies', 'item_bodies.item_id', 'items.id').select(['title', 'body_html']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(now, { title: 'First words', body_html: '<p>Original paragraph.</p>' });
      const count = await site.storage.db.selectFrom('item_revisions').select('id').where('item_id', '=', id).execute();
      assert.equal(count.length, 3, 'restoring is itself a revision');
    });

    it('never lets script in a title, excerpt, slug or body run in the newsroom or on the site', async () => {
      const { c } = await signedIn('editor');
      const evil = '<img src=x onerror=alert(1)>';
      const id = await write(c, 'en', { title: `Title ${evil}`, excerpt: `Excerpt ${evil}`, bodyHtml: `<p>Body</p><script>alert(2)</script><a href="javascript:alert(3)">x</a>${evil}`, status: 'published' });
      const body = await site.storage.db.selectFrom('item_bodies').select('body_html').where('item_id', '=', id).executeTakeFirstOrThrow();
      assert.ok(!/script|onerror|javascript:/i.test(body.body_html), body.body_html);
      const editor = await c.get(`/admin/items/${id}`);
      assert.ok(!editor.body.includes(evil));
      const slug = (await site.storage.db.selectFrom('items').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
      const page = await getPage(site.app, `/${encodeURIComponent(slug)}/`);
      assert.equal(page.status, 200);
      assert.ok(!page.body.includes(evil));
      assert.ok(!/<script>alert/.test(page.body));
      const bad = await c.post('/admin/items?edition=en&type=article', { title: 'x', slug: '<script>', status: 'draft' });
      assert.equal(bad.statusCode, 400);
      assert.ok(!bad.body.includes('<script>'));
    });

    it('filters the list by edition, status and title, and bulk-publishes with a confirmation for deletes', async () => {
      const { c } = await signedIn('editor');
      const a = await write(c, 'sq', { title: 'Lajm i parë për filtrim', status: 'draft' });
      const b = await write(c, 'sq', { title: 'Lajm i dytë për filtrim', status: 'draft' });
      const list = await c.get('/admin/items?edition=sq&status=draft&q=filtrim');
      assert.ok(list.body.includes('Lajm i parë për filtrim') && list.body.includes('Lajm i dytë për filtrim'));
      assert.ok(!(await c.get('/admin/items?edition=sq&status=published&q=filtrim')).body.includes('Lajm i parë'));
      assert.equal((await c.post('/admin/items/bulk', { action: 'published', ids: [String(a), String(b)] })).statusCode, 303);
      const statuses = await site.storage.db.selectFrom('items').select('status').where('id', 'in', [a, b]).execute();
      assert.deepEqual(statuses.map((s) => s.status), ['published', 'published']);
      const ask = await c.post('/admin/items/bulk', { action: 'delete', ids: [String(a)] });
      assert.equal(ask.statusCode, 200, 'deleting asks first');
      assert.ok(await site.storage.db.selectFrom('items').select('id').where('id', '=', a).executeTakeFirst());
      await c.post('/admin/items/bulk', { action: 'delete', ids: [String(a)], confirm: 'yes' });
      assert.equal(await site.storage.db.selectFrom('items').select('id').where('id', '=', a).executeTakeFirst(), undefined);
    });

    it('creates a translation draft, or links an existing item, so the language switcher leads between them', async () => {
      const { c } = await signedIn('editor');
      const en = await write(c, 'en', { title: 'Water report', status: 'published' });
      await c.get(`/admin/items/new?edition=ar&type=article&translationOf=${en}`);
      const made = await c.post(`/admin/items?edition=ar&type=article&translationOf=${en}`, { title: 'تقرير المياه', status: 'published' });
      const ar = idFrom(made.headers.location);
      const fa = await write(c, 'fa', { title: 'گزارش آب', status: 'published' });
      await c.get(`/admin/items/${en}`);
      assert.equal((await c.post(`/admin/items/${en}/translations`, { otherId: String(fa) })).statusCode, 303);
      const keys = await site.storage.db.selectFrom('items').select(['id', 'translation_key']).where('id', 'in', [en, ar, fa]).execute();
      assert.equal(new Set(keys.map((k) => k.translation_key)).size, 1, 'one group of three');
      assert.ok(keys[0]!.translation_key);
      const again = await c.post(`/admin/items/${en}/translations`, { otherId: String(fa) });
      assert.equal(again.statusCode, 409);
      await new Promise((r) => setTimeout(r, site.config.siteDataTtlMs + 50));
      const page = await getPage(site.app, '/water-report/');
      const hreflangs = page.doc.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => l.getAttribute('hreflang'));
      for (const lang of ['ar', 'fa']) assert.ok(hreflangs.some((h) => h?.startsWith(lang)), `${lang} alternate in ${hreflangs.join(',')}`);
    });

    it('re-saves a periodical at its own address and refuses a file of the wrong kind', async () => {
      const { c } = await signedIn('editor');
      const periodical = await site.storage.db.selectFrom('items').select(['id', 'title']).where('edition', '=', 'en').where('slug', '=', 'newsletter').executeTakeFirstOrThrow();
      await c.get(`/admin/items/${periodical.id}`);
      assert.equal((await c.post(`/admin/items/${periodical.id}`, { title: periodical.title, slug: 'newsletter', status: 'published' })).statusCode, 303);
      const image = await site.storage.db.selectFrom('media').select('id').where('kind', '=', 'image').executeTakeFirstOrThrow();
      await c.get('/admin/items/new?edition=en&type=book');
      const wrong = await c.post('/admin/items?edition=en&type=book', { title: 'A book with a picture for a PDF', status: 'draft', pdfMediaId: String(image.id) });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /not a PDF/);
      await c.get('/admin/items/new?edition=en&type=video');
      assert.equal((await c.post('/admin/items?edition=en&type=video', { title: 'A video of nothing', status: 'published' })).statusCode, 400);
    });

    it('answers bad ids and filters with 4xx, never 500', async () => {
      const { c } = await signedIn('administrator');
      for (const url of ['/admin/items/abc', '/admin/items/0', '/admin/items/99999999', '/admin/items/1e3/revisions', '/admin/items?page=-1&status=<x>&edition=zz', '/admin/items/new?edition=zz', '/admin/items/new?edition=en&type=spaceship']) {
        const res = await c.get(url);
        assert.ok(res.statusCode < 500 && (res.statusCode >= 400 || url.includes('page=-1')), `${url}: ${res.statusCode}`);
      }
      await c.get('/admin');
      const res = await c.post('/admin/items/bulk', { action: 'explode', ids: '1' });
      assert.equal(res.statusCode, 400);
      const tooLate = await c.post('/admin/items?edition=en&type=article', { title: 'x', status: 'draft', publishedAt: 'yesterday-ish', categoryId: 'abc' });
      assert.equal(tooLate.statusCode, 400);
    });
  });
}
