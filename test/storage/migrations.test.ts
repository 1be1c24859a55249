import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import pg from 'pg';
import { migrateToLatest } from '../../src/storage/migrations/index.js';
import * as pinnedItems from '../../src/storage/migrations/0016-pinned-items.js';
import { DIALECTS, dialectSkipReason, freshStorage, POSTGRES_URL } from '../support/dialects.js';

/** Every migration file, in name order: each must be registered and run once. */
const migrationFiles = readdirSync(new URL('../../src/storage/migrations/', import.meta.url)).filter((f) => /^\d{4}-.*\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, '')).sort();

for (const dialect of DIALECTS) {
  describe(`migrations on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    it('create the schema once and change nothing when run again', async () => {
      const { storage, dispose } = await freshStorage(dialect);
      try {
        assert.deepEqual(await migrateToLatest(storage.db), migrationFiles);
        assert.deepEqual(await migrateToLatest(storage.db), []);
        const tables = (await storage.db.introspection.getTables()).map((t) => t.name);
        for (const t of ['items', 'item_bodies', 'categories', 'tags', 'item_tags', 'media', 'menu_items', 'settings', 'users']) assert.ok(tables.includes(t), t);
      } finally {
        await dispose();
      }
    });

    it('keep slugs unique per edition but allow the same slug in two editions', async () => {
      const { storage, dispose } = await freshStorage(dialect);
      try {
        await migrateToLatest(storage.db);
        const now = new Date().toISOString();
        const item = (edition: string) => ({ edition, type: 'article', slug: 'کتاب', title: 't', status: 'published', published_at: now, created_at: now, updated_at: now });
        await storage.db.insertInto('items').values(item('fa')).execute();
        await storage.db.insertInto('items').values(item('ar')).execute();
        await assert.rejects(storage.db.insertInto('items').values(item('fa')).execute());
      } finally {
        await dispose();
      }
    });

    it('note pinning a published item as a change of lists, and take pinning away again going down', async () => {
      const { storage, dispose } = await freshStorage(dialect);
      try {
        const { db } = storage;
        await migrateToLatest(db);
        const now = new Date().toISOString();
        const { id } = await db.insertInto('items').values({ edition: 'en', type: 'article', slug: 'pin-me', title: 't', status: 'published', published_at: now, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
        const lastScope = async () => (await db.selectFrom('changes').select('scope').orderBy('seq', 'desc').executeTakeFirstOrThrow()).scope;
        await db.updateTable('items').set({ pinned: 1 }).where('id', '=', id).execute();
        assert.equal(await lastScope(), 'list');
        await db.updateTable('items').set({ title: 'retitled' }).where('id', '=', id).execute();
        assert.equal(await lastScope(), 'item');

        await pinnedItems.down(db);
        assert.ok(!(await db.introspection.getTables()).find((t) => t.name === 'items')!.columns.some((c) => c.name === 'pinned'));
        await db.updateTable('items').set({ category_id: null, title: 'again' }).where('id', '=', id).execute();
        assert.equal(await lastScope(), 'item', 'the trigger of 0012 is back');
        await pinnedItems.up(db);
        await db.updateTable('items').set({ pinned: 1 }).where('id', '=', id).execute();
        assert.equal(await lastScope(), 'list');
      } finally {
        await dispose();
      }
    });
  });
}

describe('migrations on a shared PostgreSQL server', { skip: DIALECTS.includes('postgres') ? await dialectSkipReason('postgres') : 'PostgreSQL is not among NASHR_TEST_DIALECTS' }, () => {
  it('run while other programs create and drop schemas of their own', async () => {
    // Kysely lists every schema's tables before migrating; one dropped meanwhile used to fail it.
    const other = new pg.Client({ connectionString: POSTGRES_URL });
    await other.connect();
    let stop = false;
    const churn = (async () => {
      for (let i = 0; !stop; i++) {
        const s = `churn_${process.pid}_${i}`;
        await other.query(`create schema ${s}; create table ${s}.a (id serial primary key, x text); create table ${s}.b (id serial primary key)`);
        await other.query(`drop schema ${s} cascade`);
      }
    })();
    try {
      for (let i = 0; i < 8; i++) {
        const { storage, dispose } = await freshStorage('postgres');
        try {
          assert.deepEqual(await migrateToLatest(storage.db), migrationFiles);
        } finally {
          await dispose();
        }
      }
    } finally {
      stop = true;
      await churn;
      await other.end();
    }
  });
});
