import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { ManualClock } from '../../../src/lib/clock.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { Commenter, commentCount, setCommentSettings, storedComments } from '../../support/comments.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { mailText, startTestSmtp, type TestSmtp } from '../../support/smtp.js';
import { getPage, openTestSite, type TestSite } from '../../support/test-site.js';

for (const dialect of DIALECTS) {
  describe(`comment moderation on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let smtp: TestSmtp;
    const clock = new ManualClock(new Date());
    let reader: Commenter;
    let db: TestSite['storage']['db'];
    const people: Record<string, { id: number; email: string }> = {};
    const client: Record<string, NewsroomClient> = {};

    before(async () => {
      smtp = await startTestSmtp();
      site = await openTestSite(dialect, {
        app: { clock, commentLimits: { perIp: { max: 1000, windowMs: 60_000 }, perItem: { max: 1000, windowMs: 60_000 } } },
        config: { siteDataTtlMs: 0, smtpUrl: smtp.url, mailIntervalMs: 100 },
      });
      await site.app.ready();
      db = site.storage.db;
      reader = new Commenter(site.app, clock);
      // Moderators of English: an administrator, an editor of every edition. Not: an Arabic-only editor, an author.
      for (const [key, role, editions] of [['admin', 'administrator', null], ['editor', 'editor', null], ['arEditor', 'editor', ['ar']], ['author', 'author', null], ['contributor', 'contributor', null]] as const) {
        people[key] = await makeUser(db, role, editions ? [...editions] : null, `${key}-${dialect}@example.org`);
        client[key] = new NewsroomClient(site.app);
        await client[key]!.signIn(people[key]!.email);
      }
    });
    after(async () => {
      await site?.close();
      await smtp?.close();
    });

    /** The mails to an address, once at least `count` have arrived. */
    async function mailsTo(address: string, count = 1) {
      for (let i = 0; i < 100; i++) {
        const found = smtp.received.filter((m) => m.to.includes(address));
        if (found.length >= count) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`expected ${count} mail(s) to ${address}`);
    }

    let used = 0;
    async function item(edition = 'en', authorId?: number) {
      const taken = new Set((await db.selectFrom('comments').select('item_id').execute()).map((c) => c.item_id));
      let q = db.selectFrom('items').select(['id', 'slug']).where('edition', '=', edition).where('type', '=', 'article').where('status', '=', 'published');
      if (authorId !== undefined) q = q.where('author_id', '=', authorId);
      const rows = (await q.orderBy('id').execute()).filter((r) => !taken.has(r.id));
      const row = rows[used++ % rows.length]!;
      return { id: row.id, url: `${edition === 'en' ? '' : `/${edition}`}/${encodeURIComponent(row.slug)}/` };
    }

    async function act(who: string, form: Record<string, string | string[]>) {
      await client[who]!.get('/admin/comments');
      return client[who]!.post('/admin/comments/bulk', form);
    }

    it('emails the edition’s moderators about a held comment, through a real SMTP server', async () => {
      const target = await item();
      assert.equal((await reader.post(target.url, { name: 'Sara', email: 'sara@example.org', body: 'Waiting for you.' })).statusCode, 303);
      const [toAdmin] = await mailsTo(people.admin!.email);
      await mailsTo(people.editor!.email);
      // Everyone who moderates English (the demo's administrator too), and no one else.
      const moderators = (await db.selectFrom('users').select(['email', 'editions']).where('role', 'in', ['administrator', 'editor']).execute())
        .filter((u) => u.email && (u.editions === null || JSON.parse(u.editions).includes('en'))).map((u) => u.email!).sort();
      await smtp.waitFor(moderators.length);
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(smtp.received.flatMap((m) => m.to).sort(), moderators);
      for (const who of ['arEditor', 'author', 'contributor']) assert.ok(!moderators.includes(people[who]!.email), `${who} is not written to`);
      const text = mailText(toAdmin!.raw);
      assert.match(text, /Sara commented on/);
      assert.match(text, /Waiting for you\./);
      assert.match(text, /\/admin\/comments\?status=pending&edition=en/);

      await setCommentSettings(db, 'en', { notifyModerators: false });
      try {
        await reader.post(target.url, { name: 'Quiet', email: 'quiet@example.org', body: 'No mail for this one.' });
        assert.equal((await db.selectFrom('mail_outbox').select('id').where('text_body', 'like', '%No mail for this one%').execute()).length, 0, 'the setting turns the mails off');
      } finally {
        await setCommentSettings(db, 'en', {});
      }
    });

    it('approves, marks as spam, trashes and deletes, keeping the count exact, one by one and in bulk', async () => {
      const target = await item();
      for (const n of [1, 2, 3]) await reader.post(target.url, { body: `Comment ${n}.`, email: `c${n}@example.org` });
      const [a, b, c] = await storedComments(db, target.id);
      const queue = parse((await client.editor!.get('/admin/comments?status=pending&edition=en')).body);
      assert.ok(queue.querySelector(`#c-${a!.id}`), 'held comments wait in the queue');
      assert.ok(queue.querySelector('input[data-select-all]'), 'a select-all box');

      assert.equal((await act('editor', { action: 'approved', ids: [String(a!.id), String(b!.id), String(c!.id)], returnTo: '/admin/comments?status=pending' })).statusCode, 303);
      assert.equal(await commentCount(db, target.id), 3);
      assert.equal((await act('editor', { one: `spam:${a!.id}` })).statusCode, 303);
      assert.equal(await commentCount(db, target.id), 2);
      assert.equal((await act('editor', { one: `trash:${b!.id}` })).statusCode, 303);
      assert.equal(await commentCount(db, target.id), 1);
      assert.equal((await act('editor', { one: `approved:${b!.id}` })).statusCode, 303);
      assert.equal(await commentCount(db, target.id), 2);
      assert.equal((await act('editor', { bulk: 'delete', action: 'approved', ids: [String(b!.id), String(c!.id)] })).statusCode, 303);
      assert.equal(await commentCount(db, target.id), 0);
      assert.deepEqual((await storedComments(db, target.id)).map((x) => [x.id, x.status]), [[a!.id, 'spam']]);
      const page = await getPage(site.app, target.url);
      assert.equal(page.doc.querySelector('#comments-title')!.text, 'No comments');

      assert.equal((await act('editor', { action: 'nonsense', ids: String(a!.id) })).statusCode, 400);
      assert.equal((await act('editor', { action: 'approved' })).statusCode, 400, 'nothing selected');
      assert.equal((await act('editor', { action: 'approved', ids: '999999999' })).statusCode, 404);
    });

    it('keeps moderators to their editions, authors to their own items, and contributors out', async () => {
      const en = await item();
      await reader.post(en.url, { body: 'On English.', email: 'perm@example.org' });
      const [c] = await storedComments(db, en.id);
      assert.equal((await act('arEditor', { one: `approved:${c!.id}` })).statusCode, 403);
      assert.ok(!(await client.arEditor!.get('/admin/comments?status=all')).body.includes(`id="c-${c!.id}"`), 'not listed for an Arabic-only editor');
      assert.equal((await act('author', { one: `approved:${c!.id}` })).statusCode, 403, 'not the author’s item');
      assert.equal((await client.contributor!.get('/admin/comments')).statusCode, 403);
      assert.equal((await storedComments(db, en.id))[0]!.status, 'pending');

      await db.updateTable('items').set({ author_id: people.author!.id }).where('id', '=', en.id).execute();
      assert.ok((await client.author!.get('/admin/comments')).body.includes(`id="c-${c!.id}"`), 'an author sees comments on their items');
      assert.equal((await act('author', { one: `approved:${c!.id}` })).statusCode, 303);
      assert.equal(await commentCount(db, en.id), 1);
    });

    it('publishes a newsroom reply under the moderator’s name and tells the commenter who asked, once', async () => {
      const target = await item();
      await reader.post(target.url, { name: 'Layla', email: 'layla@example.org', body: 'A question?', notify: '1' });
      await reader.post(target.url, { name: 'Omar', email: 'omar@example.org', body: 'No mail for me.' });
      const [asked, silent] = await storedComments(db, target.id);
      const form = await client.admin!.get(`/admin/comments/${asked!.id}/reply`);
      assert.equal(form.statusCode, 200);
      const res = await client.admin!.post(`/admin/comments/${asked!.id}/reply`, { body: 'An answer from the newsroom.' });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      const stored = await storedComments(db, target.id);
      const reply = stored.at(-1)!;
      assert.deepEqual([reply.parent_id, reply.status, reply.user_id], [asked!.id, 'approved', people.admin!.id]);
      assert.equal(stored[0]!.status, 'approved', 'answering a held comment approves it');
      assert.equal(await commentCount(db, target.id), 2);
      const page = await getPage(site.app, target.url);
      assert.ok(page.doc.querySelector(`#comment-${asked!.id} .comment-replies #comment-${reply.id}.comment-newsroom`));

      const mails = await mailsTo('layla@example.org');
      assert.match(mailText(mails[0]!.raw), /replied to your comment/);
      assert.match(mailText(mails[0]!.raw), new RegExp(`#comment-${reply.id}`));

      // Unapproving and approving again sends nothing more; a reply to someone who did not ask sends nothing.
      await act('admin', { one: `pending:${reply.id}` });
      await act('admin', { one: `approved:${reply.id}` });
      await act('admin', { one: `approved:${silent!.id}` });
      await client.admin!.get('/admin/comments');
      await client.admin!.post(`/admin/comments/${silent!.id}/reply`, { body: 'Thanks, Omar.' });
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(smtp.received.filter((m) => m.to.includes('layla@example.org')).length, 1, 'told once');
      assert.equal(smtp.received.filter((m) => m.to.includes('omar@example.org')).length, 0, 'Omar did not ask');

      assert.equal((await client.admin!.post(`/admin/comments/${asked!.id}/reply`, { body: '   ' })).statusCode, 400, 'an empty reply');
      await act('admin', { one: `spam:${silent!.id}` });
      assert.equal((await client.admin!.post(`/admin/comments/${silent!.id}/reply`, { body: 'To spam?' })).statusCode, 400, 'no answering spam');
    });

    it('closes and reopens an item’s comments from the comments screen', async () => {
      const target = await item();
      const screen = parse((await client.editor!.get(`/admin/comments?item=${target.id}&status=all`)).body);
      assert.equal(screen.querySelector(`form[action="/admin/items/${target.id}/comments-closed"] button`)!.text, 'Close comments');
      assert.equal((await client.editor!.post(`/admin/items/${target.id}/comments-closed`, { closed: '1' })).statusCode, 303);
      const page = await getPage(site.app, target.url);
      assert.equal(page.doc.querySelector('#comment-form'), null);
      assert.ok(page.doc.querySelector('.comments-closed'));
      assert.equal((await client.arEditor!.post(`/admin/items/${target.id}/comments-closed`, { closed: '0' })).statusCode, 404, 'another edition’s editor');
      assert.equal((await client.editor!.post(`/admin/items/${target.id}/comments-closed`, { closed: '0' })).statusCode, 303);
      assert.ok((await getPage(site.app, target.url)).doc.querySelector('#comment-form'));
    });

    it('saves the comment settings of an edition from the settings screen', async () => {
      await client.admin!.get('/admin/settings?edition=fa');
      const res = await client.admin!.post('/admin/settings', {
        edition: 'fa', tagline: '', listingShows: 'excerpt', perPage: '10', since: '2015',
        'comments.depth': '2', 'comments.closeAfterDays': '30', 'comments.autoApproveReturning': '1',
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 400));
      const row = await db.selectFrom('settings').select('value').where('edition', '=', 'fa').where('key', '=', 'comments').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(row.value), { depth: 2, closeAfterDays: 30, autoApproveReturning: true, notifyModerators: false });
      const bad = await client.admin!.post('/admin/settings', { edition: 'fa', tagline: '', listingShows: 'excerpt', perPage: '10', since: '2015', 'comments.depth': '0', 'comments.closeAfterDays': 'x' });
      assert.equal(bad.statusCode, 400);
      await setCommentSettings(db, 'fa', {});
    });
  });
}
