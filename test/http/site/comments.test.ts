import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { ManualClock } from '../../../src/lib/clock.js';
import { MAX_FORM_AGE_MS } from '../../../src/modules/comments/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { Commenter, commentCount, commentForm, setCommentSettings, storedComments } from '../../support/comments.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { getPage, openTestSite, type TestSite } from '../../support/test-site.js';

for (const dialect of DIALECTS) {
  describe(`readers' comments on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    const clock = new ManualClock(new Date());
    let reader: Commenter;
    let editor: NewsroomClient;
    let db: TestSite['storage']['db'];

    before(async () => {
      site = await openTestSite(dialect, { app: { clock, commentLimits: { perIp: { max: 1000, windowMs: 60_000 }, perItem: { max: 1000, windowMs: 60_000 } } }, config: { siteDataTtlMs: 0 } });
      db = site.storage.db;
      reader = new Commenter(site.app, clock);
      editor = new NewsroomClient(site.app);
      await editor.signIn((await makeUser(db, 'editor')).email);
    });
    after(() => site?.close());

    /** A published item of the edition that no other test comments on, with its public URL. */
    let used = 0;
    async function freshItem(edition = 'en', type = 'article'): Promise<{ id: number; url: string; slug: string }> {
      const taken = new Set((await db.selectFrom('comments').select('item_id').execute()).map((c) => c.item_id));
      const rows = await db.selectFrom('items').select(['id', 'slug']).where('edition', '=', edition).where('type', '=', type).where('status', '=', 'published').orderBy('published_at', 'desc').execute();
      const free = rows.filter((r) => !taken.has(r.id));
      const row = free[used++ % free.length]!;
      const prefix = edition === 'en' ? '' : `/${edition}`;
      return { id: row.id, slug: row.slug, url: `${prefix}/${encodeURIComponent(row.slug)}/` };
    }

    async function approve(ids: number[]) {
      await editor.get('/admin/comments');
      const res = await editor.post('/admin/comments/bulk', { action: 'approved', ids: ids.map(String) });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    }

    it('holds a new comment, and once approved shows it with the count on the article and on the home listing', async () => {
      // The newest article heads the home page.
      const home = await getPage(site.app, '/');
      const first = home.doc.querySelector('.comment-count')!.getAttribute('href')!;
      const url = first.replace(/#comments$/, '');
      const slug = decodeURIComponent(url.replace(/^\/|\/$/g, ''));
      const item = await db.selectFrom('items').select(['id', 'comment_count']).where('slug', '=', slug).where('edition', '=', 'en').executeTakeFirstOrThrow();
      const before = Number(item.comment_count);

      const res = await reader.post(url, { name: 'Amina', email: 'Amina@Example.org', body: 'First line.\n\nSee https://example.org/report?x=1&y=2, it is good.', notify: '1' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${url}?comment=held#comments`);
      const [stored] = await storedComments(db, item.id);
      assert.equal(stored!.status, 'pending');
      assert.equal(stored!.author_email, 'amina@example.org');
      assert.equal(stored!.notify_replies, 1);
      assert.equal(await commentCount(db, item.id), before);
      const held = await getPage(site.app, `${url}?comment=held`);
      assert.match(held.doc.querySelector('.comment-notice')!.text, /held for moderation/);
      assert.equal(held.doc.querySelector(`#comment-${stored!.id}`), null, 'not shown while held');

      await approve([stored!.id]);
      assert.equal(await commentCount(db, item.id), before + 1);
      const page = await getPage(site.app, url);
      const shown = page.doc.querySelector(`#comment-${stored!.id}`)!;
      assert.ok(shown, 'shown once approved');
      assert.equal(shown.querySelector('.comment-author')!.text, 'Amina');
      assert.ok(!page.body.includes('amina@example.org'), 'the address is never shown');
      const link = shown.querySelector('.comment-text a')!;
      assert.equal(link.getAttribute('href'), 'https://example.org/report?x=1&amp;y=2'.replace('&amp;', '&'));
      assert.equal(link.getAttribute('rel'), 'nofollow ugc noopener');
      assert.equal(shown.querySelectorAll('.comment-text p').length, 2);
      assert.equal(page.doc.querySelector('#comments-title')!.text, before + 1 === 1 ? '1 comment' : `${before + 1} comments`);
      const listed = (await getPage(site.app, '/')).doc.querySelector(`.comment-count[href="${first}"]`)!;
      assert.equal(listed.text, before + 1 === 1 ? '1 comment' : `${before + 1} comments`);
    });

    it('stores script as plain text and shows it escaped, never as markup', async () => {
      const item = await freshItem();
      const body = '<script>alert(1)</script> <img src=x onerror=alert(2)> javascript:alert(3) <a href="https://evil.example">x</a>';
      assert.equal((await reader.post(item.url, { name: '<b>Bold</b>', email: 'xss@example.org', body })).statusCode, 303);
      const [c] = await storedComments(db, item.id);
      assert.equal(c!.body, body, 'kept as typed');
      await approve([c!.id]);
      const page = await getPage(site.app, item.url);
      assert.ok(!page.body.includes('<script>alert(1)'), 'no live script');
      assert.ok(!page.body.includes('<img src=x'), 'no live image');
      const text = page.doc.querySelector(`#comment-${c!.id} .comment-text`)!;
      assert.equal(text.querySelectorAll('script, img').length, 0);
      assert.deepEqual(text.querySelectorAll('a').map((a) => a.getAttribute('href')), ['https://evil.example'], 'only the http(s) address is a link');
      assert.ok(text.text.includes('<script>alert(1)</script>'), 'the text reads as typed');
      assert.equal(page.doc.querySelector(`#comment-${c!.id} .comment-author`)!.text, '<b>Bold</b>');
    });

    it('publishes a returning commenter at once when the edition says so', async () => {
      const item = await freshItem();
      await reader.post(item.url, { email: 'returning@example.org', body: 'My first.' });
      const [first] = await storedComments(db, item.id);
      assert.equal(first!.status, 'pending');
      const second = await reader.post(item.url, { email: 'returning@example.org', body: 'My second, before approval.' });
      assert.match(String(second.headers.location), /comment=held/, 'not returning until one was approved');
      await approve([first!.id]);
      await setCommentSettings(db, 'en', { autoApproveReturning: true });
      try {
        const third = await reader.post(item.url, { email: 'RETURNING@example.org', body: 'My third.' });
        assert.equal(third.statusCode, 303);
        assert.match(String(third.headers.location), /\?comment=published#comment-\d+$/);
        assert.equal(await commentCount(db, item.id), 2);
        const stranger = await reader.post(item.url, { email: 'new@example.org', body: 'Hello.' });
        assert.match(String(stranger.headers.location), /comment=held/, 'a new address still waits');
        const page = await getPage(site.app, `${item.url}?comment=published`);
        assert.match(page.doc.querySelector('.comment-notice')!.text, /is published/);
      } finally {
        await setCommentSettings(db, 'en', {});
      }
    });

    it('threads replies up to the edition’s depth, oldest first, and refuses deeper ones', async () => {
      await setCommentSettings(db, 'en', { depth: 2 });
      try {
        const item = await freshItem();
        await reader.post(item.url, { body: 'Top one.' });
        await reader.post(item.url, { body: 'Top two.', email: 'two@example.org' });
        const [a, b] = await storedComments(db, item.id);
        await approve([a!.id, b!.id]);
        const form = await commentForm(site.app, item.url, a!.id);
        assert.equal(form!.fields.parent_id, String(a!.id), '?replyto= fills the parent');
        const reply = await reader.post(item.url, { body: 'A reply to one.', email: 'three@example.org' }, { replyTo: a!.id });
        assert.equal(reply.statusCode, 303);
        const r = (await storedComments(db, item.id)).at(-1)!;
        assert.equal(r.parent_id, a!.id);
        assert.equal(r.depth, 2);
        await approve([r.id]);
        const page = await getPage(site.app, item.url);
        const tops = page.doc.querySelectorAll('.comment-list > li').map((li) => li.id);
        assert.deepEqual(tops, [`comment-${a!.id}`, `comment-${b!.id}`], 'oldest first');
        assert.ok(page.doc.querySelector(`#comment-${a!.id} > ol.comment-replies > #comment-${r.id}`), 'nested under its parent');
        assert.ok(page.doc.querySelector(`#comment-${a!.id} .comment-reply a`), 'a top comment can be answered');
        assert.equal(page.doc.querySelector(`#comment-${r.id} .comment-reply`), null, 'no reply link at the deepest level');
        const before = await storedComments(db, item.id);
        const forged = await reader.post(item.url, { body: 'Too deep.', email: 'four@example.org' }, { override: { parent_id: String(r.id) } });
        assert.equal(forged.statusCode, 400);
        assert.deepEqual(await storedComments(db, item.id), before);
      } finally {
        await setCommentSettings(db, 'en', {});
      }
    });

    it('refuses bad input with a 4xx in the edition’s language and stores nothing', async () => {
      const item = await freshItem();
      const other = await freshItem();
      await reader.post(other.url, { body: 'On another item.' });
      const [elsewhere] = await storedComments(db, other.id);
      await approve([elsewhere!.id]);
      await reader.post(item.url, { body: 'Waiting.', email: 'wait@example.org' });
      const [unapproved] = await storedComments(db, item.id);
      const ar = await freshItem('ar');
      await reader.post(ar.url, { body: 'تعليق.' });
      const [arabic] = await storedComments(db, ar.id);
      await approve([arabic!.id]);
      const fresh = await commentForm(site.app, item.url);

      const cases: { name: string; values?: Record<string, string>; override?: Record<string, string>; wait?: boolean; status: number }[] = [
        { name: 'empty comment', values: { body: '  \n ' }, status: 400 },
        { name: 'empty name', values: { name: '' }, status: 400 },
        { name: 'bad email', values: { email: 'not-an-address' }, status: 400 },
        { name: 'huge comment', values: { body: 'x'.repeat(5001) }, status: 400 },
        { name: 'binary comment', values: { body: 'PK\u0003\u0004\u0000\u0000binary' }, status: 400 },
        { name: 'bytes that are not UTF-8', override: { body: '\ufffd\ufffd' }, status: 400 },
        { name: 'forged parent id', override: { parent_id: '999999999' }, status: 400 },
        { name: 'parent id that is not a number', override: { parent_id: '1 or 1=1' }, status: 400 },
        { name: 'reply to an unapproved comment', override: { parent_id: String(unapproved!.id) }, status: 400 },
        { name: 'reply to a comment of another item', override: { parent_id: String(elsewhere!.id) }, status: 400 },
        { name: 'reply to a comment of another edition', override: { parent_id: String(arabic!.id) }, status: 400 },
        { name: 'honeypot filled', override: { website: 'http://spam.example' }, status: 400 },
        { name: 'sent too fast', wait: false, status: 400 },
        { name: 'forged token', override: { token: `${Date.now() - 60_000}.${'A'.repeat(43)}` }, status: 400 },
        { name: 'missing token', override: { token: '' }, status: 400 },
        { name: 'token of another item', override: { token: (await commentForm(site.app, other.url))!.fields.token! }, status: 400 },
        { name: 'item of another edition', override: { item_id: String(ar.id) }, status: 404 },
        { name: 'no such item', override: { item_id: '999999999' }, status: 404 },
        { name: 'item id that is not a number', override: { item_id: "1'" }, status: 404 },
      ];
      for (const c of cases) {
        const before = JSON.stringify(await db.selectFrom('comments').selectAll().orderBy('id').execute());
        const res = await reader.post(item.url, { body: `Case: ${c.name}.`, email: 'cases@example.org', ...c.values }, { override: c.override, wait: c.wait });
        assert.equal(res.statusCode, c.status, `${c.name}: ${res.statusCode}`);
        assert.match(String(res.headers['content-type']), /^text\/html/, c.name);
        assert.equal(JSON.stringify(await db.selectFrom('comments').selectAll().orderBy('id').execute()), before, `${c.name}: nothing stored`);
      }

      // An expired form: served, then sent back a day and more later.
      const old = await commentForm(site.app, item.url);
      clock.advance(MAX_FORM_AGE_MS + 60_000);
      const expired = await site.app.inject({ method: 'POST', url: old!.action, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...old!.fields, name: 'Late', email: 'late@example.org', body: 'Late.' }).toString() });
      assert.equal(expired.statusCode, 400);
      const page = parse(expired.body);
      assert.match(page.querySelector('[role=alert]')!.text, /expired/);
      assert.equal(page.querySelector('#comment-body')!.text, 'Late.', 'what was typed comes back in a fresh form');
      assert.equal(page.querySelector('#comment-name')!.getAttribute('value'), 'Late');

      // The refusal speaks the edition's language.
      const arForm = await reader.post(ar.url, { body: '' });
      assert.equal(arForm.statusCode, 400);
      assert.equal(parse(arForm.body).querySelector('h1')!.text, 'لم يُنشر تعليقك');

      // A body larger than the form parser takes.
      const big = await site.app.inject({ method: 'POST', url: fresh!.action, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `body=${'a'.repeat(70 * 1024)}` });
      assert.equal(big.statusCode, 413);
      // Not a form at all.
      const json = await site.app.inject({ method: 'POST', url: fresh!.action, headers: { 'content-type': 'application/json' }, payload: '{"body":"x"}' });
      assert.ok(json.statusCode >= 400 && json.statusCode < 500, `JSON: ${json.statusCode}`);
      assert.deepEqual((await storedComments(db, item.id)).map((c) => c.id), [unapproved!.id]);
    });

    it('refuses the same comment twice, and rate-limits an address and an item', async () => {
      const item = await freshItem();
      assert.equal((await reader.post(item.url, { body: 'Same words.', email: 'dup@example.org' })).statusCode, 303);
      const again = await reader.post(item.url, { body: '  Same   words. ', email: 'DUP@example.org' });
      assert.equal(again.statusCode, 409);
      assert.equal((await storedComments(db, item.id)).length, 1);

      // Two identical posts at once: one is stored (and its moderators told once), the other refused.
      const mailsBefore = Number((await db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const form = (await commentForm(site.app, item.url))!;
      clock.advance(10_000);
      const payload = new URLSearchParams({ ...form.fields, name: 'Twin', email: 'twin@example.org', body: 'Sent twice at once.', website: '' }).toString();
      const twins = await Promise.all([1, 2].map(() => site.app.inject({ method: 'POST', url: form.action, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload })));
      assert.deepEqual(twins.map((r) => r.statusCode).sort(), [303, 409]);
      assert.equal((await storedComments(db, item.id)).length, 2);
      const mailsAfter = Number((await db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const moderators = await db.selectFrom('users').select('id').where('role', 'in', ['administrator', 'editor']).where('email', 'is not', null).where('disabled_at', 'is', null).execute();
      assert.equal(mailsAfter - mailsBefore, moderators.length, 'one notice per moderator, for the stored one only');

      // A site with tight limits: two per address, three per item.
      const tight = await openTestSite(dialect, { seed: true, app: { clock, commentLimits: { perIp: { max: 2, windowMs: 600_000 }, perItem: { max: 3, windowMs: 600_000 } } } });
      try {
        const t = new Commenter(tight.app, clock);
        const row = await tight.storage.db.selectFrom('items').select('slug').where('edition', '=', 'en').where('type', '=', 'article').where('status', '=', 'published').executeTakeFirstOrThrow();
        const url = `/${encodeURIComponent(row.slug)}/`;
        assert.equal((await t.post(url, { body: 'One.' }, { ip: '198.51.100.1' })).statusCode, 303);
        assert.equal((await t.post(url, { body: 'Two.' }, { ip: '198.51.100.1' })).statusCode, 303);
        const third = await t.post(url, { body: 'Three.' }, { ip: '198.51.100.1' });
        assert.equal(third.statusCode, 429, 'per address');
        assert.equal((await t.post(url, { body: 'Other address.' }, { ip: '198.51.100.2' })).statusCode, 303);
        assert.equal((await t.post(url, { body: 'Item is busy.' }, { ip: '198.51.100.3' })).statusCode, 429, 'per item');
        assert.equal(Number((await tight.storage.db.selectFrom('comments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), 3);
        clock.advance(600_000 + 1000);
        assert.equal((await t.post(url, { body: 'Later.' }, { ip: '198.51.100.1' })).statusCode, 303, 'the window passes');
      } finally {
        await tight.close();
      }
    });

    it('replaces the form with "Comments are closed" on a closed item and refuses posts to it (403)', async () => {
      const item = await freshItem();
      const form = await commentForm(site.app, item.url);
      await db.updateTable('items').set({ comments_closed: 1 }).where('id', '=', item.id).execute();
      const page = await getPage(site.app, item.url);
      assert.equal(page.doc.querySelector('#comment-form'), null);
      assert.equal(page.doc.querySelector('.comments-closed')!.text, 'Comments are closed.');
      clock.advance(5000);
      const res = await site.app.inject({ method: 'POST', url: form!.action, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...form!.fields, name: 'Late', email: 'late@example.org', body: 'Closed?' }).toString() });
      assert.equal(res.statusCode, 403);
      assert.equal((await storedComments(db, item.id)).length, 0);
      await db.updateTable('items').set({ comments_closed: 0 }).where('id', '=', item.id).execute();

      // Closed by age: the edition closes comments N days after publication.
      const published = await db.selectFrom('items').select('published_at').where('id', '=', item.id).executeTakeFirstOrThrow();
      const days = Math.ceil((clock.now().getTime() - Date.parse(published.published_at)) / 86_400_000);
      await setCommentSettings(db, 'en', { closeAfterDays: Math.max(1, days - 1) });
      try {
        assert.equal((await getPage(site.app, item.url)).doc.querySelector('#comment-form'), null, 'closed by age');
        await setCommentSettings(db, 'en', { closeAfterDays: days + 30 });
        assert.ok((await getPage(site.app, item.url)).doc.querySelector('#comment-form'), 'open while young enough');
      } finally {
        await setCommentSettings(db, 'en', {});
      }
    });

    it('takes comments on media and publication items, and on no plain page', async () => {
      for (const type of ['cartoon', 'newspic', 'gallery', 'video', 'book']) {
        const rows = await db.selectFrom('items').select(['slug']).where('edition', '=', 'en').where('type', '=', type).where('status', '=', 'published').execute();
        if (!rows.length) continue;
        const url = `/${encodeURIComponent(rows[0]!.slug)}/`;
        assert.ok(await commentForm(site.app, url), `a form on a ${type}`);
      }
      const pageRow = await db.selectFrom('items').select(['id', 'slug']).where('edition', '=', 'en').where('type', '=', 'page').where('status', '=', 'published').executeTakeFirstOrThrow();
      assert.equal(await commentForm(site.app, `/${encodeURIComponent(pageRow.slug)}/`), null, 'no form on a page');
      const form = await commentForm(site.app, (await freshItem()).url);
      clock.advance(5000);
      const res = await site.app.inject({ method: 'POST', url: form!.action, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...form!.fields, item_id: String(pageRow.id), name: 'P', email: 'p@example.org', body: 'On a page?' }).toString() });
      assert.equal(res.statusCode, 404);
    });
  });
}
