import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HTMLElement } from 'node-html-parser';
import { demoEditions } from '../../../src/modules/demo/editions/index.js';
import { saveItem, type ItemStateInput } from '../../../src/modules/content/index.js';
import { CONTENT_SECURITY_POLICY } from '../../../src/http/plugins/security-headers.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { makeUser } from '../../support/newsroom.js';
import { getPage, openTestSite, type TestSite } from '../../support/test-site.js';

const BASE = 'https://news.example';
const en = demoEditions.en!;
const fa = demoEditions.fa!;
const enc = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** Every Open Graph / article property of the head, in order (a property may repeat). */
function og(doc: HTMLElement): [string, string][] {
  return doc.querySelectorAll('head meta[property]').map((m) => [m.getAttribute('property')!, m.getAttribute('content')!]);
}
const ogOne = (doc: HTMLElement, property: string) => og(doc).find(([p]) => p === property)?.[1];
const ogAll = (doc: HTMLElement, property: string) => og(doc).filter(([p]) => p === property).map(([, c]) => c);
const named = (doc: HTMLElement, name: string) => doc.querySelector(`head meta[name="${name}"]`)?.getAttribute('content');

type Node = Record<string, any>;
/** The page's JSON-LD graph (there is exactly one JSON-LD script). */
function graph(doc: HTMLElement): Node[] {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  assert.equal(scripts.length, 1);
  const data = JSON.parse(scripts[0]!.rawText);
  assert.equal(data['@context'], 'https://schema.org');
  return data['@graph'];
}
const node = (doc: HTMLElement, type: string) => graph(doc).find((n) => n['@type'] === type);

