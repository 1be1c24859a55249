import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { preparedQuery } from '../../src/storage/prepared-query.js';
import { migrateToLatest } from '../../src/storage/migrations/index.js';
import { DIALECTS, dialectSkipReason, freshStorage } from '../support/dialects.js';

const byEditionAndIds = preparedQuery(
  (db, a: { edition: string; ids: number[] | undefined; limit: number }) => {
    let q = db.selectFrom('tags').select(['id', 'slug']).where('edition', '=', a.edition);
    if (a.ids) q = q.where('id', 'in', a.ids);
    return q.orderBy('id').limit(sql.lit(a.limit));
  },
  ['limit'],
);

for (const dialect of DIALECTS) {
  describe(`prepared queries on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    it('give the same rows as building the query anew, whatever values, list lengths and limits they get', async () => {
      const { storage, dispose } = await freshStorage(dialect);
      try {
        await migrateToLatest(storage.db);
        const { db } = storage;
        for (const [i, edition] of ['en', 'fa', 'en', 'fa', 'en'].entries()) {
          await db.insertInto('tags').values({ edition, slug: `t${i}`, name: `T${i}` }).execute();
        }
        const ids = (await db.selectFrom('tags').select('id').orderBy('id').execute()).map((r) => r.id);
        const slugs = async (edition: string, idList: number[] | undefined, limit: number) => (await byEditionAndIds(db, { edition, ids: idList, limit })).map((r) => r.slug);
        assert.deepEqual(await slugs('en', undefined, 10), ['t0', 't2', 't4']);
        assert.deepEqual(await slugs('fa', undefined, 10), ['t1', 't3'], 'a new value, same compiled query');
        assert.deepEqual(await slugs('en', undefined, 2), ['t0', 't2'], 'another inlined limit');
        assert.deepEqual(await slugs('en', [ids[2]!, ids[4]!], 10), ['t2', 't4'], 'an IN list');
        assert.deepEqual(await slugs('en', [ids[0]!], 10), ['t0'], 'an IN list of another length');
        assert.deepEqual(await slugs("en' OR '1'='1", undefined, 10), [], 'values stay values');
        await assert.rejects(byEditionAndIds(db, { edition: 'en', ids: undefined, limit: 1.5 }), /whole number/);
      } finally {
        await dispose();
      }
    });
  });
}
