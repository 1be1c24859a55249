import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoEditions } from '../../../src/modules/demo/editions/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { getPage, openTestSite, type TestSite } from '../../support/test-site.js';

const en = demoEditions.en!;
const enc = (path: string) => path.split('/').map(encodeURIComponent).join('/');

for (const dialect of DIALECTS) {
  describe(`the public site on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    before(async () => {
      site = await openTestSite(dialect);
    });
    after(() => site?.close());

    it('lists the latest articles on the edition home, each card complete', async () => {
      const { status, doc } = await getPage(site.app, '/');
      assert.equal(status, 200);
      const cards = doc.querySelectorAll('main article.card');
      assert.equal(cards.length, 10);
      const first = cards[0]!;
      assert.equal(first.querySelector('.card-title a')!.text, en.articles[0]!.title);
      assert.equal(first.querySelector('img')!.getAttribute('alt'), en.articles[0]!.imageAlt);
      assert.match(first.querySelector('source[type="image/webp"]')!.getAttribute('srcset')!, /480w.*800w.*1200w/);
      assert.ok(first.querySelector('.category-label'));
      assert.equal(first.querySelector('.source-line')!.text, en.articles[0]!.source);
      assert.equal(first.querySelector('.comment-count')!.text, 'No comments');
      assert.ok(first.querySelector('time[datetime]'));
      const shareHosts = first.querySelectorAll('.share a').map((a) => a.getAttribute('href')!.split('/')[2] ?? a.getAttribute('href')!.split(':')[0]);
      assert.deepEqual(shareHosts, ['www.facebook.com', 'twitter.com', 'pinterest.com', 'wa.me', 't.me', 'web.skype.com', 'mailto']);
      const tweet = new URL(first.querySelector('.share-x')!.getAttribute('href')!);
      assert.equal(tweet.searchParams.get('text'), en.articles[0]!.title);
      assert.equal(tweet.searchParams.get('url'), `https://news.example/${en.articles[0]!.slug}/`);
    });

    it('paginates with Newer posts and Older posts at /page/N/', async () => {
      const one = await getPage(site.app, '/');
      assert.equal(one.doc.querySelector('.pagination .older')!.getAttribute('href'), '/page/2/');
      assert.equal(one.doc.querySelector('.pagination .newer'), null);
      const two = await getPage(site.app, '/page/2/');
      assert.equal(two.status, 200);
      assert.equal(two.doc.querySelector('.pagination .newer')!.getAttribute('href'), '/');
      assert.equal(two.doc.querySelector('.pagination .older')!.getAttribute('href'), '/page/3/');
      assert.equal(two.doc.querySelector('.card-title a')!.text, en.articles[10]!.title);
      const last = await getPage(site.app, '/page/4/');
      assert.equal(last.doc.querySelector('.pagination .older'), null);
      assert.equal((await getPage(site.app, '/page/5/')).status, 404);
    });

    it('shows an article with image, category, title, body, source, date, comments, share links and related articles', async () => {
      const a = en.articles[1]!;
      const { status, doc } = await getPage(site.app, `/${a.slug}/`);
      assert.equal(status, 200);
      assert.equal(doc.querySelector('h1.entry-title')!.text, a.title);
      assert.equal(doc.querySelector('.entry-image img')!.getAttribute('alt'), a.imageAlt);
      assert.equal(doc.querySelector('.entry-header .category-label')!.text, en.categories.find((c) => c.key === a.category)!.name);
      assert.ok(doc.querySelector('.entry-content blockquote cite')!.text.includes(a.quote.cite));
      assert.equal(doc.querySelectorAll('.references li').length, a.references.length);
      assert.equal(doc.querySelector('.entry-header .source-line')!.text, a.source);
      assert.equal(doc.querySelector('.entry-header time')!.getAttribute('datetime')!.slice(0, 4) >= '2021', true);
      assert.equal(doc.querySelector('#comments h2')!.text, 'No comments');
      assert.equal(doc.querySelectorAll('.entry > .share a').length, 7);
      const related = doc.querySelectorAll('.related .card');
      assert.ok(related.length >= 1 && related.length <= 3);
      assert.ok(!related.some((r) => r.querySelector('.card-title a')!.text === a.title), 'an article is not related to itself');
      assert.equal(doc.querySelector('link[rel="canonical"]')!.getAttribute('href'), `https://news.example/${a.slug}/`);
    });

    it('lists the articles of sub-categories in a category archive', async () => {
      const iran = en.categories.find((c) => c.key === 'politics-mideast-iran')!;
      const mideast = en.categories.find((c) => c.key === 'politics-mideast')!;
      const politics = en.categories.find((c) => c.key === 'politics')!;
      const path = `/category/${politics.slug}/${mideast.slug}/${iran.slug}/`;
      const deep = await getPage(site.app, path);
      assert.equal(deep.status, 200);
      const inIran = en.articles.filter((a) => a.category === 'politics-mideast-iran').length;
      assert.equal(deep.doc.querySelectorAll('main .card').length, Math.min(10, inIran));
      const top = await getPage(site.app, `/category/${politics.slug}/`);
      const inPolitics = en.articles.filter((a) => a.category.startsWith('politics')).length;
      const pages = Math.ceil(inPolitics / 10);
      let count = top.doc.querySelectorAll('main .card').length;
      for (let n = 2; n <= pages; n++) count += (await getPage(site.app, `/category/${politics.slug}/page/${n}/`)).doc.querySelectorAll('main .card').length;
      assert.equal(count, inPolitics, 'the parent lists every article of its sub-categories');
      assert.equal((await getPage(site.app, `/category/${politics.slug}/page/${pages + 1}/`)).status, 404);
      assert.ok(top.doc.querySelectorAll('.subcategories a').some((a) => a.getAttribute('href') === `/category/${politics.slug}/${mideast.slug}/`));
      assert.equal((await getPage(site.app, `/category/${iran.slug}/`)).status, 404, 'a sub-category lives under its parent path');
    });

    it('has tag, author and date archives', async () => {
      const a = en.articles[0]!;
      const tag = en.tags.find((t) => t.key === a.tags[0])!;
      const tagPage = await getPage(site.app, `/tag/${tag.slug}/`);
      assert.equal(tagPage.status, 200);
      assert.ok(tagPage.doc.querySelectorAll('.card-title a').some((l) => l.text === a.title));
      const author = en.authors.find((x) => x.key === a.author)!;
      const authorPage = await getPage(site.app, `/author/${author.slug}/`);
      assert.equal(authorPage.status, 200);
      assert.equal(authorPage.doc.querySelectorAll('.card').length, Math.min(10, en.articles.filter((x) => x.author === a.author).length));
      const articlePage = await getPage(site.app, `/${a.slug}/`);
      const iso = articlePage.doc.querySelector('.entry-header time')!.getAttribute('datetime')!;
      const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
      for (const path of [`/${y}/`, `/${y}/${m}/`, `/${y}/${m}/${d}/`]) {
        const archive = await getPage(site.app, path);
        assert.equal(archive.status, 200, path);
        assert.ok(archive.doc.querySelectorAll('.card-title a').some((l) => l.text === a.title), path);
      }
      assert.equal((await getPage(site.app, `/${y}/13/`)).status, 404);
      assert.equal((await getPage(site.app, `/${y}/02/30/`)).status, 404);
    });

    it('serves the About Us and Contact us pages of every edition', async () => {
      for (const edition of site.config.editions) {
        const demo = demoEditions[edition.code];
        if (!demo) continue;
        for (const page of [demo.pages.about, demo.pages.contact]) {
          const res = await getPage(site.app, enc(`${edition.prefix}/${page.slug}/`));
          assert.equal(res.status, 200, `${edition.code} ${page.slug}`);
          assert.equal(res.doc.querySelector('h1')!.text, page.title);
        }
      }
    });

    it('renders the reference site menu in every edition', async () => {
      for (const edition of site.config.editions) {
        const demo = demoEditions[edition.code];
        if (!demo) continue;
        const { doc } = await getPage(site.app, enc(`${edition.prefix}/`));
        const top = doc.querySelectorAll('#site-nav .menu > li');
        const labels = top.map((li) => (li.querySelector('a, button')!.text.trim()));
        assert.deepEqual(labels.slice(0, 7), [demo.menu.home, demo.menu.articles, demo.menu.media, demo.menu.publications, demo.menu.about, demo.menu.contact, demo.menu.editions]);
        assert.equal(top[2]!.querySelectorAll('.sub-menu a').length, 4);
        assert.equal(top[3]!.querySelectorAll('.sub-menu a').length, 3);
        assert.equal(top[6]!.querySelectorAll('.sub-menu a').length, site.config.editions.length - 1);
        for (const link of doc.querySelectorAll('#site-nav a')) {
          const href = link.getAttribute('href')!;
          const res = await site.app.inject({ method: 'GET', url: href });
          assert.equal(res.statusCode, 200, `${edition.code} menu link ${href}`);
        }
      }
    });

    it('shows each Media section as a grid, or says honestly that it has nothing yet', async () => {
      for (const path of ['/cartoons/', '/newspics/', '/gallery/', '/videos/', '/books/']) {
        const { status, doc } = await getPage(site.app, path);
        assert.equal(status, 200, path);
        const tiles = doc.querySelectorAll('.tile-grid .tile').length;
        assert.ok(tiles > 0 || doc.querySelector('.empty-state h2')!.text === 'Nothing here yet', path);
      }
    });

    it('renders right-to-left editions with dir="rtl" and their language', async () => {
      for (const code of ['ar', 'fa']) {
        const { doc } = await getPage(site.app, `/${code}/`);
        const html = doc.querySelector('html')!;
        assert.equal(html.getAttribute('dir'), 'rtl');
        assert.equal(html.getAttribute('lang'), code);
      }
      assert.equal((await getPage(site.app, '/sq/')).doc.querySelector('html')!.getAttribute('dir'), 'ltr');
    });

    it('writes Farsi dates in the Persian calendar with Persian digits', async () => {
      const fa = demoEditions.fa;
      if (!fa) return;
      const { doc } = await getPage(site.app, enc(`/fa/${fa.articles[0]!.slug}/`));
      const time = doc.querySelector('.entry-header time')!;
      const expected = new Intl.DateTimeFormat('fa-IR', { calendar: 'persian', numberingSystem: 'arabext', dateStyle: 'long', timeZone: 'UTC' }).format(new Date(time.getAttribute('datetime')!));
      assert.equal(time.text, expected);
      assert.match(time.text, /[۰-۹]{4}/);
      assert.match(time.text, /(فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند)/);
    });

    it('links translations: the switcher leads to the translated article and hreflang alternates list it', async () => {
      const key = en.articles[0]!.key;
      const { doc } = await getPage(site.app, `/${en.articles[0]!.slug}/`);
      for (const edition of site.config.editions) {
        const demo = demoEditions[edition.code];
        const link = doc.querySelector(`.edition-switch a[lang="${edition.code}"]`)!;
        if (!demo) continue;
        const slug = demo.articles.find((a) => a.key === key)!.slug;
        const expected = enc(`${edition.prefix}/${slug}/`);
        assert.equal(link.getAttribute('href'), expected);
        assert.equal(doc.querySelector(`link[rel="alternate"][hreflang="${edition.code}"]`)!.getAttribute('href'), `https://news.example${expected}`);
        const target = await getPage(site.app, expected);
        assert.equal(target.status, 200, `percent-encoded ${edition.code} slug resolves`);
        assert.equal(target.doc.querySelector('h1.entry-title')!.text, demo.articles.find((a) => a.key === key)!.title);
      }
      assert.ok(doc.querySelector('link[rel="alternate"][hreflang="x-default"]'));
    });

    it('sends the switcher to the other edition’s home when there is no translation', async () => {
      const { doc } = await getPage(site.app, '/search?q=water');
      assert.equal(doc.querySelector('.edition-switch a[lang="sq"]')!.getAttribute('href'), '/sq/');
    });

    it('has a footer with social links, the copyright years and Back to top', async () => {
      const { doc } = await getPage(site.app, '/');
      assert.equal(doc.querySelectorAll('.site-footer .social a').length, 4);
      assert.match(doc.querySelector('.copyright')!.text, new RegExp(`2015–${new Date().getUTCFullYear()}`));
      assert.equal(doc.querySelector('.back-to-top')!.getAttribute('href'), '#top');
      assert.ok(doc.querySelector('#top'));
    });

    it('finds articles from the header search box', async () => {
      const word = en.articles[3]!.title.split(' ').find((w) => w.length > 6)!;
      const { status, doc } = await getPage(site.app, `/search?q=${encodeURIComponent(word)}`);
      assert.equal(status, 200);
      assert.ok(doc.querySelectorAll('.card-title a').some((a) => a.text === en.articles[3]!.title));
      assert.equal(doc.querySelector('meta[name="robots"]')!.getAttribute('content'), 'noindex');
      const shouted = await getPage(site.app, `/search?q=${encodeURIComponent(word.toUpperCase())}`);
      assert.ok(shouted.doc.querySelectorAll('.card-title a').some((a) => a.text === en.articles[3]!.title), 'search ignores letter case');
    });

    it('shows a Recent Posts sidebar with titles and dates', async () => {
      const { doc } = await getPage(site.app, '/tag/' + en.tags[0]!.slug + '/');
      const items = doc.querySelectorAll('.recent-posts li');
      assert.equal(items.length, 5);
      assert.equal(items[0]!.querySelector('a')!.text, en.articles[0]!.title);
      assert.ok(items[0]!.querySelector('time'));
    });
  });
}
