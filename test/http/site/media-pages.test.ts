import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setSetting } from '../../../src/modules/settings/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { addMediaContent, type MediaContent } from '../../support/media-content.js';
import { getPage, openTestSite, type TestSite } from '../../support/test-site.js';

for (const dialect of DIALECTS) {
  describe(`media and publication pages on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let c: MediaContent & { ids: Record<string, number> };
    before(async () => {
      site = await openTestSite(dialect, { seed: false });
      c = await addMediaContent(site.storage.db, site.config.dataDir, 'en');
      // Two to a page, so three items make two pages.
      await setSetting(site.storage.db, 'en', 'perPage', 2);
    });
    after(() => site?.close());

    it('lists every media section as a grid with Newer/Older pages and a 404 past the end', async () => {
      for (const [path, count] of [['/cartoons/', c.counts.cartoon], ['/newspics/', c.counts.newspic], ['/videos/', c.counts.video], ['/books/', c.counts.book]] as const) {
        const pages = Math.ceil(count / 2);
        let seen = 0;
        for (let n = 1; n <= pages; n++) {
          const { status, doc } = await getPage(site.app, n === 1 ? path : `${path}page/${n}/`);
          assert.equal(status, 200, `${path} page ${n}`);
          assert.ok(doc.querySelector('.site-header') && doc.querySelector('.sidebar') && doc.querySelector('.site-footer'), 'same chrome as articles');
          const tiles = doc.querySelectorAll('.tile-grid .tile');
          seen += tiles.length;
          for (const tile of tiles) {
            assert.ok(tile.querySelector('.tile-image img[alt]'), 'a picture');
            assert.ok(tile.querySelector('.tile-title a')!.text.length > 0, 'a title');
            assert.ok(tile.querySelector('time[datetime]'), 'a date');
          }
          assert.equal(doc.querySelector('.pagination .older')?.getAttribute('href') ?? null, n < pages ? `${path}page/${n + 1}/` : null);
          assert.equal(doc.querySelector('.pagination .newer')?.getAttribute('href') ?? null, n === 1 ? null : n === 2 ? path : `${path}page/${n - 1}/`);
        }
        assert.equal(seen, count, `${path} lists every item once`);
        assert.equal((await getPage(site.app, `${path}page/${pages + 1}/`)).status, 404, `${path} past the end`);
      }
      const first = await site.app.inject({ url: '/cartoons/page/1/' });
      assert.equal(first.statusCode, 301);
      assert.equal(first.headers.location, '/cartoons/');
    });

    it('shows a book tile with author and year, an album tile with its photo count, and an honest empty listing', async () => {
      const books = await getPage(site.app, '/books/');
      const facts = books.doc.querySelectorAll('.tile')[0]!.querySelectorAll('.tile-fact').map((f) => f.text);
      assert.deepEqual(facts, [`Author ${c.counts.book}`, String(2000 + c.counts.book)]);
      const gallery = await getPage(site.app, '/gallery/');
      assert.equal(gallery.doc.querySelector('.tile-badge')!.text, '5 photos');
      const empty = await getPage(site.app, '/fa/gallery/');
      assert.equal(empty.status, 200);
      assert.ok(empty.doc.querySelector('.empty-state h2'));
    });

    it('shows a cartoon large with caption, credit, date, share links and comment count', async () => {
      const { status, doc } = await getPage(site.app, `/${c.cartoon.slug}/`);
      assert.equal(status, 200);
      assert.match(doc.querySelector('h1.entry-title')!.text, /^Cartoon 1/);
      assert.ok(doc.querySelector('.media-figure picture img[alt]'));
      assert.equal(doc.querySelector('.media-figure .caption')!.text, c.cartoon.caption);
      assert.equal(doc.querySelector('.media-figure .credit bdi')!.text, c.cartoon.credit);
      assert.ok(doc.querySelector('.entry-header time[datetime]'));
      assert.equal(doc.querySelectorAll('.entry > .share a').length, 7);
      assert.equal(doc.querySelector('#comments h2')!.text, 'No comments');
      assert.equal(doc.querySelector('.breadcrumbs a[href="/cartoons/"]')!.text, 'Cartoons');
    });

    it('shows an album as a grid of photos linking to per-photo pages with previous/next links', async () => {
      const album = await getPage(site.app, `/${c.gallery.slug}/`);
      assert.equal(album.status, 200);
      const links = album.doc.querySelectorAll('.photo-grid a');
      assert.deepEqual(links.map((a) => a.getAttribute('href')), [1, 2, 3, 4, 5].map((n) => `/${c.gallery.slug}/photo/${n}/`));
      assert.ok(links.every((a) => a.getAttribute('data-large')!.startsWith('/media/')));
      assert.equal(album.doc.querySelector('.entry-content p')!.text, 'An album of five photos.');
      const first = await getPage(site.app, `/${c.gallery.slug}/photo/1/`);
      assert.equal(first.doc.querySelector('.photo-prev'), null);
      assert.equal(first.doc.querySelector('.photo-next')!.getAttribute('href'), `/${c.gallery.slug}/photo/2/`);
      const middle = await getPage(site.app, `/${c.gallery.slug}/photo/3/`);
      assert.equal(middle.status, 200);
      assert.equal(middle.doc.querySelector('.photo-position')!.text, 'Photo 3 of 5');
      assert.equal(middle.doc.querySelector('.photo-prev')!.getAttribute('href'), `/${c.gallery.slug}/photo/2/`);
      assert.equal(middle.doc.querySelector('.photo-back')!.getAttribute('href'), `/${c.gallery.slug}/`);
      assert.equal(middle.doc.querySelector('.photo-large .caption')!.text, c.gallery.photos[2]!.caption, 'a photo without its own caption shows the library’s');
      assert.equal(middle.doc.querySelector('link[rel="canonical"]')!.getAttribute('href'), `https://news.example/${c.gallery.slug}/photo/3/`);
      const last = await getPage(site.app, `/${c.gallery.slug}/photo/5/`);
      assert.equal(last.doc.querySelector('.photo-next'), null);
      assert.equal(last.doc.querySelector('.photo-large .credit bdi')!.text, 'Credit 5');
      for (const bad of ['6', '0', 'x', '01']) assert.equal((await getPage(site.app, `/${c.gallery.slug}/photo/${bad}/`)).status, 404, bad);
      assert.equal((await getPage(site.app, `/${c.cartoon.slug}/photo/1/`)).status, 404, 'only galleries have photos');
    });

    it('plays an uploaded video in <video> with the featured image as poster', async () => {
      const { doc } = await getPage(site.app, `/${c.videos.file}/`);
      const video = doc.querySelector('.video-frame video')!;
      assert.equal(video.getAttribute('preload'), 'metadata');
      assert.ok(video.hasAttribute('controls'));
      assert.match(video.getAttribute('poster')!, /^\/media\/generated\//);
      assert.equal(video.querySelector('source')!.getAttribute('type'), 'video/mp4');
      assert.match(video.querySelector('source')!.getAttribute('src')!, /^\/media\/files\/.*\.mp4$/);
      assert.equal(doc.querySelector('.entry > .credit bdi')!.text, 'Video team');
    });

    it('shows YouTube and Vimeo as a local click-to-load poster with no frame in the page', async () => {
      for (const [slug, host] of [[c.videos.youtube, 'www.youtube.com'], [c.videos.vimeo, 'vimeo.com']] as const) {
        const { body, doc } = await getPage(site.app, `/${slug}/`);
        const link = doc.querySelector('figure.video-embed a.video-embed-link')!;
        assert.equal(new URL(link.getAttribute('href')!).host, host);
        assert.match(link.querySelector('img')!.getAttribute('src')!, /^\/media\//, 'the poster is ours');
        assert.equal(doc.querySelector('iframe'), null);
        assert.doesNotMatch(body, /youtube-nocookie|player\.vimeo|ytimg/);
      }
    });

    it('plays a linked video file, allowing exactly its host in that page’s media-src', async () => {
      const res = await getPage(site.app, `/${c.videos.direct}/`);
      assert.equal(res.doc.querySelector('.video-frame source')!.getAttribute('src'), 'https://cdn.example.org/films/clip.webm');
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /media-src 'self' https:\/\/cdn\.example\.org(;|$)/);
      const other = await getPage(site.app, `/${c.videos.file}/`);
      assert.match(String(other.headers['content-security-policy']), /media-src 'self';/);
    });

    it('shows a book with its facts, a PDF download with its size and a purchase link', async () => {
      const { doc } = await getPage(site.app, `/${c.book.slug}/`);
      const facts = Object.fromEntries(doc.querySelectorAll('.book-facts dl > div').map((d) => [d.querySelector('dt')!.text, d.querySelector('dd')!.text]));
      assert.deepEqual(facts, { Author: c.book.author, Publisher: c.book.publisher, Year: '2001', Language: 'English' });
      assert.ok(doc.querySelector('.book-cover img'));
      const pdf = doc.querySelector('a.download')!;
      assert.equal(pdf.getAttribute('href'), `/media/download/${c.book.pdfId}`);
      assert.equal(pdf.text, 'Download PDF (\u20681.2 MB\u2069)');
      const buy = doc.querySelector('a.buy')!;
      assert.equal(buy.getAttribute('href'), c.book.purchaseUrl);
      assert.equal(buy.getAttribute('rel'), 'noopener');
      assert.equal(doc.querySelector('.entry-content p')!.text, 'About book 1.');
    });

    it('shows a periodical with its latest issue large and every issue by year, newest first', async () => {
      const { status, doc } = await getPage(site.app, `/${c.periodical.slug}/`);
      assert.equal(status, 200);
      assert.equal(doc.querySelector('h1')!.text, c.periodical.title);
      const latest = doc.querySelector('.latest-issue')!;
      assert.equal(latest.querySelector('h2 a')!.getAttribute('href'), `/${c.issues[0]!.slug}/`);
      assert.equal(latest.querySelector('.issue-number')!.text, 'No. 4');
      assert.ok(latest.querySelector('.issue-cover img'));
      assert.deepEqual(latest.querySelectorAll('.issue-contents li').map((li) => [li.text, li.querySelector('a')?.getAttribute('href') ?? null]), [
        ['The linked article', `/${c.article.slug}/`],
        ['A draft not linked', null],
        ['Plain entry', null],
      ]);
      assert.equal(latest.querySelector('a.download')!.text, 'Download PDF (\u2068456 kB\u2069)');
      const years = doc.querySelectorAll('.issue-year');
      assert.deepEqual(years.map((y) => y.querySelector('h3')!.text), ['2024', '2023']);
      assert.deepEqual(years.map((y) => y.querySelectorAll('.issue-tile-title').map((a) => a.text)), [['Bulletin No. 4', 'Bulletin No. 3'], ['Bulletin No. 2', 'Bulletin No. 1']]);
    });

    it('shows an issue with its cover, number, date, linked contents and PDF, under its periodical', async () => {
      const { doc } = await getPage(site.app, `/${c.issues[0]!.slug}/`);
      assert.equal(doc.querySelector('h1')!.text, 'Bulletin No. 4');
      assert.equal(doc.querySelector('.entry-header .category-label')!.getAttribute('href'), `/${c.periodical.slug}/`);
      assert.equal(doc.querySelector('.entry-header time')!.getAttribute('datetime'), c.issues[0]!.publishedAt);
      assert.ok(doc.querySelector('.issue-cover img'));
      assert.equal(doc.querySelector('.issue-contents a')!.text, 'The linked article');
      assert.match(doc.querySelector('a.download')!.getAttribute('href')!, /^\/media\/download\/\d+$/);
    });

    it('turns lone video links in an article body into players and posters, and leaves links in sentences alone', async () => {
      const { doc, headers } = await getPage(site.app, `/${c.article.slug}/`);
      const body = doc.querySelector('.entry-content')!;
      assert.equal(body.querySelector('video')!.getAttribute('src'), 'https://cdn.example.org/films/talk.mp4');
      assert.equal(body.querySelector('video')!.getAttribute('preload'), 'metadata');
      assert.equal(body.querySelector('figure.video-embed a.video-embed-link')!.getAttribute('href'), 'https://youtu.be/dQw4w9WgXcQ');
      assert.ok(body.querySelectorAll('p a').some((a) => a.getAttribute('href') === 'https://example.org/x.mp4'));
      assert.equal(body.querySelectorAll('video').length, 1);
      assert.match(String(headers['content-security-policy']), /media-src 'self' https:\/\/cdn\.example\.org;/);
    });

    it('leads the menu periodicals to an honest empty page while an edition has none', async () => {
      const { status, doc } = await getPage(site.app, '/newsletter/');
      assert.equal(status, 200);
      assert.equal(doc.querySelector('.empty-state h2')!.text, 'Nothing here yet');
      assert.equal((await getPage(site.app, '/no-such-periodical/')).status, 404);
    });

    it('links translations of media items through the switcher and hreflang', async () => {
      const fa = await addMediaContent(site.storage.db, site.config.dataDir, 'fa', { perType: 1, translationOf: { gallery: c.ids.gallery } });
      const { doc } = await getPage(site.app, `/${c.gallery.slug}/`);
      assert.equal(doc.querySelector('.edition-switch a[lang="fa"]')!.getAttribute('href'), `/fa/${fa.gallery.slug}/`);
      assert.equal(doc.querySelector('link[rel="alternate"][hreflang="fa"]')!.getAttribute('href'), `https://news.example/fa/${fa.gallery.slug}/`);
      const faPage = await getPage(site.app, `/fa/${fa.gallery.slug}/`);
      assert.equal(faPage.doc.querySelector('html')!.getAttribute('dir'), 'rtl');
      assert.equal(faPage.doc.querySelector('.edition-switch a[lang="en"]')!.getAttribute('href'), `/${c.gallery.slug}/`);
      const photo = await getPage(site.app, `/fa/${fa.gallery.slug}/photo/2/`);
      assert.equal(photo.doc.querySelector('.photo-position')!.text, 'عکس ۲ از ۵');
      assert.equal(photo.doc.querySelector('.edition-switch a[lang="en"]')!.getAttribute('href'), `/${c.gallery.slug}/`);
    });
  });
}
