import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { sqliteReaderPoolOf } from '../../src/storage/database.js';
import { freshStorage } from '../support/dialects.js';

describe('read-only SQLite connections on worker threads', () => {
  it('answer with committed rows, many queries at once, and report a bad query without harm', async () => {
    const fresh = await freshStorage('sqlite');
    try {
      const { db } = fresh.storage;
      await sql`create table notes (id integer primary key, text text not null)`.execute(db);
      for (let i = 1; i <= 20; i++) await sql`insert into notes (text) values (${`note ${i}`})`.execute(db);
      const pool = sqliteReaderPoolOf(db)!;
      assert.ok(pool, 'a SQLite file has reader threads');

      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => pool.all('select text from notes where id = ?', [i + 1])));
      assert.deepEqual(answers.map((rows) => (rows as { text: string }[])[0]!.text), Array.from({ length: 20 }, (_, i) => `note ${i + 1}`));

      await assert.rejects(pool.all('select x from nowhere', []), /no such table/);
      await assert.rejects(pool.all('delete from notes returning id', []), /readonly/, 'the threads cannot write');

      await db.transaction().execute(async (trx) => {
        await sql`insert into notes (text) values ('uncommitted')`.execute(trx);
        const during = (await pool.all('select count(*) as n from notes', [])) as { n: number }[];
        assert.equal(during[0]!.n, 20, 'a write in progress is not seen');
      });
      const after = (await pool.all('select count(*) as n from notes', [])) as { n: number }[];
      assert.equal(after[0]!.n, 21, 'a committed write is');
    } finally {
      await fresh.dispose();
    }
  });

  it('is not there for an in-memory database or PostgreSQL, and refuses work once closed', async () => {
    const { openDatabase } = await import('../../src/storage/database.js');
    const memory = openDatabase('sqlite::memory:');
    assert.equal(sqliteReaderPoolOf(memory.db), undefined);
    await memory.close();

    const fresh = await freshStorage('sqlite');
    const pool = sqliteReaderPoolOf(fresh.storage.db)!;
    await sql`create table t (x integer)`.execute(fresh.storage.db);
    assert.deepEqual(await pool.all('select count(*) as n from t', []), [{ n: 0 }]);
    await fresh.dispose();
    await assert.rejects(pool.all('select 1', []), /closed/);
  });
});
