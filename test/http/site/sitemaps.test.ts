import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ManualClock } from '../../../src/lib/clock.js';
import { saveItem, type ItemStateInput } from '../../../src/modules/content/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { readFixture } from '../../support/fixtures.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { getPage, openTestSite, type TestSite } from '../../support/test-site.js';

const run = promisify(execFile);
const SCHEMAS = fileURLToPath(new URL('./sitemap-schemas/', import.meta.url));
const BASE = 'https://news.example';
const HOUR = 3_600_000;
/** Low enough that each demo edition needs several sitemaps. */
const PER_FILE = 40;

async function xmllintSkipReason(): Promise<string | undefined> {
  try {
    await run('xmllint', ['--version']);
    return undefined;
  } catch {
    if (process.env.CI) throw new Error('CI=true but xmllint (libxml2-utils) is not installed');
    return 'xmllint not installed (apt-get install libxml2-utils): schema validation of sitemaps skipped';
  }
}
const xmllintMissing = await xmllintSkipReason();

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  isArray: (name) => ['url', 'sitemap', 'xhtml:link', 'image:image'].includes(name),
});

interface UrlEntry {
  loc: string;
  lastmod?: string;
  'xhtml:link'?: { rel: string; hreflang: string; href: string }[];
  'image:image'?: { 'image:loc': string }[];
  'news:news'?: { 'news:publication': { 'news:name': string; 'news:language': string }; 'news:publication_date': string; 'news:title': string };
}

