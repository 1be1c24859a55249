import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { checkpointInBackground } from '../../src/storage/sqlite-checkpointer.js';
import { freshStorage } from '../support/dialects.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes enough rows to fill a few hundred log pages, each in its own commit, as requests do. */
async function write(db: Awaited<ReturnType<typeof freshStorage>>['storage']['db']): Promise<void> {
  await sql`create table notes (id integer primary key, text text not null)`.execute(db);
  for (let i = 0; i < 300; i++) await sql`insert into notes (text) values (${'x'.repeat(2000) + i})`.execute(db);
}

describe('checkpoints in a background thread (SQLite)', () => {
  it('moves committed pages into the database file while the writer only appends to the log', async () => {
    const fresh = await freshStorage('sqlite');
    try {
      const { db } = fresh.storage;
      const file = fresh.url.slice('sqlite:'.length);
      await sql`select 1`.execute(db);
      const stop = await checkpointInBackground(db);
      assert.equal((await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]!.wal_autocheckpoint, 0, 'the writer no longer checkpoints');
      await write(db);
      await sleep(1000);
      await stop();
      assert.ok(statSync(file).size > 300 * 2000, `the rows reached the database file (${statSync(file).size} bytes)`);
      assert.equal((await sql<{ n: number }>`select count(*) as n from notes`.execute(db)).rows[0]!.n, 300, 'nothing written is lost');
    } finally {
      await fresh.dispose();
    }
  });

  it('without it the writer keeps its own checkpoints; an in-memory database is left alone', async () => {
    const fresh = await freshStorage('sqlite');
    try {
      const { db } = fresh.storage;
      assert.equal((await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]!.wal_autocheckpoint, 1000);
      const { openDatabase } = await import('../../src/storage/database.js');
      const memory = openDatabase('sqlite::memory:');
      const stop = await checkpointInBackground(memory.db);
      assert.equal((await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(memory.db)).rows[0]!.wal_autocheckpoint, 1000);
      await stop();
      await memory.close();
    } finally {
      await fresh.dispose();
    }
  });

  it('cuts the write-ahead log back once a burst that outran the checkpoints has been copied', async () => {
    const fresh = await freshStorage('sqlite');
    try {
      const { db } = fresh.storage;
      const wal = fresh.url.slice('sqlite:'.length) + '-wal';
      await sql`pragma wal_autocheckpoint = 0`.execute(db); // as if no checkpoint kept up
      await sql`create table blobs (id integer primary key, data blob not null)`.execute(db);
      const chunk = Buffer.alloc(1024 * 1024, 7);
      for (let i = 0; i < 80; i++) await sql`insert into blobs (data) values (${chunk})`.execute(db);
      assert.ok(statSync(wal).size > 80 * 1024 * 1024, `the burst grew the log (${statSync(wal).size} bytes)`);
      await sql`pragma wal_checkpoint(PASSIVE)`.execute(db);
      await sql`insert into blobs (data) values (${chunk})`.execute(db); // the log starts over
      assert.ok(statSync(wal).size <= 64 * 1024 * 1024, `the log was cut back (${statSync(wal).size} bytes)`);
      assert.equal((await sql<{ n: number }>`select count(*) as n from blobs`.execute(db)).rows[0]!.n, 81);
    } finally {
      await fresh.dispose();
    }
  });
});
