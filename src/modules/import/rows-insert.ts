import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from '../../storage/database.js';

/** Compiled statements kept per dialect and statement: enough for the full chunks an import repeats. */
const MAX_SHAPES = 16;

/**
 * A multi-row INSERT that Kysely builds and compiles once per row count (and dialect), then runs
 * with new values: building one of a few hundred rows costs Kysely more than running it costs
 * SQLite. `build` gets rows whose values are placeholders and must use them only as values; the
 * rows given to the returned function are lists of values in `columns` order.
 */
export function rowsInsert<R>(columns: readonly string[], build: (db: Db, rows: Record<string, number>[]) => Compilable<R>) {
  const byDialect = new WeakMap<object, Map<number, CompiledQuery<R>>>();
  return async (db: Db, rows: readonly (readonly unknown[])[]): Promise<R[]> => {
    if (!rows.length) return [];
    const adapter = db.getExecutor().adapter;
    let byCount = byDialect.get(adapter);
    if (!byCount) byDialect.set(adapter, (byCount = new Map()));
    let compiled = byCount.get(rows.length);
    if (!compiled) {
      // Each value is a number naming its place (row × columns + column), so the compiled parameters say where every value goes.
      compiled = build(db, rows.map((_, r) => Object.fromEntries(columns.map((c, k) => [c, r * columns.length + k])))).compile();
      if (byCount.size >= MAX_SHAPES) byCount.clear();
      byCount.set(rows.length, compiled);
    }
    const parameters = compiled.parameters.map((p) => rows[Math.floor((p as number) / columns.length)]![(p as number) % columns.length]);
    return (await db.executeQuery<R>({ ...compiled, parameters })).rows;
  };
}
