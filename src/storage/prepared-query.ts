import type { CompiledQuery, Compilable } from 'kysely';
import { sqliteReaderOf, sqliteReaderPoolOf, type Db } from './database.js';

type Arg = string | number | null | undefined | readonly (string | number)[];
type Args = Record<string, Arg>;

const MARK = '\u0000nashr:';

/** The same args with every value replaced by a marker naming it, so its place in the compiled SQL can be found. */
function markers(args: Args, inline: readonly string[]): Args {
  const out: Args = {};
  for (const [key, value] of Object.entries(args)) {
    if (inline.includes(key)) out[key] = value;
    else if (Array.isArray(value)) out[key] = value.map((_, i) => `${MARK}${key}:${i}`);
    else if (value !== undefined && value !== null) out[key] = `${MARK}${key}`;
    else out[key] = value;
  }
  return out;
}

/** Queries differ in shape when an argument is present or not, an IN list has another length, or an inlined value differs. */
function shape(args: Args, inline: readonly string[]): string {
  return Object.entries(args)
    .map(([k, v]) => `${k}=${inline.includes(k) ? `#${String(v)}` : Array.isArray(v) ? v.length : v === undefined || v === null ? '-' : '1'}`)
    .join(',');
}

function bind(compiled: CompiledQuery, args: Args): readonly unknown[] {
  return compiled.parameters.map((p) => {
    if (typeof p !== 'string' || !p.startsWith(MARK)) return p;
    const [key, index] = p.slice(MARK.length).split(':') as [string, string | undefined];
    const value = args[key];
    return index === undefined ? value : (value as readonly unknown[])[Number(index)];
  });
}

/**
 * A read query that Kysely builds and compiles once per dialect and shape, then runs with new
 * values. Building a three-join select costs about seven times what SQLite needs to run it, so
 * the public pages' queries go through this. `build` must use the args only as values (never to
 * choose SQL by their content: by their presence is fine). Args named in `inline` are whole
 * numbers written into the SQL itself: SQLite plans `LIMIT 10` far better than `LIMIT ?`.
 * On a SQLite file the query runs on the read-only connection (committed data only), or with
 * `offThread` on one of the reader threads (for a query that costs milliseconds: see
 * sqlite-reader-pool.ts).
 */
export function preparedQuery<A extends Args, R>(build: (db: Db, args: A) => Compilable<R>, inline: readonly (keyof A & string)[] = [], options: { offThread?: boolean } = {}) {
  const compiledByDialect = new WeakMap<object, Map<string, CompiledQuery<R>>>();
  return async (db: Db, args: A): Promise<R[]> => {
    const adapter = db.getExecutor().adapter;
    let byShape = compiledByDialect.get(adapter);
    if (!byShape) compiledByDialect.set(adapter, (byShape = new Map()));
    for (const k of inline) if (!Number.isSafeInteger(args[k])) throw new TypeError(`${k} must be a whole number`);
    const key = shape(args, inline);
    let compiled = byShape.get(key);
    if (!compiled) {
      compiled = build(db, markers(args, inline) as A).compile();
      byShape.set(key, compiled);
    }
    const parameters = bind(compiled, args);
    const pool = options.offThread ? sqliteReaderPoolOf(db) : undefined;
    if (pool) return (await pool.all(compiled.sql, parameters)) as R[];
    const reader = sqliteReaderOf(db);
    if (reader) return reader.all(compiled.sql, parameters) as R[];
    const result = await db.executeQuery<R>({ ...compiled, parameters });
    return result.rows;
  };
}

/**
 * A statement compiled once per dialect and shape like preparedQuery's (same rules for `build`),
 * but run on `db` itself, so it sees (and may make) the writes of the transaction it is given:
 * for the hot writes of a long import.
 */
export function preparedStatement<A extends Args, R = unknown>(build: (db: Db, args: A) => Compilable<R>) {
  const compiledByDialect = new WeakMap<object, Map<string, CompiledQuery<R>>>();
  return async (db: Db, args: A): Promise<R[]> => {
    const adapter = db.getExecutor().adapter;
    let byShape = compiledByDialect.get(adapter);
    if (!byShape) compiledByDialect.set(adapter, (byShape = new Map()));
    const key = shape(args, []);
    let compiled = byShape.get(key);
    if (!compiled) {
      compiled = build(db, markers(args, []) as A).compile();
      byShape.set(key, compiled);
    }
    const result = await db.executeQuery<R>({ ...compiled, parameters: bind(compiled, args) });
    return result.rows;
  };
}