/** Parses an XML answer with an independent parser, after checking it is well-formed. */
function parseXml(body: string) {
  assert.equal(XMLValidator.validate(body), true, 'well-formed XML');
  return parser.parse(body);
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

for (const dialect of DIALECTS) {
  describe(`sitemaps and robots.txt on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let schemaDir: string;
    const clock = new ManualClock();
    const made: Record<string, { id: number; slug: string }> = {};

    /** Validates a document with xmllint against the shared sitemap.xsd (with its extensions) or the index schema. */
    async function validate(xml: string, kind: 'urlset' | 'index'): Promise<void> {
      if (xmllintMissing) return;
      const file = join(schemaDir, `doc-${Math.random().toString(36).slice(2)}.xml`);
      writeFileSync(file, xml);
      const schema = join(schemaDir, kind === 'urlset' ? 'urlset-driver.xsd' : 'siteindex.xsd');
      const result = await run('xmllint', ['--noout', '--schema', schema, file]).catch((e: { stderr: string }) => e);
      assert.match(result.stderr, /validates$/m, result.stderr.slice(0, 2000));
    }

    async function get(url: string) {
      const res = await site.app.inject({ url });
      return res;
    }

    /** Every <url> of an edition, from all the sitemaps the index lists for it. */
    async function editionUrls(code: string): Promise<{ files: string[]; urls: UrlEntry[] }> {
      const index = parseXml((await get('/sitemap.xml')).body);
      const files = (index.sitemapindex.sitemap as { loc: string }[]).map((s) => s.loc).filter((loc) => loc.startsWith(`${BASE}/sitemaps/${code}-`));
      const urls: UrlEntry[] = [];
      for (const loc of files) {
        const res = await get(loc.slice(BASE.length));
        assert.equal(res.statusCode, 200, loc);
        urls.push(...((parseXml(res.body).urlset.url ?? []) as UrlEntry[]));
      }
      return { files, urls };
    }

    async function save(edition: string, type: string, input: Partial<ItemStateInput> & { title: string }, translationOf: number | null = null) {
      const admin = await makeUser(site.storage.db, 'administrator');
      const sc = { actor: { id: admin.id, role: 'administrator' as const, editions: null }, now: clock.now(), editionCodes: ['en', 'ar', 'fa', 'sq'] };
      const id = await saveItem(site.storage.db, sc, null, { status: 'published', ...input }, { edition, type, translationOf });
      const { slug } = await site.storage.db.selectFrom('items').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
      return { id, slug };
    }

    before(async () => {
      // With the page cache on, as in production: what is served again must still be right.
      site = await openTestSite(dialect, { config: { pageCacheBytes: 32 << 20 }, app: { clock, sitemapUrlsPerFile: PER_FILE } });
      schemaDir = mkdtempSync(join(tmpdir(), 'nashr-sitemap-xsd-'));
      for (const f of readdirSync(SCHEMAS)) copyFileSync(join(SCHEMAS, f), join(schemaDir, f));
      writeFileSync(join(schemaDir, 'sitemap.xsd'), readFixture('feeds/sitemap.xsd'));
      const ago = (hours: number) => new Date(clock.now().getTime() - hours * HOUR).toISOString();
      made.faNews = await save('fa', 'article', { title: 'خبر تازه: «آب» و <شهر> & روستا', publishedAt: ago(1) });
      made.enNews = await save('en', 'article', { title: 'Yesterday’s news', publishedAt: ago(47) });
      made.enOld = await save('en', 'article', { title: 'Three days old', publishedAt: ago(49) });
      made.draft = await save('en', 'article', { title: 'A draft of today', status: 'draft', publishedAt: ago(1) });
      made.scheduled = await save('en', 'article', { title: 'Tomorrow’s piece', publishedAt: ago(-24) });
      made.cartoon = await save('en', 'newspic', { title: 'A picture of today', publishedAt: ago(1), featuredMediaId: (await site.storage.db.selectFrom('media').select('id').where('kind', '=', 'image').executeTakeFirstOrThrow()).id });
      // A Farsi article translated into Arabic only: no version in the root (English) edition.
      made.faOnly = await save('fa', 'article', { title: 'فقط فارسی و عربی', publishedAt: ago(100) });
      made.arOfFa = await save('ar', 'article', { title: 'بالفارسية والعربية فقط', publishedAt: ago(100) }, made.faOnly.id);
    });
    after(async () => {
      await site?.close();
      if (schemaDir) rmSync(schemaDir, { recursive: true, force: true });
    });

    it('robots.txt points at the sitemap index and keeps the newsroom and search results out', async () => {
      const res = await get('/robots.txt');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/plain; charset=utf-8/);
      const lines = res.body.split('\n');
      assert.ok(lines.includes(`Sitemap: ${BASE}/sitemap.xml`));
      for (const rule of ['Disallow: /admin/', 'Disallow: /admin$', 'Disallow: /search$', 'Disallow: /search?', 'Disallow: /fa/search$', 'Disallow: /ar/search?']) assert.ok(lines.includes(rule), rule);
      // A bare prefix rule would also hide an article whose slug starts with "search" or "admin".
      assert.ok(!lines.includes('Disallow: /search') && !lines.includes('Disallow: /admin'));
    });

    it('serves a valid sitemap index listing every edition’s sitemaps, each valid against sitemap.xsd', async () => {
      const res = await get('/sitemap.xml');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8');
      await validate(res.body, 'index');
      const entries = parseXml(res.body).sitemapindex.sitemap as { loc: string; lastmod: string }[];
      for (const code of ['en', 'ar', 'fa', 'sq']) assert.ok(entries.some((e) => e.loc === `${BASE}/sitemaps/${code}-1.xml`), code);
      for (const e of entries) {
        assert.match(e.lastmod, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/, e.loc);
        const file = await get(e.loc.slice(BASE.length));
        assert.equal(file.statusCode, 200, e.loc);
        assert.equal(file.headers['content-type'], 'application/xml; charset=utf-8');
        await validate(file.body, 'urlset');
      }
    });

    it('the schemas used here accept Google’s own examples and refuse a malformed index (the shared fixtures)', { skip: xmllintMissing }, async () => {
      await validate(readFixture('feeds/sitemap-images.xml'), 'urlset');
      await validate(readFixture('feeds/sitemap-news.xml'), 'urlset');
      await assert.rejects(validate(readFixture('feeds/sitemap.index.xml'), 'index'));
    });

    it('splits an edition into sitemaps of at most the limit, each URL once: home, sections, categories and every published item', async () => {
      const { files, urls } = await editionUrls('en');
      const items = await site.storage.db.selectFrom('items').select(['slug', 'status']).where('edition', '=', 'en').execute();
      const published = items.filter((i) => i.status === 'published');
      assert.ok(files.length >= 3, `demo content over ${PER_FILE} URLs per file needs several files (${files.length})`);
      assert.equal(files.length, Math.ceil(urls.length / PER_FILE));
      for (let n = 1; n <= files.length; n++) assert.equal(files[n - 1], `${BASE}/sitemaps/en-${n}.xml`);
      const counts = await Promise.all(files.map(async (f) => (parseXml((await get(f.slice(BASE.length))).body).urlset.url as unknown[]).length));
      assert.ok(counts.every((c) => c <= PER_FILE) && counts.slice(0, -1).every((c) => c === PER_FILE), String(counts));
      const locs = urls.map((u) => u.loc);
      assert.equal(new Set(locs).size, locs.length, 'no URL twice');
      for (const i of published) assert.ok(locs.includes(`${BASE}/${encodePath(i.slug)}/`), i.slug);
      for (const path of ['/', '/cartoons/', '/newspics/', '/gallery/', '/videos/', '/books/']) assert.ok(locs.includes(`${BASE}${path}`), path);
      assert.ok(locs.some((l) => l.startsWith(`${BASE}/category/`)));
      assert.equal(locs.filter((l) => !l.includes('/category/') && !['/', '/cartoons/', '/newspics/', '/gallery/', '/videos/', '/books/'].includes(l.slice(BASE.length))).length, published.length);
      // Only published items: no drafts, nothing scheduled.
      assert.ok(!locs.some((l) => l.includes(made.draft!.slug) || l.includes(made.scheduled!.slug)));
      for (const u of urls) if (u.lastmod) assert.ok(!Number.isNaN(Date.parse(u.lastmod)), u.lastmod);
      assert.equal((await get(`/sitemaps/en-${files.length + 1}.xml`)).statusCode, 404);
    });

    it('gives each item its lastmod: the time of its last edit', async () => {
      const { urls } = await editionUrls('fa');
      const row = await site.storage.db.selectFrom('items').select(['slug', 'updated_at']).where('id', '=', made.faNews!.id).executeTakeFirstOrThrow();
      const entry = urls.find((u) => u.loc === `${BASE}/fa/${encodePath(row.slug)}/`);
      assert.equal(entry?.lastmod, row.updated_at);
    });

    it('lists the language versions of a translated item, x-default the root edition’s', async () => {
      const article = await site.storage.db.selectFrom('items').select(['translation_key', 'slug']).where('edition', '=', 'fa').where('type', '=', 'article').where('translation_key', 'is not', null).executeTakeFirstOrThrow();
      const versions = await site.storage.db.selectFrom('items').select(['edition', 'slug']).where('translation_key', '=', article.translation_key).execute();
      const url = (edition: string, slug: string) => `${BASE}${edition === 'en' ? '' : `/${edition}`}/${encodePath(slug)}/`;
      const { urls } = await editionUrls('fa');
      const entry = urls.find((u) => u.loc === url('fa', article.slug))!;
      const links = new Map(entry['xhtml:link']!.map((l) => [l.hreflang, l.href]));
      assert.deepEqual([...links.keys()].sort(), ['ar', 'en', 'fa', 'sq', 'x-default']);
      for (const v of versions) assert.equal(links.get(v.edition), url(v.edition, v.slug));
      assert.equal(links.get('x-default'), links.get('en'));
      assert.ok(entry['xhtml:link']!.every((l) => l.rel === 'alternate'));
      // The page itself carries the same alternates.
      const page = await getPage(site.app, url('fa', article.slug).slice(BASE.length));
      const head = new Map(page.doc.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]));
      assert.deepEqual(head, links);
    });

    it('without a root-edition version, x-default is the first configured edition that has one — the same from every version', async () => {
      const fa = (await editionUrls('fa')).urls.find((u) => u.loc === `${BASE}/fa/${encodePath(made.faOnly!.slug)}/`)!;
      const ar = (await editionUrls('ar')).urls.find((u) => u.loc === `${BASE}/ar/${encodePath(made.arOfFa!.slug)}/`)!;
      for (const entry of [fa, ar]) {
        const links = new Map(entry['xhtml:link']!.map((l) => [l.hreflang, l.href]));
        assert.deepEqual([...links.keys()].sort(), ['ar', 'fa', 'x-default']);
        assert.equal(links.get('x-default'), `${BASE}/ar/${encodePath(made.arOfFa!.slug)}/`);
      }
      const untranslated = (await editionUrls('en')).urls.find((u) => u.loc === `${BASE}/${encodePath(made.enOld!.slug)}/`)!;
      assert.equal(untranslated['xhtml:link'], undefined, 'an item in one edition only has no alternates');
    });

    it('lists a gallery’s featured image and every photo as absolute image entries', async () => {
      const gallery = await site.storage.db.selectFrom('items').select(['id', 'slug']).where('edition', '=', 'en').where('type', '=', 'gallery').where('status', '=', 'published').executeTakeFirstOrThrow();
      const photos = await site.storage.db.selectFrom('gallery_photos as p').innerJoin('media as m', 'm.id', 'p.media_id').select('m.path').where('p.item_id', '=', gallery.id).orderBy('p.position').execute();
      const { urls } = await editionUrls('en');
      const entry = urls.find((u) => u.loc === `${BASE}/${encodePath(gallery.slug)}/`)!;
      const images = entry['image:image']!.map((i) => i['image:loc']);
      assert.ok(photos.length >= 2);
      for (const p of photos) assert.ok(images.includes(`${BASE}/media/${p.path}`), p.path);
      assert.ok(images.every((i) => i.startsWith(`${BASE}/media/`)));
      assert.equal((await get(images[0]!.slice(BASE.length))).statusCode, 200, 'the image is served');
      const article = urls.find((u) => u.loc.endsWith(`/${encodePath(made.enNews!.slug)}/`))!;
      assert.equal(article['image:image'], undefined, 'an item without a picture has no image entry');
    });

    it('the news sitemap holds the articles of the last two days, by the app’s clock', async () => {
      const res = await get('/sitemaps/news.xml');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8');
      await validate(res.body, 'urlset');
      const urls = parseXml(res.body).urlset.url as UrlEntry[];
      assert.deepEqual(urls.map((u) => u.loc), [`${BASE}/fa/${encodePath(made.faNews!.slug)}/`, `${BASE}/${encodePath(made.enNews!.slug)}/`]);
      const fa = urls[0]!['news:news']!;
      assert.equal(fa['news:publication']['news:name'], 'نشر');
      assert.equal(fa['news:publication']['news:language'], 'fa');
      assert.equal(fa['news:title'], 'خبر تازه: «آب» و <شهر> & روستا');
      assert.equal(Date.parse(fa['news:publication_date']), clock.now().getTime() - HOUR);
      assert.equal(urls[1]!['news:news']!['news:publication']['news:name'], 'Nashr Review');
      const index = parseXml((await get('/sitemap.xml')).body).sitemapindex.sitemap as { loc: string }[];
      assert.ok(index.some((s) => s.loc === `${BASE}/sitemaps/news.xml`));

      // Two hours later the 47-hour-old article has aged out.
      clock.advance(2 * HOUR);
      try {
        const later = parseXml((await get('/sitemaps/news.xml')).body).urlset.url as UrlEntry[];
        assert.deepEqual(later.map((u) => u.loc), [`${BASE}/fa/${encodePath(made.faNews!.slug)}/`]);
        clock.advance(2 * 24 * HOUR);
        const none = parseXml((await get('/sitemaps/news.xml')).body).urlset;
        assert.equal(none.url, undefined);
        const index2 = parseXml((await get('/sitemap.xml')).body).sitemapindex.sitemap as { loc: string }[];
        assert.ok(!index2.some((s) => s.loc.endsWith('/news.xml')), 'an empty news sitemap is left out of the index');
      } finally {
        clock.advance(-(2 * HOUR + 2 * 24 * HOUR));
      }
    });

    it('a sitemap served again is fresh after the newsroom publishes', async () => {
      const { files } = await editionUrls('fa');
      const last = files.at(-1)!.slice(BASE.length);
      await get(last);
      const again = await get(last);
      assert.equal(again.headers['x-nashr-cache'], 'hit', 'the second answer comes from the page cache');
      const editor = new NewsroomClient(site.app);
      await editor.signIn((await makeUser(site.storage.db, 'administrator')).email);
      await editor.get('/admin/items/new?edition=fa&type=article');
      const res = await editor.post('/admin/items?edition=fa&type=article', { title: 'تازه منتشر شده', status: 'published' });
      assert.equal(res.statusCode, 303);
      const { slug } = await site.storage.db.selectFrom('items').select('slug').where('title', '=', 'تازه منتشر شده').executeTakeFirstOrThrow();
      const { urls } = await editionUrls('fa');
      assert.ok(urls.some((u) => u.loc === `${BASE}/fa/${encodePath(slug)}/`), 'the new article is in the fa sitemaps at once');
    });

    it('refuses queries and unknown sitemap numbers with 400/404, never 500', async () => {
      const cases: [string, number][] = [
        ['/sitemap.xml?page=2', 400],
        ['/sitemaps/en-1.xml?page=1', 400],
        ['/sitemaps/news.xml?page=999999999999', 400],
        ['/robots.txt?x=1', 400],
        ['/sitemaps/en-0.xml', 404],
        ['/sitemaps/en-01.xml', 404],
        ['/sitemaps/en-999999.xml', 404],
        ['/sitemaps/en-99999999999999999999.xml', 404],
        ['/sitemaps/en-1e3.xml', 404],
        ['/sitemaps/en--1.xml', 404],
        ['/sitemaps/xx-1.xml', 404],
        ['/sitemaps/en.xml', 404],
        ['/sitemaps/..%2Fsitemap.xml', 404],
        ['/sitemaps/%ZZ.xml', 400],
      ];
      for (const [url, status] of cases) assert.equal((await get(url)).statusCode, status, url);
    });
  });
}
