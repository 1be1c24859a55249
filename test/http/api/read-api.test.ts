import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';
import { apiGet, makeKeyInNewsroom } from './api-client.js';

const BASE = 'https://news.example';

for (const dialect of DIALECTS) {
  describe(`the read API on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let key: string;
    const get = (url: string, headers: Record<string, string> = {}) => apiGet(site.app, url, key, headers);
    const db = () => site.storage.db;
    const published = () => db().selectFrom('items').select(['id', 'edition', 'type', 'category_id', 'published_at', 'updated_at']).where('status', '=', 'published').execute();

    /** Every item of a listing, page by page, following next_cursor. */
    async function walk(url: string): Promise<{ items: any[]; pages: number }> {
      const items: any[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const sep = url.includes('?') ? '&' : '?';
        const r = await get(cursor ? `${url}${sep}cursor=${encodeURIComponent(cursor)}` : url);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        items.push(...r.body.items);
        cursor = r.body.next_cursor;
        pages++;
      } while (cursor && pages < 1000);
      return { items, pages };
    }

    before(async () => {
      site = await openTestSite(dialect, { config: { apiCorsOrigins: ['https://app.example'], apiRateLimit: 1_000_000 } });
      key = (await makeKeyInNewsroom(site.app, db())).key;
      // A draft must never show.
      await db().updateTable('items').set({ status: 'draft' }).where('id', '=', (await published())[0]!.id).execute();
    });
    after(() => site?.close());

    it('lists 20 published items by default, newest first, with absolute URLs, and never caches', async () => {
      const r = await get('/api/v1/items');
      assert.equal(r.status, 200);
      assert.equal(r.res.headers['cache-control'], 'no-store');
      assert.equal(r.body.items.length, 20);
      assert.equal(typeof r.body.next_cursor, 'string');
      const keys = r.body.items.map((i: any) => [i.published_at, i.id]);
      const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? b[1] - a[1] : a[0] < b[0] ? 1 : -1));
      assert.deepEqual(keys, sorted);
      for (const item of r.body.items) {
        assert.ok(item.url.startsWith(`${BASE}/`), item.url);
        if (item.featured_image) assert.ok(item.featured_image.url.startsWith(`${BASE}/media/`));
      }
      const page = await site.app.inject({ url: new URL(r.body.items[0].url).pathname });
      assert.equal(page.statusCode, 200, 'the url is the public page');
    });

    it('walking by cursor meets every published item exactly once, in both orders, and no draft', async () => {
      const all = await published();
      for (const sort of ['published', 'updated']) {
        const { items, pages } = await walk(`/api/v1/items?limit=37&sort=${sort}&fields=id,updated_at`);
        const ids = items.map((i) => i.id);
        assert.equal(new Set(ids).size, ids.length, 'no item twice');
        assert.deepEqual([...ids].sort((a, b) => a - b), all.map((i) => i.id).sort((a, b) => a - b));
        assert.equal(pages, Math.ceil(all.length / 37));
        if (sort === 'updated') {
          const stamps = items.map((i) => `${i.updated_at}|${String(i.id).padStart(8, '0')}`);
          assert.deepEqual(stamps, [...stamps].sort(), 'oldest change first');
        }
      }
      const draft = await db().selectFrom('items').select('id').where('status', '=', 'draft').executeTakeFirstOrThrow();
      assert.equal((await get(`/api/v1/items/${draft.id}`)).status, 404);
    });

    it('filters by edition and type, each a comma list', async () => {
      const all = await published();
      const fa = await walk('/api/v1/items?edition=fa&limit=100&fields=edition');
      assert.equal(fa.items.length, all.filter((i) => i.edition === 'fa').length);
      assert.ok(fa.items.every((i) => i.edition === 'fa'));
      for (const type of ['article', 'page', 'cartoon', 'newspic', 'gallery', 'video', 'book', 'periodical', 'issue']) {
        const r = await walk(`/api/v1/items?type=${type}&limit=100&fields=type`);
        assert.ok(r.items.length > 0, `some ${type}`);
        assert.equal(r.items.length, all.filter((i) => i.type === type).length, type);
        assert.ok(r.items.every((i) => i.type === type));
      }
      const two = await walk('/api/v1/items?type=book,video&edition=ar,sq&limit=100&fields=type,edition');
      assert.equal(two.items.length, all.filter((i) => ['book', 'video'].includes(i.type) && ['ar', 'sq'].includes(i.edition)).length);
    });

    it('filters by category (id or slug, with its sub-categories) and by tag', async () => {
      const cats = await db().selectFrom('categories').select(['id', 'slug', 'parent_id']).where('edition', '=', 'en').execute();
      const parent = cats.find((c) => c.parent_id === null && cats.some((k) => k.parent_id === c.id))!;
      const family = new Set([parent.id]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const c of cats) if (c.parent_id !== null && family.has(c.parent_id) && !family.has(c.id)) (family.add(c.id), (grew = true));
      }
      const expected = (await published()).filter((i) => i.category_id !== null && family.has(i.category_id)).map((i) => i.id).sort((a, b) => a - b);
      assert.ok(expected.length > 0);
      for (const ref of [String(parent.id), parent.slug]) {
        const r = await walk(`/api/v1/items?category=${encodeURIComponent(ref)}&edition=en&limit=100&fields=category`);
        assert.deepEqual(r.items.map((i) => i.id).sort((a, b) => a - b), expected, `category=${ref}`);
        assert.ok(r.items.some((i) => i.category.id !== parent.id), 'items of the sub-categories too');
      }
      const tag = await db().selectFrom('tags as t').innerJoin('item_tags as it', 'it.tag_id', 't.id').innerJoin('items as i', 'i.id', 'it.item_id')
        .select(['t.id', 't.slug', 't.edition']).where('i.status', '=', 'published').where('t.edition', '=', 'fa').executeTakeFirstOrThrow();
      const tagged = await db().selectFrom('item_tags as it').innerJoin('items as i', 'i.id', 'it.item_id').select('i.id').where('it.tag_id', '=', tag.id).where('i.status', '=', 'published').execute();
      const r = await walk(`/api/v1/items?tag=${encodeURIComponent(tag.slug)}&edition=fa&limit=100&fields=tags`);
      assert.deepEqual(r.items.map((i) => i.id).sort((a, b) => a - b), tagged.map((t) => t.id).sort((a, b) => a - b));
      assert.ok(r.items.every((i) => i.tags.some((t: any) => t.id === tag.id)));
    });

    it('updated_since gives the items changed since then (any offset)', async () => {
      const [a, b] = (await published()).slice(3, 5);
      await db().updateTable('items').set({ updated_at: '2099-01-01T10:00:00.000Z' }).where('id', '=', a!.id).execute();
      await db().updateTable('items').set({ updated_at: '2099-01-02T10:00:00.000Z' }).where('id', '=', b!.id).execute();
      const r = await get('/api/v1/items?sort=updated&updated_since=2099-01-01T11:30:00%2B02:00&fields=id,updated_at');
      assert.deepEqual(r.body.items.map((i: any) => i.id), [a!.id, b!.id]);
      const later = await get('/api/v1/items?updated_since=2099-01-02T00:00:00Z&fields=id');
      assert.deepEqual(later.body.items.map((i: any) => i.id), [b!.id]);
    });

    it('fields= sends only the fields asked for (and id)', async () => {
      const r = await get('/api/v1/items?limit=3&fields=title,url');
      for (const item of r.body.items) assert.deepEqual(Object.keys(item), ['id', 'title', 'url']);
      const one = await get(`/api/v1/items/${r.body.items[0].id}?fields=translations`);
      assert.deepEqual(Object.keys(one.body.item), ['id', 'translations']);
    });

    it('says whether an item is pinned to its edition home', async () => {
      const id = (await get('/api/v1/items?limit=1&fields=pinned')).body.items[0].id;
      assert.equal((await get(`/api/v1/items/${id}?fields=pinned`)).body.item.pinned, false);
      await db().updateTable('items').set({ pinned: 1 }).where('id', '=', id).execute();
      try {
        assert.equal((await get(`/api/v1/items/${id}?fields=pinned`)).body.item.pinned, true);
      } finally {
        await db().updateTable('items').set({ pinned: 0 }).where('id', '=', id).execute();
      }
    });

    it('an item carries its translations as ids and editions, its media as absolute URLs', async () => {
      const gallery = (await get('/api/v1/items?type=gallery&edition=en&limit=1')).body.items[0];
      assert.ok(gallery.details.photos.length > 0);
      for (const p of gallery.details.photos) {
        assert.ok(p.image.url.startsWith(`${BASE}/media/`));
        assert.ok(p.image.variants.length > 0);
      }
      assert.equal(gallery.translations.length, 3);
      for (const t of gallery.translations) {
        const other = await get(`/api/v1/items/${t.id}?fields=edition,type`);
        assert.equal(other.status, 200);
        assert.equal(other.body.item.edition, t.edition);
        assert.equal(other.body.item.type, 'gallery');
      }
      const books = (await walk('/api/v1/items?type=book&edition=en&limit=100&fields=details')).items;
      const withPdf = books.find((b) => b.details.pdf);
      assert.ok(withPdf, 'a book with a PDF');
      assert.match(withPdf.details.pdf.download_url, new RegExp(`^${BASE}/media/download/\\d+$`));
      const pdf = await site.app.inject({ url: new URL(withPdf.details.pdf.download_url).pathname });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const video = (await get('/api/v1/items?type=video&edition=en&limit=100&fields=details')).body.items;
      assert.ok(video.some((v: any) => v.details.file?.url.startsWith(`${BASE}/media/`) || v.details.external_url));
      const issue = (await get('/api/v1/items?type=issue&edition=en&limit=1')).body.items[0];
      assert.equal(typeof issue.details.number, 'number');
      assert.ok(issue.parent_id, 'an issue names its periodical');
      assert.equal((await get(`/api/v1/items/${issue.parent_id}?fields=type`)).body.item.type, 'periodical');
    });

    it("an issue's contents link only published items", async () => {
      const issues = (await walk('/api/v1/items?type=issue&limit=100&fields=details')).items;
      const issue = issues.find((i) => i.details.contents.some((c: any) => c.item_id !== null));
      assert.ok(issue, 'an issue whose contents link an article');
      const entry = issue.details.contents.find((c: any) => c.item_id !== null);
      assert.equal((await get(`/api/v1/items/${entry.item_id}?fields=id`)).status, 200);
      await db().updateTable('items').set({ status: 'draft' }).where('id', '=', entry.item_id).execute();
      try {
        const again = await get(`/api/v1/items/${issue.id}?fields=details`);
        const same = again.body.item.details.contents.find((c: any) => c.title === entry.title);
        assert.equal(same.item_id, null);
      } finally {
        await db().updateTable('items').set({ status: 'published' }).where('id', '=', entry.item_id).execute();
      }
    });

    it('categories, tags, editions and menus', async () => {
      const cats = await walk('/api/v1/categories?limit=7');
      const allCats = await db().selectFrom('categories').select('id').execute();
      assert.deepEqual(cats.items.map((c) => c.id), allCats.map((c) => c.id).sort((a, b) => a - b));
      const child = cats.items.find((c) => c.parent_id !== null && c.edition === 'en')!;
      const parent = cats.items.find((c) => c.id === child.parent_id)!;
      assert.equal(child.url, `${BASE}/category/${parent.slug}/${child.slug}/`);
      assert.equal((await site.app.inject({ url: new URL(child.url).pathname })).statusCode, 200);
      const faCats = (await get('/api/v1/categories?edition=fa&limit=100')).body.items;
      assert.ok(faCats.length > 0 && faCats.every((c: any) => c.edition === 'fa' && c.url.startsWith(`${BASE}/fa/category/`)));
      assert.ok(faCats.every((c: any) => c.translations.every((t: any) => t.edition !== 'fa')));

      const tags = await walk('/api/v1/tags?limit=5');
      const allTags = await db().selectFrom('tags').select('id').execute();
      assert.deepEqual(tags.items.map((t) => t.id), allTags.map((t) => t.id).sort((a, b) => a - b));
      assert.ok(tags.items.every((t) => t.url.startsWith(`${BASE}/`) && t.url.includes('/tag/')));

      const editions = (await get('/api/v1/editions')).body.items;
      assert.deepEqual(editions.map((e: any) => e.code), ['en', 'ar', 'fa', 'sq']);
      assert.equal(editions.find((e: any) => e.code === 'fa').dir, 'rtl');
      assert.equal(editions.find((e: any) => e.code === 'fa').url, `${BASE}/fa/`);

      const menu = (await get('/api/v1/menus/fa')).body;
      assert.equal(menu.edition, 'fa');
      const flat = (entries: any[]): any[] => entries.flatMap((e) => [e, ...flat(e.children)]);
      const entries = flat(menu.items);
      assert.ok(entries.some((e) => e.children.length > 0), 'nested');
      for (const e of entries) {
        if (e.target === '#') assert.equal(e.url, null);
        else if (e.target.startsWith('/')) assert.ok(e.url.startsWith(`${BASE}/fa/`), e.url);
        else if (e.target.startsWith('edition:')) assert.ok(e.url.startsWith(`${BASE}/`));
      }
      assert.equal((await get('/api/v1/menus/xx')).status, 404);
    });

    it('bad input gets a 400 in the one error shape, naming the parameter; never a 500', async () => {
      const cases: [string, string, string][] = [
        ['/api/v1/items?limit=abc', 'invalid_parameter', 'limit'],
        ['/api/v1/items?limit=0', 'invalid_parameter', 'limit'],
        ['/api/v1/items?limit=101', 'invalid_parameter', 'limit'],
        ['/api/v1/items?limit=-1', 'invalid_parameter', 'limit'],
        ['/api/v1/items?updated_since=yesterday', 'invalid_parameter', 'updated_since'],
        ['/api/v1/items?updated_since=2024-02-30T00:00:00Z', 'invalid_parameter', 'updated_since'],
        ['/api/v1/items?updated_since=2024-05-17', 'invalid_parameter', 'updated_since'],
        ['/api/v1/items?edition=xx', 'invalid_parameter', 'edition'],
        ['/api/v1/items?edition=', 'invalid_parameter', 'edition'],
        ['/api/v1/items?type=podcast', 'invalid_parameter', 'type'],
        ['/api/v1/items?sort=random', 'invalid_parameter', 'sort'],
        ['/api/v1/items?fields=title,password', 'invalid_parameter', 'fields'],
        ['/api/v1/items?fields=', 'invalid_parameter', 'fields'],
        ['/api/v1/items?category=no-such-category', 'invalid_parameter', 'category'],
        ['/api/v1/items?category=99999', 'invalid_parameter', 'category'],
        ['/api/v1/items?tag=no-such-tag', 'invalid_parameter', 'tag'],
        ['/api/v1/items?tag=a%20b', 'invalid_parameter', 'tag'],
        ['/api/v1/items?limit=5&limit=6', 'invalid_parameter', 'limit'],
        ['/api/v1/items?update_since=2024-01-01T00:00:00Z', 'unknown_parameter', 'update_since'],
        ['/api/v1/editions?edition=fa', 'unknown_parameter', 'edition'],
        ['/api/v1/tags?limit=1000', 'invalid_parameter', 'limit'],
        ['/api/v1/categories?edition=klingon', 'invalid_parameter', 'edition'],
        ['/api/v1/items?cursor=', 'invalid_cursor', 'cursor'],
        ['/api/v1/items?cursor=garbage', 'invalid_cursor', 'cursor'],
      ];
      for (const [url, code, parameter] of cases) {
        const r = await get(url);
        assert.equal(r.status, 400, url);
        assert.match(String(r.res.headers['content-type']), /^application\/json/, url);
        assert.deepEqual(Object.keys(r.body), ['error'], url);
        assert.equal(r.body.error.code, code, url);
        assert.equal(r.body.error.parameter, parameter, url);
        assert.equal(typeof r.body.error.message, 'string');
      }
    });

    it('a forged, edited, truncated or foreign cursor is a 400', async () => {
      const first = await get('/api/v1/items?limit=2');
      const cursor: string = first.body.next_cursor;
      const [payload, mac] = cursor.split('.') as [string, string];
      const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const edited = Buffer.from(JSON.stringify([decoded[0], decoded[1], decoded[2] + 1000])).toString('base64url');
      const tagCursor = (await get('/api/v1/tags?limit=1')).body.next_cursor;
      const bad = [
        cursor.slice(0, -5), cursor.slice(0, 20), `${edited}.${mac}`, `${payload}.${'A'.repeat(43)}`, `${payload}.${mac}x`, tagCursor,
      ];
      for (const c of bad) {
        const r = await get(`/api/v1/items?limit=2&cursor=${encodeURIComponent(c)}`);
        assert.equal(r.status, 400, c);
        assert.equal(r.body.error.code, 'invalid_cursor');
      }
      const otherOrder = await get(`/api/v1/items?limit=2&sort=updated&cursor=${encodeURIComponent(cursor)}`);
      assert.equal(otherOrder.status, 400, 'a cursor belongs to its order');
      assert.equal((await get(`/api/v1/items?limit=2&cursor=${encodeURIComponent(cursor)}`)).status, 200);
    });

    it('unknown paths and methods under /api/v1 answer JSON (404, 405), not the site', async () => {
      for (const url of ['/api/v1/nope', '/api/v1/nope/', '/api/v1/items/1/extra', '/api/v1', '/api/v1/', '/api/v1/items/abc', '/api/v1/items/99999999', '/api/v1/2024/05/']) {
        const r = await get(url);
        assert.equal(r.status, 404, url);
        assert.equal(r.body.error.code, 'not_found', url);
      }
      const noKey = await apiGet(site.app, '/api/v1/nope', undefined);
      assert.equal(noKey.status, 404);
      const post = await site.app.inject({ method: 'POST', url: '/api/v1/items', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, payload: '{"title":"x"}' });
      assert.equal(post.statusCode, 405);
      assert.equal(JSON.parse(post.body).error.code, 'method_not_allowed');
      const badJson = await site.app.inject({ method: 'POST', url: '/api/v1/items', headers: { 'content-type': 'application/json' }, payload: '{' });
      assert.ok(badJson.statusCode >= 400 && badJson.statusCode < 500, String(badJson.statusCode));
      assert.ok(['bad_request', 'method_not_allowed'].includes(JSON.parse(badJson.body).error.code));
      const badEncoding = await get('/api/v1/items/%E0%A4%A');
      assert.equal(badEncoding.status, 400);
      assert.equal(badEncoding.body.error.code, 'invalid_parameter');
    });

    it('CORS: an allowed origin gets Access-Control-Allow-Origin (errors too) and a preflight without a key; others get none', async () => {
      const ok = await get('/api/v1/editions', { origin: 'https://app.example' });
      assert.equal(ok.res.headers['access-control-allow-origin'], 'https://app.example');
      assert.match(String(ok.res.headers.vary), /Origin/i);
      const denied = await apiGet(site.app, '/api/v1/editions', undefined, { origin: 'https://app.example' });
      assert.equal(denied.status, 401);
      assert.equal(denied.res.headers['access-control-allow-origin'], 'https://app.example');
      const other = await get('/api/v1/editions', { origin: 'https://evil.example' });
      assert.equal(other.status, 200);
      assert.equal(other.res.headers['access-control-allow-origin'], undefined);
      const preflight = await site.app.inject({ method: 'OPTIONS', url: '/api/v1/items?limit=5', headers: { origin: 'https://app.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
      assert.equal(preflight.statusCode, 204);
      assert.equal(preflight.headers['access-control-allow-origin'], 'https://app.example');
      assert.match(String(preflight.headers['access-control-allow-headers']), /Authorization/);
      assert.match(String(preflight.headers['access-control-allow-methods']), /GET/);
      const foreign = await site.app.inject({ method: 'OPTIONS', url: '/api/v1/items', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
      assert.equal(foreign.headers['access-control-allow-origin'], undefined);
    });

    it('a page of items costs the same few queries whatever its length (no query per item)', async () => {
      const executor = db().getExecutor() as unknown as { executeQuery: (...a: unknown[]) => Promise<unknown> };
      const original = executor.executeQuery;
      let count = 0;
      // Only the API's own reads count: background work (the scheduler, the change log) may query meanwhile.
      executor.executeQuery = function (this: unknown, ...a: unknown[]) {
        const text = String((a[0] as { sql?: string } | undefined)?.sql ?? '');
        if (/"(items|item_bodies|item_tags|media|gallery_photos|categories|tags|users)"/.test(text)) count++;
        return original.apply(this, a);
      };
      try {
        const queriesFor = async (url: string) => {
          count = 0;
          assert.equal((await get(url)).status, 200);
          return count;
        };
        const small = await queriesFor('/api/v1/items?limit=2');
        const large = await queriesFor('/api/v1/items?limit=100');
        const galleries = await queriesFor('/api/v1/items?limit=100&type=gallery,book,issue,video');
        // At most: the key, the page, bodies, tags, translations, categories, gallery photos, issue links, media.
        for (const [what, n] of [['2 items', small], ['100 items', large], ['100 galleries and publications', galleries]] as const) assert.ok(n <= 9, `${n} queries for ${what}`);
      } finally {
        executor.executeQuery = original;
      }
    });
  });
}
