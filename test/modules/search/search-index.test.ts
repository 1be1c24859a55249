import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createItem, deleteItems, publishDue, saveItem, loadEditable, type SaveContext } from '../../../src/modules/content/index.js';
import { rebuildSearchIndex, searchEdition, searchIndexFor } from '../../../src/modules/search/index.js';
import { migrateToLatest } from '../../../src/storage/migrations/index.js';
import type { Db } from '../../../src/storage/database.js';
import { DIALECTS, dialectSkipReason, freshStorage } from '../../support/dialects.js';
import { makeUser } from '../../support/newsroom.js';

const NOW = new Date('2026-06-01T12:00:00Z');
let slugs = 0;

for (const dialect of DIALECTS) {
  describe(`search on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let fresh: Awaited<ReturnType<typeof freshStorage>>;
    let db: Db;
    let sc: SaveContext;
    const item = (o: { edition?: string; title: string; excerpt?: string; body?: string; status?: 'published' | 'draft' | 'scheduled'; date?: string; type?: string }) =>
      createItem(db, { edition: o.edition ?? 'fa', type: o.type ?? 'article', slug: `item-${++slugs}`, title: o.title, excerpt: o.excerpt ?? '', bodyHtml: o.body ?? '', status: o.status ?? 'published', publishedAt: o.date ?? '2026-05-01T00:00:00.000Z' });
    const find = async (text: string, more: { edition?: string; type?: 'article' | 'book'; year?: number; page?: number; perPage?: number } = {}) => {
      const page = await searchEdition(db, { edition: more.edition ?? 'fa', text, type: more.type, year: more.year, page: more.page ?? 1, perPage: more.perPage ?? 10, now: NOW });
      return page;
    };
    const titles = async (text: string, more: Parameters<typeof find>[1] = {}) => (await find(text, more))?.items.map((i) => i.title) ?? [];

    before(async () => {
      fresh = await freshStorage(dialect);
      db = fresh.storage.db;
      await migrateToLatest(db);
      const admin = await makeUser(db, 'administrator');
      sc = { actor: { id: admin.id, role: 'administrator', editions: null }, now: NOW, editionCodes: ['en', 'ar', 'fa', 'sq'] };
    });
    after(() => fresh?.dispose());

    it('finds a Persian article whichever keyboard typed the query', async () => {
      await item({ title: 'کتاب‌های یکشنبه', excerpt: 'معرفی کتاب برای کودکان', body: '<p>من هر روز به کتابخانه سر می‌زنم.</p>' });
      for (const q of ['کتاب', 'كتاب', 'كتابهاي', 'کتاب ها', 'یکشنبه', 'يكشنبه']) assert.deepEqual(await titles(q), ['کتاب‌های یکشنبه'], q);
    });

    it('lets ZWNJ, joined and spaced spellings meet, in the text and in the query', async () => {
      await item({ title: 'سفر', body: '<p>ما هر سال به شیراز می روم و برمی‌گردیم</p>' });
      for (const q of ['می‌روم', 'میروم', 'می روم', 'مي‌روم']) assert.deepEqual(await titles(q), ['سفر'], q);
    });

    it('finds Arabic text across alef forms, tashkeel and teh marbuta', async () => {
      await item({ edition: 'ar', title: 'الإسلام والمدرسة', body: '<p>مُحَمَّدٌ في المدرسةِ</p>' });
      for (const q of ['اسلام', 'إسلام', 'الاسلام', 'مدرسه', 'المدرسة', 'محمد', 'مُحَمَّد']) assert.deepEqual(await titles(q, { edition: 'ar' }), ['الإسلام والمدرسة'], q);
      assert.deepEqual(await titles('اسلام'), [], 'another edition’s items are not found');
    });

    it('reads Persian digits as Latin ones, and Albanian ë/ç as e/c', async () => {
      await item({ title: 'گزارش سال ۱۴۰۳' });
      assert.deepEqual(await titles('1403'), ['گزارش سال ۱۴۰۳']);
      assert.deepEqual(await titles('۱۴۰۳'), ['گزارش سال ۱۴۰۳']);
      await item({ edition: 'sq', title: 'Lajme nga Shqipëria', body: '<p>Çështja e ujit</p>' });
      assert.deepEqual(await titles('shqiperia', { edition: 'sq' }), ['Lajme nga Shqipëria']);
      assert.deepEqual(await titles('ceshtja', { edition: 'sq' }), ['Lajme nga Shqipëria']);
    });

    it('ranks a title match above a body match, and the newer of two equal texts first', async () => {
      await item({ edition: 'en', title: 'Nothing here', body: '<p>The zeppelin flew over the river.</p>', date: '2026-05-30T00:00:00.000Z' });
      await item({ edition: 'en', title: 'Zeppelin days', body: '<p>A story.</p>', date: '2024-01-01T00:00:00.000Z' });
      assert.deepEqual(await titles('zeppelin', { edition: 'en' }), ['Zeppelin days', 'Nothing here']);
      await item({ edition: 'en', title: 'Harbour report', body: '<p>Same words.</p>', date: '2025-01-01T00:00:00.000Z' });
      await item({ edition: 'en', title: 'Harbour report', body: '<p>Same words.</p>', date: '2026-04-01T00:00:00.000Z' });
      const found = (await find('harbour', { edition: 'en' }))!.items;
      assert.deepEqual(found.map((i) => i.publishedAt.slice(0, 4)), ['2026', '2025']);
    });

    it('shows snippets with the matched words marked and the text escaped', async () => {
      await item({ edition: 'en', title: 'Markup', excerpt: 'Tom <b>&</b> Jerry said "<script>alert(1)</script>" about pelicans', body: '' });
      const [hit] = (await find('pelicans', { edition: 'en' }))!.items;
      assert.ok(hit!.snippetHtml.includes('<mark>pelicans</mark>'), hit!.snippetHtml);
      assert.ok(hit!.snippetHtml.includes('&lt;script&gt;'), hit!.snippetHtml);
      assert.ok(!hit!.snippetHtml.includes('<script>') && !hit!.snippetHtml.includes('<b>'));
      await item({ title: 'راه', body: '<p>او گفت که هر روز به مدرسه می روم تا درس بخوانم.</p>' });
      const [fa] = (await find('میروم مدرسه'))!.items;
      assert.match(fa!.snippetHtml, /<mark>مدرسه<\/mark> <mark>می روم<\/mark>/);
    });

    it('keeps the index in step with publishing, editing, unpublishing and deleting', async () => {
      const id = await saveItem(db, sc, null, { title: 'Quokka census', slug: '', excerpt: '', bodyHtml: '<p>marsupials counted</p>', status: 'draft', publishedAt: '' }, { edition: 'en', type: 'article' });
      assert.deepEqual(await titles('quokka', { edition: 'en' }), [], 'a draft is not found');
      const edit = async (changes: Record<string, unknown>) => saveItem(db, sc, id, { ...(await loadEditable(db, sc.actor, id)), ...changes });
      await edit({ status: 'published' });
      assert.deepEqual(await titles('quokka', { edition: 'en' }), ['Quokka census']);
      await edit({ bodyHtml: '<p>wallabies counted</p>' });
      assert.deepEqual(await titles('wallabies', { edition: 'en' }), ['Quokka census'], 'new words are found');
      assert.deepEqual(await titles('marsupials', { edition: 'en' }), [], 'old words are gone');
      await edit({ status: 'draft' });
      assert.deepEqual(await titles('quokka', { edition: 'en' }), [], 'unpublished');
      await edit({ status: 'published' });
      await deleteItems(db, sc.actor, [id]);
      assert.deepEqual(await titles('quokka', { edition: 'en' }), [], 'deleted');
    });

    it('finds a scheduled item only once it is published on time', async () => {
      await item({ edition: 'en', title: 'Eclipse tomorrow', status: 'scheduled', date: '2026-06-02T00:00:00.000Z' });
      assert.deepEqual(await titles('eclipse', { edition: 'en' }), []);
      await publishDue(db, new Date('2026-06-02T00:00:01Z'));
      assert.deepEqual(await titles('eclipse', { edition: 'en' }), ['Eclipse tomorrow']);
    });

    it('filters by type and by year, and pages with a look-ahead', async () => {
      await item({ edition: 'en', type: 'book', title: 'Ocelot handbook', date: '2023-03-01T00:00:00.000Z' });
      for (let i = 0; i < 5; i++) await item({ edition: 'en', title: `Ocelot note ${i}`, date: `2025-0${i + 1}-01T00:00:00.000Z` });
      assert.deepEqual(await titles('ocelot', { edition: 'en', type: 'book' }), ['Ocelot handbook']);
      assert.deepEqual(await titles('ocelot', { edition: 'en', year: 2023 }), ['Ocelot handbook']);
      assert.equal((await titles('ocelot', { edition: 'en', type: 'article' })).length, 5);
      const one = (await find('ocelot', { edition: 'en', perPage: 4 }))!;
      assert.equal(one.items.length, 4);
      assert.equal(one.hasOlder, true);
      const two = (await find('ocelot', { edition: 'en', perPage: 4, page: 2 }))!;
      assert.equal(two.items.length, 2);
      assert.equal(two.hasOlder, false);
      assert.equal(new Set([...one.items, ...two.items].map((i) => i.id)).size, 6);
      assert.equal(await find('ocelot', { edition: 'en', perPage: 4, page: 3 }), null);
    });

    it('answers FTS syntax as plain words, never with an error', async () => {
      await item({ edition: 'en', title: 'Near the river' });
      for (const q of ['"', '""', '"river', 'river"', '*', 'river*', 'NEAR', 'NEAR(river the)', '-river', 'OR', 'river OR', 'AND NOT', 'title:river', 'body:', '(', ')', '^river', "'", '\\', ':*', '&|!', 'x'.repeat(5000), 'ریور:*']) {
        const page = await find(q, { edition: 'en' });
        assert.ok(page, q);
      }
      assert.deepEqual(await titles('title:river', { edition: 'en' }), []);
      await item({ edition: 'en', title: 'Rule 1 or rule 2', body: '<p>1 or 1</p>' });
      assert.deepEqual(await titles("' OR 1=1 --", { edition: 'en' }), [], '"1=1" is the phrase "1 1", not two loose 1s');
      assert.deepEqual(await titles('rule-2', { edition: 'en' }), ['Rule 1 or rule 2']);
      assert.deepEqual(await titles('"near" river', { edition: 'en' }), ['Near the river']);
    });

    it('rebuilds the index from the items table', async () => {
      await searchIndexFor(db).clear(db);
      assert.deepEqual(await titles('zeppelin', { edition: 'en' }), []);
      let last = [0, 0];
      await rebuildSearchIndex(db, (done, total) => (last = [done, total]), 3);
      assert.deepEqual(await titles('zeppelin', { edition: 'en' }), ['Zeppelin days', 'Nothing here']);
      const { rows } = await sql<{ n: number }>`select count(*) as n from items where status = 'published'`.execute(db);
      assert.deepEqual(last, [Number(rows[0]!.n), Number(rows[0]!.n)]);
    });
  });
}
