import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { htmlCheckerSkipReason, htmlErrors } from '../../support/html-checker.js';
import { demoEditions } from '../../../src/modules/demo/editions/index.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { addMediaContent } from '../../support/media-content.js';


describe('public pages are valid HTML (Nu Html Checker)', { skip: await htmlCheckerSkipReason() }, () => {
  let site: TestSite;
  before(async () => {
    site = await openTestSite('sqlite');
  });
  after(() => site?.close());

  it('reports no errors on newsroom pages', async () => {
    const admin = await makeUser(site.storage.db, 'administrator');
    const c = new NewsroomClient(site.app);
    const signInPage = await c.get('/admin/sign-in');
    await c.signIn(admin.email);
    const item = await site.storage.db.selectFrom('items').select(['id', 'slug']).where('edition', '=', 'fa').orderBy('id').executeTakeFirstOrThrow();
    await c.get(`/admin/items/${item.id}`);
    await c.post(`/admin/items/${item.id}`, { title: 'عنوان تازه', slug: item.slug, status: 'published' });
    const revs = await site.storage.db.selectFrom('item_revisions').select('id').where('item_id', '=', item.id).orderBy('id').execute();
    const media = await site.storage.db.selectFrom('media').select('id').orderBy('id').executeTakeFirstOrThrow();
    const paths = ['/admin', '/admin/items?type=article&edition=fa', `/admin/items/${item.id}`, '/admin/items/new?edition=en&type=page', `/admin/items/${item.id}/revisions`,
      `/admin/items/${item.id}/revisions/compare?from=${revs[0]!.id}&to=${revs[revs.length - 1]!.id}`, `/admin/items/${item.id}/delete`, '/admin/media', `/admin/media/${media.id}`,
      `/admin/media/${media.id}/delete`, '/admin/menus?edition=ar', '/admin/settings', '/admin/users', '/admin/users/new', '/admin/account', '/admin/no-such-page'];
    // The contact inbox, with a message to list and open.
    const message = await site.storage.db.insertInto('contact_messages')
      .values({ edition: 'fa', name: 'مریم', email: 'maryam@example.org', subject: 'پرسش', body: 'سلام\n<b>متن</b>', created_at: new Date().toISOString(), ip: '10.0.0.1' })
      .returning('id').executeTakeFirstOrThrow();
    paths.push('/admin/inbox', '/admin/inbox?show=archived', `/admin/inbox/${message.id}`);
    // The editor of every type, new and saved (a gallery with photos, a periodical with an issue).
    for (const type of ['cartoon', 'newspic', 'gallery', 'video', 'book', 'periodical', 'issue']) paths.push(`/admin/items/new?edition=${type === 'newspic' || type === 'issue' ? 'fa' : 'en'}&type=${type}`);
    const saved = async (edition: string, type: string, form: Record<string, string | string[]>) => {
      await c.get(`/admin/items/new?edition=${edition}&type=${type}`);
      const res = await c.post(`/admin/items?edition=${edition}&type=${type}`, { status: 'draft', ...form });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      return Number(String(res.headers.location).match(/items\/(\d+)/)?.[1]);
    };
    const gallery = await saved('fa', 'gallery', { title: 'گالری', addPhotoIds: [String(media.id), String(media.id)] });
    const periodical = await saved('fa', 'periodical', { title: 'خبرنامه' });
    const issue = await saved('fa', 'issue', { title: 'شماره ۱', parentId: String(periodical), number: '1', contentsRow: '0', 'contents[0][title]': 'سرمقاله' });
    paths.push(`/admin/items/${gallery}`, `/admin/items/${periodical}`, `/admin/items/${issue}`, '/admin/items?type=gallery');
    const pages = [{ path: '/admin/sign-in', body: signInPage.body }];
    for (const path of paths) pages.push({ path, body: (await c.get(path)).body });
    assert.deepEqual(await htmlErrors(pages), []);
  });

  it('reports no errors on every page type in LTR and RTL editions', async () => {
    const en = demoEditions.en!;
    const fa = demoEditions.fa!;
    const enc = encodeURIComponent;
    const paths = [
      '/', '/page/2/', `/${en.articles[0]!.slug}/`, `/category/${en.categories[0]!.slug}/`, `/tag/${en.tags[0]!.slug}/`,
      `/author/${en.authors[0]!.slug}/`, '/2025/', `/${en.pages.about.slug}/`, '/cartoons/', '/search?q=water', '/missing/',
      '/fa/', `/fa/${enc(fa.articles[0]!.slug)}/`, `/fa/category/${enc(fa.categories[0]!.slug)}/`, '/ar/', '/sq/',
    ];
    // The contact page with its form, the form refused with messages, and the confirmation.
    paths.push(`/${en.pages.contact.slug}/`, `/fa/${enc(fa.pages.contact.slug)}/`, `/fa/${enc(fa.pages.contact.slug)}/?sent=1`);
    const pages = [];
    for (const path of paths) pages.push({ path, body: (await site.app.inject({ url: path })).body });
    const refused = await site.app.inject({ method: 'POST', url: '/fa/contact', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=&email=bad&message=&token=x' });
    assert.equal(refused.statusCode, 400);
    pages.push({ path: 'POST /fa/contact (refused)', body: refused.body });
    assert.deepEqual(await htmlErrors(pages), []);
  });

  it('reports no errors on media and publication pages in LTR and RTL editions', async () => {
    const made = await addMediaContent(site.storage.db, site.config.dataDir, 'en');
    const fa = await addMediaContent(site.storage.db, site.config.dataDir, 'fa', { perType: 1 });
    const paths: string[] = [];
    for (const [prefix, c] of [['', made], ['/fa', fa]] as const) {
      paths.push(
        ...['/cartoons/', '/newspics/', '/gallery/', '/videos/', '/books/'].map((p) => prefix + p),
        ...[c.cartoon.slug, c.gallery.slug, `${c.gallery.slug}/photo/2`, c.videos.file, c.videos.youtube, c.videos.direct, c.book.slug, c.periodical.slug, c.issues[0]!.slug, c.article.slug].map((s) => `${prefix}/${s}/`),
      );
    }
    paths.push('/newsletter/');
    const pages = [];
    for (const path of paths) pages.push({ path, body: (await site.app.inject({ url: path })).body });
    assert.deepEqual(await htmlErrors(pages), []);
  });

  it('reports no errors on comment threads, the comment form, its refusal and the moderation screens', async () => {
    const db = site.storage.db;
    const fa = demoEditions.fa!;
    const enc = encodeURIComponent;
    const faItem = await db.selectFrom('items').select(['id', 'slug']).where('edition', '=', 'fa').where('slug', '=', fa.articles[1]!.slug).executeTakeFirstOrThrow();
    const enItem = await db.selectFrom('items').select(['id', 'slug']).where('edition', '=', 'en').where('type', '=', 'article').where('status', '=', 'published').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const add = async (itemId: number, edition: string, parentId: number | null, depth: number, name: string, body: string, status = 'approved') =>
      (await db.insertInto('comments').values({ item_id: itemId, parent_id: parentId, edition, depth, author_name: name, author_email: 'x@example.org', user_id: null, body, status, created_at: new Date().toISOString(), ip: '10.0.0.2', user_agent: null, content_hash: `${itemId}-${name}-${body}` }).returning('id').executeTakeFirstOrThrow()).id;
    const top = await add(faItem.id, 'fa', null, 1, 'مریم', 'نوشتهٔ خوبی بود.\n\nببینید https://example.org/گزارش?x=1&y=2 را.');
    const reply = await add(faItem.id, 'fa', top, 2, '<b>Ali</b>', 'پاسخ <script>alert(1)</script>');
    await add(faItem.id, 'fa', reply, 3, 'سارا', 'پاسخ به پاسخ.');
    await add(enItem.id, 'en', null, 1, 'Held', 'Waiting.', 'pending');
    await db.updateTable('items').set({ comment_count: 3 }).where('id', '=', faItem.id).execute();
    const faUrl = `/fa/${enc(faItem.slug)}/`;
    const pages = [];
    for (const path of [faUrl, `${faUrl}?replyto=${top}`, `${faUrl}?comment=held`, `/${enItem.slug}/?comment=published`]) pages.push({ path, body: (await site.app.inject({ url: path })).body });
    await db.updateTable('items').set({ comments_closed: 1 }).where('id', '=', enItem.id).execute();
    pages.push({ path: 'closed', body: (await site.app.inject({ url: `/${enItem.slug}/` })).body });
    await db.updateTable('items').set({ comments_closed: 0 }).where('id', '=', enItem.id).execute();
    const refused = await site.app.inject({ method: 'POST', url: '/fa/comments', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `item_id=${faItem.id}&parent_id=${top}&name=&email=bad&body=&token=x` });
    assert.equal(refused.statusCode, 400);
    pages.push({ path: 'POST /fa/comments (refused)', body: refused.body });

    const admin = await makeUser(db, 'administrator');
    const c = new NewsroomClient(site.app);
    await c.signIn(admin.email);
    for (const path of ['/admin/comments', '/admin/comments?status=all', `/admin/comments?item=${faItem.id}&status=all`, `/admin/comments/${top}/reply`]) pages.push({ path, body: (await c.get(path)).body });
    assert.deepEqual(await htmlErrors(pages), []);
  });
});
