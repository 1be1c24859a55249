import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { ImportError, importWordpress, type ImportReport } from '../../../src/modules/import/index.js';
import { resolveRedirect } from '../../../src/modules/redirects/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../../../shared/fixtures/wxr/${name}`, import.meta.url));

interface Post {
  id: number;
  title: string;
  slug?: string;
  type?: string;
  status?: string;
  creator?: string;
  date?: string;
  dateGmt?: string;
  link?: string;
  parent?: number;
  content?: string;
  terms?: string;
  meta?: Record<string, string>;
  comments?: string;
  sticky?: boolean;
}

const cdata = (s: string) => `<![CDATA[${s}]]>`;

function item(p: Post): string {
  const meta = Object.entries(p.meta ?? {}).map(([k, v]) => `<wp:postmeta><wp:meta_key>${k}</wp:meta_key><wp:meta_value>${cdata(v)}</wp:meta_value></wp:postmeta>`).join('');
  return `<item><title>${cdata(p.title)}</title><link>${p.link ?? `https://old.example/?p=${p.id}`}</link><dc:creator>${cdata(p.creator ?? 'editor')}</dc:creator>
<content:encoded>${cdata(p.content ?? 'Some text.')}</content:encoded><excerpt:encoded>${cdata('')}</excerpt:encoded>
<wp:post_id>${p.id}</wp:post_id><wp:post_date>${p.date ?? '2019-05-03 12:30:00'}</wp:post_date><wp:post_date_gmt>${p.dateGmt ?? '2019-05-03 09:00:00'}</wp:post_date_gmt>
<wp:post_name>${cdata(p.slug ?? '')}</wp:post_name><wp:status>${p.status ?? 'publish'}</wp:status><wp:post_parent>${p.parent ?? 0}</wp:post_parent>
<wp:menu_order>0</wp:menu_order><wp:post_type>${p.type ?? 'post'}</wp:post_type><wp:is_sticky>${p.sticky ? 1 : 0}</wp:is_sticky>${p.type === 'attachment' ? `<wp:attachment_url>https://old.example/wp-content/uploads/${p.meta?._wp_attached_file ?? ''}</wp:attachment_url>` : ''}
${p.terms ?? ''}${meta}${p.comments ?? ''}</item>`;
}

function comment(id: number, content: string, approved: string, parent = 0): string {
  return `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>${cdata(`Reader ${id}`)}</wp:comment_author><wp:comment_author_email>r${id}@example.org</wp:comment_author_email>
<wp:comment_date>2019-05-04 10:00:00</wp:comment_date><wp:comment_date_gmt>2019-05-04 06:30:00</wp:comment_date_gmt><wp:comment_content>${cdata(content)}</wp:comment_content>
<wp:comment_approved>${approved}</wp:comment_approved><wp:comment_type></wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`;
}

function wxr(posts: Post[], channelExtra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old site</title><link>https://old.example</link><pubDate>Mon, 10 Jun 2024 12:29:10 +0000</pubDate><language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.example</wp:base_site_url><wp:base_blog_url>https://old.example</wp:base_blog_url>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login>${cdata('editor')}</wp:author_login><wp:author_email>${cdata('Editor@Example.org')}</wp:author_email><wp:author_display_name>${cdata('Ed Itor')}</wp:author_display_name></wp:author>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>world</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata('World')}</wp:cat_name></wp:category>
<wp:category><wp:term_id>4</wp:term_id><wp:category_nicename>asia</wp:category_nicename><wp:category_parent>world</wp:category_parent><wp:cat_name>${cdata('Asia')}</wp:cat_name></wp:category>
<wp:tag><wp:term_id>5</wp:term_id><wp:tag_slug>%d8%b3%d9%84%d8%a7%d9%85</wp:tag_slug><wp:tag_name>${cdata('سلام')}</wp:tag_name></wp:tag>
${channelExtra}
${posts.map(item).join('\n')}
</channel></rss>`;
}

const warningsAbout = (report: ImportReport, wpId: number) => report.warnings.filter((w) => w.wpId === wpId).map((w) => w.message).join(' | ');