for (const dialect of DIALECTS) {
  describe(`page metadata on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let social: string[];

    async function save(edition: string, type: string, input: Partial<ItemStateInput> & { title: string }) {
      const admin = await makeUser(site.storage.db, 'administrator');
      const sc = { actor: { id: admin.id, role: 'administrator' as const, editions: null }, now: new Date(), editionCodes: ['en', 'ar', 'fa', 'sq'] };
      const id = await saveItem(site.storage.db, sc, null, { status: 'published', ...input }, { edition, type });
      return (await site.storage.db.selectFrom('items').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
    }

    before(async () => {
      site = await openTestSite(dialect);
      const row = await site.storage.db.selectFrom('settings').select('value').where('edition', '=', '').where('key', '=', 'social').executeTakeFirstOrThrow();
      social = Object.values(JSON.parse(row.value) as Record<string, string>);
    });
    after(() => site?.close());

    it('an article: canonical, description, Open Graph with image sizes, article times, section and tags, Twitter card', async () => {
      const a = en.articles[1]!;
      const { doc } = await getPage(site.app, `/${a.slug}/`);
      const url = `${BASE}/${a.slug}/`;
      assert.equal(doc.querySelector('link[rel="canonical"]')!.getAttribute('href'), url);
      assert.equal(named(doc, 'description'), a.excerpt);
      assert.equal(ogOne(doc, 'og:type'), 'article');
      assert.equal(ogOne(doc, 'og:title'), a.title);
      assert.equal(ogOne(doc, 'og:description'), a.excerpt);
      assert.equal(ogOne(doc, 'og:url'), url);
      assert.equal(ogOne(doc, 'og:site_name'), 'Nashr Review');
      assert.equal(ogOne(doc, 'og:locale'), 'en_GB');
      assert.deepEqual(ogAll(doc, 'og:locale:alternate').sort(), ['ar_EG', 'fa_IR', 'sq_AL'], 'language_TERRITORY, a bare language given its likeliest territory');
      const image = ogOne(doc, 'og:image')!;
      assert.match(image, /^https:\/\/news\.example\/media\/.+\.jpg$/);
      const media = await site.storage.db.selectFrom('media').select(['width', 'height', 'alt']).where('path', '=', image.slice(`${BASE}/media/`.length)).executeTakeFirstOrThrow();
      assert.equal(ogOne(doc, 'og:image:width'), String(media.width));
      assert.equal(ogOne(doc, 'og:image:height'), String(media.height));
      assert.equal(ogOne(doc, 'og:image:alt'), a.imageAlt);
      assert.equal((await site.app.inject({ url: image.slice(BASE.length) })).statusCode, 200, 'the image is served');
      const item = await site.storage.db.selectFrom('items').select(['published_at', 'updated_at']).where('edition', '=', 'en').where('slug', '=', a.slug).executeTakeFirstOrThrow();
      assert.equal(ogOne(doc, 'article:published_time'), item.published_at);
      assert.equal(ogOne(doc, 'article:modified_time'), item.updated_at > item.published_at ? item.updated_at : item.published_at);
      assert.equal(ogOne(doc, 'article:section'), en.categories.find((c) => c.key === a.category)!.name);
      assert.deepEqual(ogAll(doc, 'article:tag').sort(), a.tags.map((k) => en.tags.find((t) => t.key === k)!.name).sort());
      assert.equal(named(doc, 'twitter:card'), 'summary_large_image');
      assert.equal(named(doc, 'twitter:title'), a.title);
      assert.equal(named(doc, 'twitter:image'), image);
      assert.equal(named(doc, 'twitter:image:alt'), a.imageAlt);
    });

    it('an article’s JSON-LD: NewsArticle with author, publisher and dates, BreadcrumbList, Organization with the footer’s social links', async () => {
      const a = en.articles[1]!;
      const { doc } = await getPage(site.app, `/${a.slug}/`);
      const url = `${BASE}/${a.slug}/`;
      const article = node(doc, 'NewsArticle')!;
      assert.equal(article.headline, a.title);
      assert.equal(article.description, a.excerpt);
      assert.equal(article.inLanguage, 'en');
      assert.equal(article.url, url);
      assert.deepEqual(article.mainEntityOfPage, { '@type': 'WebPage', '@id': url });
      assert.equal(article.datePublished, ogOne(doc, 'article:published_time'));
      assert.equal(article.dateModified, ogOne(doc, 'article:modified_time'));
      assert.equal(article.author['@type'], 'Person');
      assert.ok(article.author.name && article.author.url.startsWith(`${BASE}/author/`));
      assert.equal(article.publisher['@type'], 'Organization');
      assert.equal(article.publisher.name, 'Nashr Review');
      assert.match(article.publisher.logo.url, /^https:\/\/news\.example\/assets\/favicon\.svg/);
      assert.deepEqual(article.image, [ogOne(doc, 'og:image')]);
      const crumbs = node(doc, 'BreadcrumbList')!.itemListElement as Node[];
      assert.deepEqual(crumbs.map((c) => c.position), crumbs.map((_, i) => i + 1));
      assert.deepEqual(crumbs[0], { '@type': 'ListItem', position: 1, name: 'Home', item: `${BASE}/` });
      assert.ok(crumbs.slice(1, -1).every((c) => c.item.startsWith(`${BASE}/category/`)) && crumbs.length >= 3);
      assert.deepEqual(crumbs[crumbs.length - 1], { '@type': 'ListItem', position: crumbs.length, name: a.title, item: url });
      const org = node(doc, 'Organization')!;
      assert.equal(org.url, `${BASE}/`);
      assert.deepEqual([...org.sameAs].sort(), [...social].sort());
      assert.deepEqual(doc.querySelectorAll('footer .social a').map((l) => l.getAttribute('href')).sort(), [...social].sort());
    });

    it('a static page is a website with its own canonical and a WebPage in JSON-LD', async () => {
      const about = en.pages.about;
      const { doc } = await getPage(site.app, `/${about.slug}/`);
      assert.equal(doc.querySelector('link[rel="canonical"]')!.getAttribute('href'), `${BASE}/${about.slug}/`);
      assert.equal(ogOne(doc, 'og:type'), 'website');
      assert.equal(ogOne(doc, 'og:title'), about.title);
      assert.equal(ogOne(doc, 'article:published_time'), undefined);
      assert.equal(node(doc, 'WebPage')!.headline, about.title);
      assert.ok(named(doc, 'description'), 'a page without an excerpt still has a description (the edition’s tagline)');
      assert.ok(node(doc, 'Organization'));
    });

    it('a listing: canonical to itself on every page, website type, the edition’s description, Organization only', async () => {
      const home = await getPage(site.app, '/');
      assert.equal(home.doc.querySelector('link[rel="canonical"]')!.getAttribute('href'), `${BASE}/`);
      assert.equal(ogOne(home.doc, 'og:type'), 'website');
      assert.equal(ogOne(home.doc, 'og:title'), 'Nashr Review');
      assert.equal(named(home.doc, 'description'), en.site.tagline);
      assert.equal(named(home.doc, 'twitter:card'), 'summary');
      assert.deepEqual(graph(home.doc).map((n) => n['@type']), ['Organization']);
      const two = await getPage(site.app, '/page/2/');
      assert.equal(two.doc.querySelector('link[rel="canonical"]')!.getAttribute('href'), `${BASE}/page/2/`);
      assert.equal(ogOne(two.doc, 'og:url'), `${BASE}/page/2/`);
      const politics = en.categories.find((c) => c.key === 'politics')!;
      const category = await getPage(site.app, `/category/${politics.slug}/`);
      assert.equal(ogOne(category.doc, 'og:url'), `${BASE}/category/${politics.slug}/`);
      assert.equal(named(category.doc, 'description'), politics.description || en.site.tagline);
    });

    it('a gallery and a video: article type with the poster or cover as image, ImageGallery and VideoObject in JSON-LD', async () => {
      const gallery = await site.storage.db.selectFrom('items').select(['slug', 'title']).where('edition', '=', 'en').where('type', '=', 'gallery').where('status', '=', 'published').executeTakeFirstOrThrow();
      const g = (await getPage(site.app, `/${gallery.slug}/`)).doc;
      assert.equal(ogOne(g, 'og:type'), 'article');
      assert.equal(ogOne(g, 'og:title'), gallery.title);
      assert.ok(ogOne(g, 'og:image')!.startsWith(`${BASE}/media/`));
      assert.equal(node(g, 'ImageGallery')!.headline, gallery.title);
      const crumbs = node(g, 'BreadcrumbList')!.itemListElement as Node[];
      assert.deepEqual(crumbs.slice(0, 2).map((c) => c.item), [`${BASE}/`, `${BASE}/gallery/`]);
      const photo = (await getPage(site.app, `/${gallery.slug}/photo/2/`)).doc;
      assert.equal(ogOne(photo, 'og:url'), `${BASE}/${gallery.slug}/photo/2/`);
      assert.equal(ogOne(photo, 'og:image'), photo.querySelector('main img')!.getAttribute('src')!.replace(/^/, BASE));

      const video = await site.storage.db.selectFrom('items').select(['slug', 'title']).where('edition', '=', 'en').where('type', '=', 'video').where('status', '=', 'published').executeTakeFirstOrThrow();
      const v = (await getPage(site.app, `/${video.slug}/`)).doc;
      const obj = node(v, 'VideoObject')!;
      assert.equal(obj.name, video.title);
      assert.ok(obj.uploadDate && obj.thumbnailUrl === ogOne(v, 'og:image'));
      assert.equal(named(v, 'twitter:card'), 'summary_large_image');
    });

    it('SEO title and description from the newsroom win over title and excerpt', async () => {
      const slug = await save('en', 'article', { title: 'The plain headline', excerpt: 'The plain excerpt.', seoTitle: 'A title for search engines', seoDescription: 'A description for search results.' });
      const { doc } = await getPage(site.app, `/${slug}/`);
      assert.equal(doc.querySelector('title')!.text, 'A title for search engines – Nashr Review');
      assert.equal(named(doc, 'description'), 'A description for search results.');
      assert.equal(ogOne(doc, 'og:title'), 'A title for search engines');
      assert.equal(ogOne(doc, 'og:description'), 'A description for search results.');
      assert.equal(named(doc, 'twitter:title'), 'A title for search engines');
      assert.equal(node(doc, 'NewsArticle')!.description, 'A description for search results.');
      assert.equal(doc.querySelector('h1.entry-title')!.text, 'The plain headline', 'the page still shows its headline');
    });

    it('a title with </script> cannot break out of the JSON-LD or an attribute; the CSP still holds', async () => {
      const evil = '</script><script>alert(1)</script> "quoted" & <b>bold</b>';
      const slug = await save('en', 'article', { title: evil, excerpt: `${evil} excerpt` });
      const res = await getPage(site.app, `/${slug}/`);
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
      assert.ok(!res.body.includes('<script>alert(1)'), 'no live script element');
      // Exactly the page's own scripts: its JSON-LD and the site script.
      const scripts = res.doc.querySelectorAll('script');
      assert.deepEqual(scripts.map((s) => s.getAttribute('type') ?? s.getAttribute('src')!.split('?')[0]), ['application/ld+json', '/assets/site.js']);
      const json = scripts[0]!.rawText;
      assert.ok(!/[<>]/.test(json), 'no < or > inside the JSON-LD');
      assert.equal(node(res.doc, 'NewsArticle')!.headline, evil, 'the JSON still says exactly the title');
      assert.equal(ogOne(res.doc, 'og:title'), evil);
      assert.equal(named(res.doc, 'twitter:description'), `${evil} excerpt`);
      assert.equal(res.doc.querySelector('title')!.text, `${evil} – Nashr Review`);
    });

    it('a Farsi article reads right: Persian text intact, fa_IR locale, alternates for its translations', async () => {
      const a = fa.articles[0]!;
      const { doc, body } = await getPage(site.app, `/fa/${enc(a.slug)}/`);
      assert.equal(doc.querySelector('html')!.getAttribute('lang'), 'fa');
      assert.equal(ogOne(doc, 'og:title'), a.title);
      assert.equal(ogOne(doc, 'og:site_name'), 'نشر');
      assert.equal(ogOne(doc, 'og:locale'), 'fa_IR');
      assert.ok(ogAll(doc, 'og:locale:alternate').includes('en_GB'));
      assert.equal(ogOne(doc, 'og:url'), `${BASE}/fa/${enc(a.slug)}/`);
      assert.ok(body.includes(a.title), 'the title is written as Persian letters, not escapes');
      const article = node(doc, 'NewsArticle')!;
      assert.equal(article.headline, a.title);
      assert.equal(article.inLanguage, 'fa');
      assert.equal(node(doc, 'BreadcrumbList')!.itemListElement[0].name, 'خانه');
    });

    it('pages that are not to be found (404, search results) carry no Open Graph or JSON-LD', async () => {
      for (const url of ['/no-such-page/', '/search?q=water']) {
        const { doc } = await getPage(site.app, url);
        assert.equal(og(doc).length, 0, url);
        assert.equal(doc.querySelectorAll('script[type="application/ld+json"]').length, 0, url);
        assert.equal(doc.querySelector('meta[name="robots"]')!.getAttribute('content'), 'noindex');
      }
    });
  });
}
