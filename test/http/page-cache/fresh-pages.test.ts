import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { ManualClock } from '../../../src/lib/clock.js';
import type { Db } from '../../../src/storage/database.js';
import { Commenter, storedComments } from '../../support/comments.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

/** The form of a newsroom page as the page fills it in, with changes (what a browser would send back). */
async function formOf(client: NewsroomClient, url: string, formSelector: string, changes: Record<string, string>): Promise<Record<string, string | string[]>> {
  const doc = parse((await client.get(url)).body);
  const form = doc.querySelector(formSelector);
  assert.ok(form, `${formSelector} on ${url}`);
  const values: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const had = values[name];
    values[name] = had === undefined ? value : [had].flat().concat(value);
  };
  for (const input of form.querySelectorAll('input')) {
    const name = input.getAttribute('name');
    const type = input.getAttribute('type') ?? 'text';
    if (!name || name === '_csrf' || type === 'file' || type === 'submit') continue;
    if ((type === 'checkbox' || type === 'radio') && !input.hasAttribute('checked')) continue;
    add(name, input.getAttribute('value') ?? (type === 'checkbox' ? 'on' : ''));
  }
  for (const area of form.querySelectorAll('textarea')) if (area.getAttribute('name')) add(area.getAttribute('name')!, area.text);
  for (const select of form.querySelectorAll('select')) {
    const name = select.getAttribute('name');
    if (!name) continue;
    const chosen = select.querySelectorAll('option[selected]');
    for (const o of chosen.length ? chosen : select.querySelectorAll('option').slice(0, select.hasAttribute('multiple') ? 0 : 1)) add(name, o.getAttribute('value') ?? o.text);
  }
  return { ...values, ...changes };
}

async function articles(db: Db, edition: string) {
  return db.selectFrom('items').select(['id', 'slug', 'title']).where('edition', '=', edition).where('type', '=', 'article').where('status', '=', 'published').orderBy('published_at', 'desc').orderBy('id', 'desc').execute();
}

const urlOf = (edition: string, slug: string) => `${edition === 'en' ? '' : `/${edition}`}/${encodeURIComponent(slug)}/`;