for (const dialect of DIALECTS) {
  describe(`WordPress import on ${dialect}`, async () => {
    const skip = await dialectSkipReason(dialect);
    let site: TestSite;
    let dir: string;
    let uploads: string;
    const editions = ['en', 'ar', 'fa', 'sq'];
    const write = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const run = (file: string, extra: Partial<Parameters<typeof importWordpress>[1]> = {}) =>
      importWordpress(site.storage.db, { file, mediaDir: join(dir, 'data', 'media'), editions, uploadsDir: uploads, ...extra });
    const count = async (table: 'items' | 'comments' | 'users' | 'redirects' | 'import_sources' | 'media' | 'categories') =>
      Number((await site.storage.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const itemOf = (slug: string, edition = 'en') => site.storage.db.selectFrom('items').selectAll().where('slug', '=', slug).where('edition', '=', edition).executeTakeFirst();

    before(async () => {
      if (skip) return;
      dir = mkdtempSync(join(tmpdir(), 'nashr-wpimport-'));
      uploads = join(dir, 'uploads');
      mkdirSync(join(uploads, '2019', '05'), { recursive: true });
      await sharp({ create: { width: 800, height: 500, channels: 3, background: '#3a6ea5' } }).jpeg().toFile(join(uploads, '2019', '05', 'boat.jpg'));
      writeFileSync(join(dir, 'secret.jpg'), 'not for the library');
      site = await openTestSite(dialect, { seed: false, config: { dataDir: join(dir, 'data') } });
    });
    after(async () => {
      await site?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('refuses broken, unknown and hostile files with a clear error and writes nothing', { skip }, async () => {
      const users = await count('users');
      const lol = write('lol.xml', `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>`);
      const xxe = write('xxe.xml', `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>&x;</title></item></channel></rss>`);
      const cases: [string, RegExp][] = [
        [fixture('importer-malformed.xml'), /not well-formed XML/],
        [fixture('importer-invalid-version-tag.xml'), /unknown WXR version/],
        [lol, /document type/],
        [xxe, /document type/],
        [write('truncated.xml', wxr([{ id: 1, title: 'A' }]).slice(0, 900)), /not well-formed XML/],
        [write('text.xml', 'hello, world'), /not well-formed XML/],
        [join(dir, 'nothing-here.xml'), /no such file/],
      ];
      for (const [file, message] of cases) {
        await assert.rejects(run(file), (err: unknown) => err instanceof ImportError && message.test(err.message), file);
      }
      for (const table of ['items', 'redirects', 'import_sources', 'media', 'categories'] as const) assert.equal(await count(table), 0, `${table} untouched`);
      assert.equal(await count('users'), users, 'no author made');
      assert.deepEqual(readdirSync(join(dir, 'data', 'import')), [], 'no working file left behind');
    });

    it('imports posts, pages, terms, authors, comments and attachments, with warnings for what it had to change', { skip }, async () => {
      const file = write(
        'site.xml',
        wxr([
          { id: 10, title: 'The boat', slug: 'the-boat', link: 'https://old.example/2019/05/03/the-boat/', terms: '<category domain="category" nicename="asia"><![CDATA[Asia]]></category><category domain="post_tag" nicename="%d8%b3%d9%84%d8%a7%d9%85"><![CDATA[سلام]]></category>', meta: { _thumbnail_id: '30' },
            content: 'Look:\n\n<img src="https://old.example/wp-content/uploads/2019/05/boat-300x200.jpg" alt="Boat" />\n\n[gallery ids="30"] [unknown-thing]',
            comments: comment(100, 'First!', '1') + comment(101, 'A reply', '1', 100) + comment(102, 'Held <b>for</b> review', '0') + comment(103, 'Buy pills', 'spam') },
          { id: 11, title: 'Same slug', slug: 'the-boat', link: 'https://old.example/2019/05/04/the-boat/' },
          { id: 12, title: 'Reserved', slug: 'feed' },
          { id: 13, title: 'Nobody wrote this', slug: 'orphan', creator: 'ghost' },
          { id: 14, title: 'Out of time', slug: 'timeless', date: '0000-00-00 00:00:00', dateGmt: '9999-12-31 23:59:59' },
          { id: 15, title: 'Local time only', slug: 'local-time', date: '2020-01-01 03:30:00', dateGmt: '0000-00-00 00:00:00' },
          { id: 16, title: 'Secret', slug: 'secret', status: 'private' },
          { id: 17, title: 'Draft', slug: 'a-draft', status: 'draft' },
          { id: 20, title: 'About', slug: 'child', type: 'page', parent: 21, link: 'https://old.example/about/child/' },
          { id: 21, title: 'About us', slug: 'about', type: 'page', link: 'https://old.example/about/' },
          { id: 30, title: 'Boat photo', type: 'attachment', status: 'inherit', parent: 10, meta: { _wp_attached_file: '2019/05/boat.jpg', _wp_attachment_image_alt: 'A blue boat' }, link: 'https://old.example/2019/05/03/the-boat/boat/' },
          { id: 31, title: 'Escape', type: 'attachment', status: 'inherit', meta: { _wp_attached_file: '../secret.jpg' } },
          { id: 32, title: 'Missing', type: 'attachment', status: 'inherit', meta: { _wp_attached_file: '2019/05/gone.jpg' } },
          { id: 40, title: 'Menu', type: 'nav_menu_item' },
        ]),
      );
      const dry = await run(file, { dryRun: true });
      assert.equal(await count('items'), 0, 'the dry run wrote nothing');
      assert.equal(await count('media'), 0, 'the dry run copied nothing');
      const report = await run(file);
      assert.deepEqual(dry.counts.article, report.counts.article);
      assert.deepEqual(report.counts.article, { found: 8, imported: 8, updated: 0, skipped: 0 });
      assert.deepEqual(report.counts.page, { found: 2, imported: 2, updated: 0, skipped: 0 });
      assert.deepEqual(report.counts.attachment, { found: 3, imported: 1, updated: 0, skipped: 2 });
      assert.deepEqual(report.counts.comment, { found: 4, imported: 4, updated: 0, skipped: 0 });
      assert.deepEqual(report.counts.nav_menu_item, { found: 1, imported: 0, updated: 0, skipped: 1 });
      assert.deepEqual(report.unknownShortcodes, { 'unknown-thing': 1 });

      // Duplicate and reserved slugs get another, with a warning.
      assert.ok(await itemOf('the-boat-2'));
      assert.match(warningsAbout(report, 11), /"the-boat" is taken/);
      assert.ok(await itemOf('feed-2'));
      assert.match(warningsAbout(report, 12), /"feed" is taken/);
      // A creator missing from the author list is made from the login; the listed one keeps its email.
      assert.match(report.warnings.map((w) => w.message).join('\n'), /"ghost" writes items but is not in the export's list/);
      const ghost = await site.storage.db.selectFrom('users').select(['role', 'password_hash']).where('display_name', '=', 'ghost').executeTakeFirstOrThrow();
      assert.deepEqual(ghost, { role: 'none', password_hash: null });
      assert.ok(await site.storage.db.selectFrom('users').select('id').where('email', '=', 'editor@example.org').executeTakeFirst());
      // Dates: out of range gets the export's date with a warning; a local date is read in the site's offset (+3:30 here).
      assert.match(warningsAbout(report, 14), /out of range/);
      assert.equal((await itemOf('timeless'))!.published_at, '2024-06-10T12:29:10.000Z');
      assert.equal((await itemOf('local-time'))!.published_at, '2020-01-01T00:00:00.000Z');
      // Private posts stay private.
      assert.equal((await itemOf('secret'))!.status, 'draft');
      assert.match(warningsAbout(report, 16), /private/);
      // Attachments: the image is in the library with its variants; escaping and missing files are warnings.
      assert.match(warningsAbout(report, 31), /outside the uploads folder: refused/);
      assert.match(warningsAbout(report, 32), /not in the uploads folder/);
      const boat = (await itemOf('the-boat'))!;
      const media = await site.storage.db.selectFrom('media').selectAll().executeTakeFirstOrThrow();
      assert.equal(boat.featured_media_id, media.id);
      assert.equal(media.alt, 'A blue boat');
      assert.ok(JSON.parse(media.variants).length >= 3);
      const body = (await site.storage.db.selectFrom('item_bodies').select('body_html').where('item_id', '=', boat.id).executeTakeFirstOrThrow()).body_html;
      assert.match(body, new RegExp(`<img src="/media/${media.path}"`));
      assert.match(body, /<section class="gallery">/);
      assert.doesNotMatch(body, /wp-content/);
      // Terms: the category with its parent, the Persian tag with a decoded slug.
      const asia = await site.storage.db.selectFrom('categories').selectAll().where('slug', '=', 'asia').executeTakeFirstOrThrow();
      const world = await site.storage.db.selectFrom('categories').selectAll().where('slug', '=', 'world').executeTakeFirstOrThrow();
      assert.equal(asia.parent_id, world.id);
      assert.equal(boat.category_id, asia.id);
      assert.ok(await site.storage.db.selectFrom('tags').select('id').where('slug', '=', 'سلام').executeTakeFirst());
      // Pages keep their parent even when the child comes first.
      assert.equal((await itemOf('child'))!.parent_id, (await itemOf('about'))!.id);
      // Comments: threaded, with their status, and the count of approved ones.
      const comments = await site.storage.db.selectFrom('comments').selectAll().where('item_id', '=', boat.id).orderBy('body').execute();
      assert.deepEqual(comments.map((c) => [c.body, c.status, c.depth]), [['A reply', 'approved', 2], ['Buy pills', 'spam', 1], ['First!', 'approved', 1], ['Held for review', 'pending', 1]]);
      assert.equal(comments[0]!.parent_id, comments[2]!.id);
      assert.equal(boat.comment_count, 2);
      // Every old address leads to the new one.
      const to = async (from: string) => (await resolveRedirect(site.storage.db, from))?.to;
      assert.equal(await to('/?p=10'), '/the-boat/');
      assert.equal(await to('/2019/05/03/the-boat/'), '/the-boat/');
      assert.equal(await to('/2019/05/04/the-boat/'), '/the-boat-2/');
      assert.equal(await to('/?page_id=20'), '/child/');
      assert.equal(await to('/about/child/'), '/child/');
      assert.equal(await to('/?cat=4'), '/category/world/asia/');
      assert.equal(await to('/category/world/asia/'), undefined, 'the category archive is at the same address');
      assert.equal(await to('/tag/%d8%b3%d9%84%d8%a7%d9%85/'), undefined, 'the tag archive is at the same address');
      assert.equal(await to('/?attachment_id=30'), `/media/${media.path}`);
      assert.equal(await to('/wp-content/uploads/2019/05/boat.jpg'), `/media/${media.path}`);
      assert.equal(await to('/?p=17'), undefined, 'drafts had no public address');
      const res = await site.app.inject({ method: 'GET', url: '/?p=10' });
      assert.equal(res.statusCode, 301);
      assert.equal(res.headers.location, '/the-boat/');
      // The imported site shows them.
      assert.equal((await site.app.inject({ method: 'GET', url: '/the-boat/' })).statusCode, 200);
      assert.equal((await site.app.inject({ method: 'GET', url: '/category/world/asia/' })).statusCode, 200);

      assert.deepEqual(readdirSync(join(dir, 'data', 'import')), [], 'working files removed');
      // A second run changes nothing …
      const items = await count('items');
      const again = await run(file);
      for (const [kind, c] of Object.entries(again.counts)) assert.equal(c.imported + c.updated, 0, kind);
      assert.equal(await count('items'), items);
      assert.equal(await count('media'), 1);
      // … and a post changed in WordPress is updated by its id.
      const changed = await run(write('site-2.xml', wxr([{ id: 11, title: 'Same slug, new title', slug: 'the-boat', link: 'https://old.example/2019/05/04/the-boat/', comments: comment(110, 'Late comment', '1') }])));
      assert.deepEqual(changed.counts.article, { found: 1, imported: 0, updated: 1, skipped: 0 });
      assert.equal((await itemOf('the-boat-2'))!.title, 'Same slug, new title');
      assert.equal((await itemOf('the-boat-2'))!.comment_count, 1);
      assert.equal(await count('items'), items);
    });

    it('imports sticky posts as pinned items, and unpins a post no longer sticky', { skip }, async () => {
      const posts = (sticky: boolean) => [{ id: 701, title: 'Read this first', slug: 'read-first', sticky }, { id: 702, title: 'An ordinary post', slug: 'ordinary-post' }];
      const report = await run(write('sticky.xml', wxr(posts(true))));
      assert.deepEqual(report.counts.pinned, { found: 1, imported: 1, updated: 0, skipped: 0 });
      assert.equal(warningsAbout(report, 701), '');
      assert.equal((await itemOf('read-first'))!.pinned, 1);
      assert.equal((await itemOf('ordinary-post'))!.pinned, 0);
      const page = await site.app.inject({ method: 'GET', url: '/' });
      assert.ok(page.body.indexOf('Read this first') < page.body.indexOf('An ordinary post'), 'first on the home page');
      const again = await run(write('sticky-2.xml', wxr(posts(false))));
      assert.deepEqual(again.counts.article, { found: 2, imported: 0, updated: 1, skipped: 1 });
      assert.equal((await itemOf('read-first'))!.pinned, 0);
    });

    it('puts Polylang languages into editions and links their translations', { skip }, async () => {
      const terms = (lang: string, group: string) => `<category domain="language" nicename="${lang}"><![CDATA[${lang}]]></category><category domain="post_translations" nicename="${group}"><![CDATA[${group}]]></category>`;
      const report = await run(
        write('polylang.xml', wxr([
          { id: 501, title: 'Peace', slug: 'peace', terms: terms('en', 'pll_abc') },
          { id: 502, title: 'صلح', slug: '%d8%b5%d9%84%d8%ad', terms: terms('fa', 'pll_abc') },
          { id: 503, title: 'Paqe', slug: 'paqe', terms: terms('sq', 'pll_abc') },
          { id: 504, title: 'Bonjour', slug: 'bonjour', terms: terms('fr', 'pll_def') },
        ]).replace('https://old.example', 'https://pll.example').replaceAll('https://old.example', 'https://pll.example')),
      );
      const en = (await itemOf('peace', 'en'))!;
      const fa = (await itemOf('صلح', 'fa'))!;
      const sq = (await itemOf('paqe', 'sq'))!;
      assert.ok(en.translation_key);
      assert.equal(fa.translation_key, en.translation_key);
      assert.equal(sq.translation_key, en.translation_key);
      assert.ok(await itemOf('bonjour', 'en'), 'a language without an edition goes to the default one');
      assert.match(report.warnings.map((w) => w.message).join('\n'), /no edition for the language "fr"/);
      assert.equal((await resolveRedirect(site.storage.db, '/?p=502'))?.to, '/fa/%D8%B5%D9%84%D8%AD/');
      assert.equal((await site.app.inject({ method: 'GET', url: '/fa/%D8%B5%D9%84%D8%AD/' })).statusCode, 200);
    });

    it('reads WPML\'s languages and translation groups', { skip }, async () => {
      const wpml = (lang: string, group: string) => ({ _wpml_import_language_code: lang, _wpml_import_translation_group: group });
      await run(write('wpml.xml', wxr([
        { id: 701, title: 'Hello', slug: 'hello', meta: wpml('en', '9') },
        { id: 702, title: 'مرحبا', slug: 'marhaba', meta: wpml('ar', '9') },
      ]).replaceAll('https://old.example', 'https://wpml.example')));
      const en = (await itemOf('hello', 'en'))!;
      assert.ok(en.translation_key);
      assert.equal((await itemOf('marhaba', 'ar'))!.translation_key, en.translation_key);
    });

    it('resumes an import that stopped halfway, without doubling anything', { skip }, async () => {
      const posts = Array.from({ length: 7 }, (_, i) => ({ id: 800 + i, title: `Resume ${i}`, slug: `resume-${i}`, comments: comment(8000 + i, `Comment ${i}`, '1') }));
      const file = write('resume.xml', wxr(posts).replaceAll('https://old.example', 'https://resume.example'));
      // The process "dies" after the first batch of two posts is committed.
      await assert.rejects(
        run(file, { batchSize: 2, onProgress: (p) => { if (p.phase === 'items') throw new Error('power cut'); } }),
        /power cut/,
      );
      assert.ok(await itemOf('resume-1'));
      assert.equal(await itemOf('resume-2'), undefined);
      const report = await run(file, { batchSize: 2 });
      assert.match(report.warnings.map((w) => w.message).join('\n'), /stopped after 2 item\(s\): resumed/);
      assert.deepEqual(report.counts.article, { found: 7, imported: 5, updated: 0, skipped: 2 });
      for (let i = 0; i < 7; i++) assert.equal((await itemOf(`resume-${i}`))!.comment_count, 1);
      assert.equal(Number((await site.storage.db.selectFrom('import_checkpoints').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n), 0, 'done: no checkpoint left');
      const again = await run(file, { batchSize: 2 });
      assert.deepEqual(again.counts.article, { found: 7, imported: 0, updated: 0, skipped: 7 });
    });

    it('items of one batch that want the same address, translation group or WordPress id end up as they would one at a time', { skip }, async () => {
      const group = '<category domain="language" nicename="en"><![CDATA[en]]></category><category domain="post_translations" nicename="pll_twin"><![CDATA[pll_twin]]></category>';
      const report = await run(write('batch.xml', wxr([
        { id: 901, title: 'Twin one', slug: 'twin', terms: group },
        { id: 902, title: 'Twin two', slug: 'twin', terms: group },
        { id: 903, title: 'Parent page', slug: 'parent-page', type: 'page' },
        { id: 904, title: 'Child page', slug: 'child-page', type: 'page', parent: 903 },
        { id: 905, title: 'Twice, first', slug: 'twice', comments: comment(9050, 'Said twice', '1') },
        { id: 905, title: 'Twice, second', slug: 'twice', comments: comment(9050, 'Said twice', '1') + comment(9051, 'Said once', '1') },
      ]).replaceAll('https://old.example', 'https://batch.example')));
      const one = (await itemOf('twin'))!;
      const two = (await itemOf('twin-2'))!;
      assert.ok(one.translation_key);
      assert.equal(two.translation_key, null);
      assert.match(warningsAbout(report, 902), /"twin" is taken/);
      assert.match(warningsAbout(report, 902), /same translation group: not linked/);
      assert.equal((await itemOf('child-page'))!.parent_id, (await itemOf('parent-page'))!.id);
      assert.deepEqual(report.counts.article, { found: 4, imported: 3, updated: 1, skipped: 0 });
      assert.equal((await itemOf('twice'))!.title, 'Twice, second');
      assert.equal(await itemOf('twice-2'), undefined);
      const twice = await site.storage.db.selectFrom('comments').select('body').where('item_id', '=', (await itemOf('twice'))!.id).orderBy('body').execute();
      assert.deepEqual(twice.map((c) => c.body), ['Said once', 'Said twice'], 'a comment the export lists twice is stored once');
    });

    it('maps custom post types with a mapping file, and --edition puts everything in one edition', { skip }, async () => {
      const mapping = write('mapping.json', JSON.stringify({ types: { book: 'book', product: 'skip' } }));
      const report = await run(write('cpt.xml', wxr([{ id: 601, title: 'A book', slug: 'a-book', type: 'book' }, { id: 602, title: 'A product', type: 'product' }]).replaceAll('https://old.example', 'https://cpt.example')), { mapping, edition: 'ar' });
      assert.deepEqual(report.counts.book, { found: 1, imported: 1, updated: 0, skipped: 0 });
      assert.deepEqual(report.counts.product, { found: 1, imported: 0, updated: 0, skipped: 1 });
      assert.equal((await itemOf('a-book', 'ar'))!.type, 'book');
      assert.equal((await site.app.inject({ method: 'GET', url: '/ar/a-book/' })).statusCode, 200);
      await assert.rejects(run(write('cpt2.xml', wxr([])), { mapping: write('bad.json', '{"types":{"book":"novel"}}') }), /mapping file/);
    });
  });
}
