import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import { parse } from 'node-html-parser';
import { setSetting } from '../../../src/modules/settings/index.js';
import { categoryTree } from '../../../src/modules/taxonomy/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { addMediaContent, type MediaContent } from '../../support/media-content.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

// An independent reader of the XML formats: values exactly as written (no trimming, no number guessing).
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['item', 'entry', 'category', 'link', 'atom:link', 'enclosure'].includes(name),
});

type Node = Record<string, any>;
const text = (v: unknown): string => (Array.isArray(v) ? text(v[0]) : typeof v === 'string' ? v : typeof v === 'object' && v !== null ? String((v as Node)['#text'] ?? '') : '');

async function get(app: FastifyInstance, url: string) {
  const res = await app.inject({ url });
  return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body: res.body, raw: res.rawPayload };
}

/** An RSS 2.0 document, checked against what the spec requires. */
async function rss(app: FastifyInstance, url: string): Promise<{ channel: Node; items: Node[]; body: string; raw: Buffer }> {
  const res = await get(app, url);
  assert.equal(res.status, 200, url);
  assert.equal(res.type, 'application/rss+xml; charset=utf-8');
  assert.equal(XMLValidator.validate(res.body), true, `${url} is well-formed XML`);
  const doc = xml.parse(res.body);
  assert.equal(doc.rss['@version'], '2.0');
  const channel = doc.rss.channel as Node;
  for (const required of ['title', 'link', 'description']) assert.ok(text(channel[required]).length > 0, `channel ${required}`);
  assert.ok(channel['atom:link'].some((l: Node) => l['@rel'] === 'self' && l['@href'] === `https://news.example${url.split('?')[0]}${url.includes('?') ? `?${url.split('?')[1]}` : ''}`), 'a self link');
  const items = (channel.item ?? []) as Node[];
  for (const item of items) {
    assert.ok(text(item.title) || text(item.description), 'an item has a title or a description');
    assert.equal(item.guid['@isPermaLink'], 'false');
    assert.match(text(item.guid), /^tag:news\.example,\d{4}-\d\d-\d\d:item\/\d+$/);
    assert.match(text(item.link), /^https:\/\/news\.example\//);
    assert.match(text(item.pubDate), /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/, 'RFC 822 date');
  }
  return { channel, items, body: res.body, raw: res.raw };
}

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** An Atom 1.0 document, checked against what RFC 4287 requires. */
async function atom(app: FastifyInstance, url: string): Promise<{ feed: Node; entries: Node[] }> {
  const res = await get(app, url);
  assert.equal(res.status, 200, url);
  assert.equal(res.type, 'application/atom+xml; charset=utf-8');
  assert.equal(XMLValidator.validate(res.body), true, `${url} is well-formed XML`);
  const feed = xml.parse(res.body).feed as Node;
  assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
  assert.ok(text(feed.id) && text(feed.title), 'feed id and title');
  assert.match(text(feed.updated), RFC3339);
  const feedHasAuthor = !!feed.author?.name;
  assert.ok(feed.link.some((l: Node) => l['@rel'] === 'self'), 'a self link');
  const entries = (feed.entry ?? []) as Node[];
  for (const e of entries) {
    assert.match(text(e.id), /^tag:/);
    assert.ok(text(e.title), 'entry title');
    assert.match(text(e.updated), RFC3339);
    assert.match(text(e.published), RFC3339);
    assert.ok(e.link.some((l: Node) => l['@rel'] === 'alternate' && /^https:\/\/news\.example\//.test(l['@href'])), 'entry link rel=alternate');
    assert.ok(feedHasAuthor || e.author?.name, 'an author, on the entry or the feed');
  }
  return { feed, entries };
}

/** A JSON Feed 1.1 document, checked against the spec's required fields. */
async function jsonFeed(app: FastifyInstance, url: string): Promise<Node> {
  const res = await get(app, url);
  assert.equal(res.status, 200, url);
  assert.equal(res.type, 'application/feed+json; charset=utf-8');
  const feed = JSON.parse(res.body) as Node;
  assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
  assert.equal(typeof feed.title, 'string');
  assert.ok(Array.isArray(feed.items));
  for (const item of feed.items as Node[]) {
    assert.equal(typeof item.id, 'string');
    assert.ok(typeof item.content_html === 'string' || typeof item.content_text === 'string', 'content_html or content_text');
    assert.match(item.date_published, RFC3339);
  }
  return feed;
}

const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

for (const dialect of DIALECTS) {
  describe(`feeds on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let media: MediaContent & { ids: Record<string, number> };
    before(async () => {
      site = await openTestSite(dialect, { config: { siteDataTtlMs: 0 } });
      media = await addMediaContent(site.storage.db, site.config.dataDir, 'en');
    });
    after(() => site?.close());

    it('every edition has a valid RSS 2.0, Atom 1.0 and JSON Feed 1.1 feed in its own language, newest first', async () => {
      for (const edition of site.config.editions) {
        const prefix = edition.prefix;
        const r = await rss(site.app, `${prefix}/feed.xml`);
        assert.equal(text(r.channel.language), edition.code);
        assert.equal(text(r.channel.title), edition.title);
        assert.equal(r.items.length, 20, 'the newest 20 by default');
        const a = await atom(site.app, `${prefix}/feed.atom`);
        assert.equal(a.feed['@xml:lang'], edition.code);
        assert.equal(a.entries.length, 20);
        const j = await jsonFeed(site.app, `${prefix}/feed.json`);
        assert.equal(j.language, edition.code);
        assert.equal(j.feed_url, `https://news.example${prefix}/feed.json`);
        assert.equal(j.home_page_url, `https://news.example${prefix}/`);
        // The three formats carry the same items in the same order.
        assert.deepEqual(r.items.map((i) => text(i.guid)), a.entries.map((e) => text(e.id)));
        assert.deepEqual(a.entries.map((e) => text(e.id)), j.items.map((i: Node) => i.id));
        const dates = j.items.map((i: Node) => i.date_published);
        assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
      }
    });

    it('Persian text comes through byte for byte, with no direction marks added', async () => {
      const newest = await site.storage.db
        .selectFrom('items as i')
        .innerJoin('users as u', 'u.id', 'i.author_id')
        .select(['i.id', 'i.title', 'i.excerpt', 'u.display_name'])
        .where('i.edition', '=', 'fa').where('i.status', '=', 'published').where('i.type', '=', 'article')
        .orderBy('i.published_at', 'desc').orderBy('i.id', 'desc')
        .executeTakeFirstOrThrow();
      assert.match(newest.title, /[\u0600-\u06FF]/, 'a Persian title');
      const r = await rss(site.app, '/fa/articles/feed.xml');
      assert.ok(r.raw.includes(Buffer.from(newest.title, 'utf8')), 'the title\'s UTF-8 bytes are in the document as they are');
      const item = r.items[0]!;
      assert.equal(text(item.title), newest.title);
      assert.equal(text(item.description), newest.excerpt);
      assert.equal(text(item['dc:creator']), newest.display_name);
      const a = await atom(site.app, '/fa/articles/feed.atom');
      assert.equal(text(a.entries[0]!.title), newest.title);
      assert.equal(text(a.entries[0]!.summary), newest.excerpt);
      assert.equal(a.entries[0]!.author.name, newest.display_name);
      const j = await jsonFeed(site.app, '/fa/articles/feed.json');
      assert.equal(j.items[0].title, newest.title);
      assert.equal(j.items[0].summary, newest.excerpt);
      assert.equal((j.items[0].content_html as string).startsWith('<div dir="rtl">'), true, 'full text keeps its direction in readers');
      for (const body of [r.body, JSON.stringify(j)]) assert.equal((body.match(BIDI_CONTROLS) ?? []).length, (newest.title + newest.excerpt).match(BIDI_CONTROLS)?.length ?? 0, 'no bidi marks added');
    });

    it('full text by default with every address absolute; excerpts only and fewer items when the newsroom says so', async () => {
      const full = await rss(site.app, '/feed.xml');
      for (const item of full.items) {
        const html = text(item['content:encoded']);
        assert.ok(html.length > 0, 'content:encoded');
        const doc = parse(html);
        for (const a of doc.querySelectorAll('[href],[src]')) {
          const url = a.getAttribute('href') ?? a.getAttribute('src')!;
          assert.match(url, /^(https?:|mailto:)/, `absolute: ${url}`);
        }
      }
      const a = await atom(site.app, '/feed.atom');
      assert.ok(a.entries.every((e) => e.content?.['@type'] === 'html' && text(e.content).length > 0));
      const admin = new NewsroomClient(site.app);
      await admin.signIn((await makeUser(site.storage.db, 'administrator')).email);
      const form = parse((await admin.get('/admin/settings?edition=en')).body);
      assert.equal(form.querySelector('input[name="feedFullContent"]')!.getAttribute('checked'), '', 'the box is ticked by default');
      assert.equal(form.querySelector('input[name="feedItems"]')!.getAttribute('value'), '20');
      const fields = Object.fromEntries(form.querySelectorAll('form[action="/admin/settings"] input[name], form[action="/admin/settings"] select[name]')
        .filter((i) => i.getAttribute('type') !== 'checkbox' && i.getAttribute('name') !== '_csrf')
        .map((i) => [i.getAttribute('name')!, i.tagName === 'SELECT' ? (i.querySelector('option[selected]')?.getAttribute('value') ?? '') : (i.getAttribute('value') ?? '')]));
      try {
        assert.equal((await admin.post('/admin/settings', { ...fields, feedItems: '101' })).statusCode, 400, 'more than 100 items is refused');
        const saved = await admin.post('/admin/settings', { ...fields, feedItems: '5' });
        assert.equal(saved.statusCode, 303);
        const brief = await rss(site.app, '/feed.xml');
        assert.equal(brief.items.length, 5);
        assert.ok(brief.items.every((i) => i['content:encoded'] === undefined), 'no full text');
        const briefAtom = await atom(site.app, '/feed.atom');
        assert.ok(briefAtom.entries.every((e) => e.content === undefined));
        const briefJson = await jsonFeed(site.app, '/feed.json');
        assert.ok(briefJson.items.every((i: Node) => i.content_html === undefined && typeof i.content_text === 'string'));
        assert.equal((await jsonFeed(site.app, '/fa/feed.json')).items.length, 20, 'another edition keeps its own settings');
      } finally {
        await setSetting(site.storage.db, 'en', 'feedFullContent', true);
        await setSetting(site.storage.db, 'en', 'feedItems', 20);
      }
    });

    it('videos and PDFs come as enclosures with their length and type', async () => {
      const r = await rss(site.app, '/videos/feed.xml');
      const video = r.items.find((i) => text(i.link).endsWith(`/${media.videos.file}/`))!;
      assert.deepEqual(video.enclosure[0], { '@url': video.enclosure[0]['@url'], '@length': '2000000', '@type': 'video/mp4' });
      assert.match(video.enclosure[0]['@url'], /^https:\/\/news\.example\/media\/files\/.+-clip\.mp4$/);
      assert.equal(r.items.find((i) => text(i.link).endsWith(`/${media.videos.youtube}/`))!.enclosure, undefined, 'a YouTube video has no file');
      const a = await atom(site.app, '/books/feed.atom');
      const book = a.entries.find((e) => e.link.some((l: Node) => l['@href'].endsWith(`/${media.book.slug}/`)))!;
      const enclosure = book.link.find((l: Node) => l['@rel'] === 'enclosure');
      assert.equal(enclosure['@type'], 'application/pdf');
      assert.equal(enclosure['@length'], '1234567');
      const j = await jsonFeed(site.app, `/${media.periodical.slug}/feed.json`);
      assert.equal(j.items.length, media.issues.length, 'a periodical\'s feed has its issues');
      assert.deepEqual(j.items[0].attachments, [{ url: j.items[0].attachments[0].url, mime_type: 'application/pdf', size_in_bytes: 456000 }]);
      assert.equal(j.title, `${media.periodical.title} – ${site.config.editions[0]!.title}`);
    });

    it('category, section and periodical feeds carry only their own items', async () => {
      const tree = await categoryTree(site.storage.db, 'fa');
      const counts = await site.storage.db.selectFrom('items').select(['category_id']).select((eb) => eb.fn.countAll<number>().as('n'))
        .where('edition', '=', 'fa').where('status', '=', 'published').where('category_id', 'is not', null).groupBy('category_id').execute();
      const withItems = counts.map((c) => tree.get(c.category_id!)!).find((n) => n.path.length >= 1)!;
      const url = `/fa/category/${withItems.path.map(encodeURIComponent).join('/')}/feed.json`;
      const feed = await jsonFeed(site.app, url);
      assert.ok(feed.items.length > 0);
      const allowed = new Set(tree.descendantIds(withItems.id));
      const ids = feed.items.map((i: Node) => Number(/item\/(\d+)$/.exec(i.id)![1]));
      const rows = await site.storage.db.selectFrom('items').select(['id', 'category_id']).where('id', 'in', ids).execute();
      assert.ok(rows.every((row) => allowed.has(row.category_id!)), 'every item is in the category or below it');
      assert.equal(feed.language, 'fa');
      assert.ok(feed.items.every((i: Node) => (i.tags as string[]).length > 0));

      const cartoons = await jsonFeed(site.app, '/cartoons/feed.json');
      const types = await site.storage.db.selectFrom('items').select('type').distinct()
        .where('id', 'in', cartoons.items.map((i: Node) => Number(/item\/(\d+)$/.exec(i.id)![1]))).execute();
      assert.deepEqual(types.map((t) => t.type), ['cartoon']);
      assert.ok(cartoons.items.every((i: Node) => /^https:\/\/news\.example\/media\//.test(i.image)), 'each cartoon has its picture');
      assert.match(cartoons.items[0].content_html, /<img src="https:\/\/news\.example\/media\//, 'the picture is in the text');
      const articles = await jsonFeed(site.app, '/ar/articles/feed.json');
      assert.ok(articles.items.length > 0 && articles.items.every((i: Node) => i.url.startsWith('https://news.example/ar/')));
    });

    it('an entry keeps its id when its title and slug change', async () => {
      const before = await jsonFeed(site.app, '/sq/feed.json');
      const first = before.items[0];
      const id = Number(/item\/(\d+)$/.exec(first.id)![1]);
      await site.storage.db.updateTable('items').set({ title: 'A new title', slug: 'a-new-slug' }).where('id', '=', id).execute();
      const after = await jsonFeed(site.app, '/sq/feed.json');
      assert.equal(after.items[0].id, first.id);
      assert.equal(after.items[0].title, 'A new title');
      assert.equal(after.items[0].url, 'https://news.example/sq/a-new-slug/');
    });

    it('control characters are dropped and markup in titles stays text', async () => {
      const id = media.ids.article!;
      // (No NUL: PostgreSQL text cannot hold one.)
      const title = 'Tom & Jerry <script>alert(1)</script> ]]> \u0007bell\u0001 \uFFFE end';
      // Made the newest article, so it heads the feeds.
      await site.storage.db.updateTable('items').set({ title, excerpt: 'Excerpt with \u001b escape', published_at: new Date().toISOString() }).where('id', '=', id).execute();
      const r = await rss(site.app, '/articles/feed.xml');
      const item = r.items.find((i) => text(i.guid).endsWith(`item/${id}`))!;
      assert.equal(text(item.title), 'Tom & Jerry <script>alert(1)</script> ]]> bell  end');
      assert.equal(text(item.description), 'Excerpt with  escape');
      const a = await atom(site.app, '/articles/feed.atom');
      assert.equal(text(a.entries.find((e) => text(e.id).endsWith(`item/${id}`))!.title), 'Tom & Jerry <script>alert(1)</script> ]]> bell  end');
      const j = await jsonFeed(site.app, '/articles/feed.json');
      assert.equal(j.items.find((i: Node) => i.id.endsWith(`item/${id}`)).title, 'Tom & Jerry <script>alert(1)</script> ]]> bell  end');
    });

    it('pages of a feed follow one another with next/previous links; bad pages, formats and places are 4xx JSON errors', async () => {
      const one = await jsonFeed(site.app, '/feed.json');
      assert.equal(one.next_url, 'https://news.example/feed.json?page=2');
      const two = await jsonFeed(site.app, '/feed.json?page=2');
      assert.equal(two.feed_url, 'https://news.example/feed.json?page=2');
      assert.equal(new Set([...one.items, ...two.items].map((i: Node) => i.id)).size, 40, 'no item on both pages');
      const a = await atom(site.app, '/feed.atom?page=2');
      assert.equal(a.feed.link.find((l: Node) => l['@rel'] === 'previous')['@href'], 'https://news.example/feed.atom');
      assert.equal(a.feed.link.find((l: Node) => l['@rel'] === 'next')['@href'], 'https://news.example/feed.atom?page=3');

      const cases: [string, number, string][] = [
        ['/feed.rss', 404, 'not_found'],
        ['/feed.XML', 404, 'not_found'],
        ['/fa/feed.', 404, 'not_found'],
        ['/cartoons/feed.html', 404, 'not_found'],
        ['/category/no-such-category/feed.xml', 404, 'not_found'],
        ['/category/feed.xml', 404, 'not_found'],
        ['/no-such-periodical/feed.atom', 404, 'not_found'],
        [`/${media.article.slug}/feed.xml`, 404, 'not_found'],
        ['/feed.xml?page=abc', 400, 'invalid_parameter'],
        ['/feed.xml?page=0', 400, 'invalid_parameter'],
        ['/feed.xml?page=-1', 400, 'invalid_parameter'],
        ['/feed.xml?page=1e3', 400, 'invalid_parameter'],
        ['/feed.xml?page=99999999999999999999', 400, 'invalid_parameter'],
        ['/feed.json?page=10001', 400, 'invalid_parameter'],
        ['/feed.json?page=1&page=2', 400, 'invalid_parameter'],
        ['/feed.json?page=', 400, 'invalid_parameter'],
        ['/fa/feed.json?page=%00', 400, 'invalid_parameter'],
        ['/feed.json?page=9999', 404, 'not_found'],
      ];
      for (const [url, status, code] of cases) {
        const res = await get(site.app, url);
        assert.equal(res.status, status, url);
        assert.equal(res.type, 'application/json; charset=utf-8', url);
        const { error } = JSON.parse(res.body);
        assert.equal(error.code, code, url);
        assert.equal(error.parameter, code === 'invalid_parameter' ? 'page' : undefined, url);
        assert.ok(error.message.length > 0);
      }
    });

    it('WordPress\'s feed addresses lead to the feeds with a permanent redirect', async () => {
      const tree = await categoryTree(site.storage.db, 'fa');
      const node = tree.childrenOf(null)[0]!;
      const slug = encodeURIComponent(node.slug);
      for (const [from, to] of [
        ['/feed/', '/feed.xml'], ['/feed/rss2/', '/feed.xml'], ['/feed/atom/', '/feed.atom'], ['/fa/feed/', '/fa/feed.xml'],
        [`/fa/category/${slug}/feed/`, `/fa/category/${slug}/feed.xml`], [`/fa/category/${slug}/feed/atom/`, `/fa/category/${slug}/feed.atom`],
      ]) {
        const res = await site.app.inject({ url: from! });
        assert.equal(res.statusCode, 301, from);
        assert.equal(res.headers.location, to, from);
        assert.equal((await site.app.inject({ url: to! })).statusCode, 200, to);
      }
      assert.equal((await site.app.inject({ url: '/category/no-such-category/feed/' })).statusCode, 404);
      assert.equal((await site.app.inject({ url: `/fa/category/${slug}/feed/html/` })).statusCode, 404);
    });

    it('every page announces the edition\'s feeds, and a category, section or periodical page its own too', async () => {
      const feedsOf = async (url: string) => {
        const res = await get(site.app, url);
        assert.equal(res.status, 200, url);
        return parse(res.body).querySelectorAll('head link[rel="alternate"][type]').map((l) => ({ type: l.getAttribute('type'), href: l.getAttribute('href')!, title: l.getAttribute('title')! }));
      };
      const home = await feedsOf('/fa/');
      assert.deepEqual(home.map((l) => [l.type, l.href]), [['application/rss+xml', '/fa/feed.xml'], ['application/atom+xml', '/fa/feed.atom'], ['application/feed+json', '/fa/feed.json']]);
      assert.ok(home.every((l) => l.title.startsWith('نشر')));
      const article = await feedsOf(`/${media.article.slug}/`);
      assert.deepEqual(article.map((l) => l.href), ['/feed.xml', '/feed.atom', '/feed.json']);
      const cartoons = await feedsOf('/cartoons/page/2/');
      assert.deepEqual(cartoons.map((l) => l.href).slice(3), ['/cartoons/feed.xml', '/cartoons/feed.atom', '/cartoons/feed.json']);
      const periodical = await feedsOf(`/${media.periodical.slug}/`);
      assert.deepEqual(periodical.map((l) => l.href).slice(3), ['xml', 'atom', 'json'].map((f) => `/${media.periodical.slug}/feed.${f}`));
      const tree = await categoryTree(site.storage.db, 'fa');
      const node = tree.childrenOf(null)[0]!;
      const category = await feedsOf(`/fa/category/${encodeURIComponent(node.slug)}/`);
      const own = category.slice(3);
      assert.equal(own.length, 3);
      assert.ok(own[0]!.title.startsWith(node.name));
      // Every announced feed answers.
      for (const l of [...home, ...cartoons, ...periodical, ...own]) assert.equal((await get(site.app, l.href)).status, 200, l.href);
    });
  });
}