for (const dialect of DIALECTS) {
  describe(`the page cache never serves a stale page, on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let editor: NewsroomClient;
    const clock = new ManualClock(new Date());
    before(async () => {
      site = await openTestSite(dialect, { config: { pageCacheBytes: 32 << 20, changePollMs: 60_000, siteDataTtlMs: 60_000 }, app: { clock } });
      const u = await makeUser(site.storage.db, 'administrator');
      editor = new NewsroomClient(site.app);
      await editor.signIn(u.email);
    });
    after(() => site?.close());

    const get = async (url: string) => {
      const res = await site.app.inject({ url });
      return { status: res.statusCode, cache: res.headers['x-nashr-cache'], body: res.body };
    };
    /** Asks twice: the second answer comes from the cache. */
    const warm = async (...urls: string[]) => {
      for (const url of urls) {
        await get(url);
        assert.equal((await get(url)).cache, 'hit', `${url} is cached`);
      }
    };

    it('after an edit: the item’s page and the lists showing it are fresh, other pages stay cached', async () => {
      const [newest, , , , , , , , , , , , old] = await articles(site.storage.db, 'en');
      const unrelated = old!;
      await warm('/', urlOf('en', newest!.slug), urlOf('en', unrelated.slug), '/fa/');
      const form = await formOf(editor, `/admin/items/${newest!.id}`, '#item-form', { title: 'A corrected headline for the cache test' });
      assert.equal((await editor.post(`/admin/items/${newest!.id}`, form)).statusCode, 303);
      const page = await get(urlOf('en', newest!.slug));
      assert.equal(page.cache, 'miss');
      assert.match(page.body, /A corrected headline for the cache test/);
      assert.match((await get('/')).body, /A corrected headline for the cache test/, 'the home page lists it (and its Recent Posts show it)');
      assert.match((await get(urlOf('en', unrelated.slug))).body, /A corrected headline for the cache test/, 'Recent Posts on every page of the edition');
      assert.equal((await get('/fa/')).cache, 'hit', 'another edition is untouched');
    });

    it('after an edit of an old article: only the pages that show it', async () => {
      const all = await articles(site.storage.db, 'en');
      const old = all.at(-1)!;
      // An article whose page does not show the old one (not even among its related posts).
      let other = all[5]!;
      for (const a of all.slice(5)) if (!(await get(urlOf('en', a.slug))).body.includes(urlOf('en', old.slug))) { other = a; break; }
      await warm('/', urlOf('en', old.slug), urlOf('en', other.slug));
      const form = await formOf(editor, `/admin/items/${old.id}`, '#item-form', { title: 'An old story, retitled' });
      assert.equal((await editor.post(`/admin/items/${old.id}`, form)).statusCode, 303);
      assert.match((await get(urlOf('en', old.slug))).body, /An old story, retitled/);
      assert.equal((await get('/')).cache, 'hit', 'the home page does not show that article');
      assert.equal((await get(urlOf('en', other.slug))).cache, 'hit');
    });

    it('after pinning an old article in the editor: the home page shows it first; unpinning takes it back', async () => {
      const old = (await articles(site.storage.db, 'en')).at(-1)!;
      const firstCard = async () => parse((await get('/')).body).querySelector('main article.card .card-title a')!.text;
      await warm('/');
      const form = await formOf(editor, `/admin/items/${old.id}`, '#item-form', { pinned: '1' });
      assert.equal((await editor.post(`/admin/items/${old.id}`, form)).statusCode, 303);
      assert.equal(await firstCard(), old.title);
      assert.ok(parse((await editor.get(`/admin/items/${old.id}`)).body).querySelector('#item-form input[name="pinned"][checked]'), 'the editor shows it pinned');
      assert.equal(parse((await editor.get('/admin/items/new?edition=en&type=page')).body).querySelector('input[name="pinned"]'), null, 'pages are not listed on the home page');
      await warm('/');
      const { pinned: _, ...unpinned } = await formOf(editor, `/admin/items/${old.id}`, '#item-form', {});
      assert.equal((await editor.post(`/admin/items/${old.id}`, unpinned)).statusCode, 303);
      assert.notEqual(await firstCard(), old.title);
      assert.equal((await site.storage.db.selectFrom('items').select('pinned').where('id', '=', old.id).executeTakeFirstOrThrow()).pinned, 0);
    });

    it('after publishing and unpublishing: lists, Recent Posts and the item’s own page', async () => {
      const [first] = await articles(site.storage.db, 'en');
      await warm('/', urlOf('en', first!.slug), '/articles/');
      const made = await editor.post('/admin/items?edition=en&type=article', { title: 'Breaking: the cache test publishes', slug: 'cache-test-publishes', status: 'published', body: '<p>Fresh.</p>' });
      assert.equal(made.statusCode, 303);
      for (const url of ['/', urlOf('en', first!.slug), '/articles/']) assert.match((await get(url)).body, /Breaking: the cache test publishes/, url);
      await warm('/', '/cache-test-publishes/');
      const id = (await site.storage.db.selectFrom('items').select('id').where('slug', '=', 'cache-test-publishes').executeTakeFirstOrThrow()).id;
      await editor.get('/admin/items?edition=en&type=article');
      assert.equal((await editor.post('/admin/items/bulk', { action: 'draft', ids: String(id) })).statusCode, 303);
      assert.equal((await get('/cache-test-publishes/')).status, 404);
      assert.doesNotMatch((await get('/')).body, /Breaking: the cache test publishes/);
    });

    it('after a comment is approved: the item’s page shows it and its count', async () => {
      const [, second] = await articles(site.storage.db, 'en');
      const url = urlOf('en', second!.slug);
      await warm(url);
      const reader = new Commenter(site.app, clock);
      assert.equal((await reader.post(url, { name: 'Cache reader', email: 'cache-reader@example.org', body: 'Held until a moderator looks.' })).statusCode, 303);
      assert.doesNotMatch((await get(url)).body, /Held until a moderator looks/, 'held comments are not shown');
      const [held] = (await storedComments(site.storage.db, second!.id)).filter((c) => c.status === 'pending');
      await editor.get('/admin/comments');
      assert.equal((await editor.post('/admin/comments/bulk', { one: `approved:${held!.id}` })).statusCode, 303);
      const page = await get(url);
      assert.equal(page.cache, 'miss');
      assert.match(page.body, /Held until a moderator looks/);
    });

    it('after a menu or settings change: every page of that edition, and no other', async () => {
      await warm('/fa/', '/ar/', '/');
      assert.equal((await editor.post('/admin/menus', { edition: 'fa', label: 'پرونده ویژه', target: '/special/', parentId: '' })).statusCode, 303);
      assert.match((await get('/fa/')).body, /پرونده ویژه/);
      assert.equal((await get('/ar/')).cache, 'hit');
      assert.equal((await get('/')).cache, 'hit');

      const settings = await formOf(editor, '/admin/settings?edition=ar', 'form[action="/admin/settings"]', { tagline: 'شعار جديد لاختبار الذاكرة' });
      assert.equal((await editor.post('/admin/settings', settings)).statusCode, 303);
      assert.match((await get('/ar/')).body, /شعار جديد لاختبار الذاكرة/);
      assert.equal((await get('/')).cache, 'hit');
    });

    it('a change made by another process (the CLI, another server) is read from the change log', async () => {
      const [first] = await articles(site.storage.db, 'sq');
      const url = urlOf('sq', first!.slug);
      await warm(url);
      // Straight into the database, as another process would: this one learns of it when it reads the log.
      await site.storage.db.updateTable('items').set({ title: 'Titull i ndryshuar nga jashtë' }).where('id', '=', first!.id).execute();
      assert.equal((await get(url)).cache, 'hit', 'not yet read');
      await site.app.inject({ method: 'POST', url: '/sq/no-such-form' }); // any write this process answers reads the log first
      assert.match((await get(url)).body, /Titull i ndryshuar nga jashtë/);
    });
  });
}
