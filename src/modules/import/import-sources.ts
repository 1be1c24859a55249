import type { Db } from '../../storage/database.js';

/** What an earlier import made of one WordPress object. */
export interface SourceRow {
  targetId: number;
  hash: string;
}

/** The key of a source in memory: its WordPress id and the edition it went to. */
export const sourceKey = (wpId: number | string, edition = '') => `${wpId}|${edition}`;

/** Everything earlier imports of this site made of one kind of object, by sourceKey. */
export async function loadSources(db: Db, site: string, kind: string): Promise<Map<string, SourceRow>> {
  const rows = await db.selectFrom('import_sources').select(['wp_id', 'edition', 'target_id', 'content_hash']).where('wp_site', '=', site).where('source_kind', '=', kind).execute();
  return new Map(rows.map((r) => [sourceKey(r.wp_id, r.edition), { targetId: r.target_id, hash: r.content_hash }]));
}

/** Records (or brings up to date) which row a WordPress object became. */
export async function saveSource(
  db: Db,
  s: { site: string; kind: string; wpId: number | string; edition?: string; targetKind: string; targetId: number; hash: string },
  existing: boolean,
): Promise<void> {
  const now = new Date().toISOString();
  const edition = s.edition ?? '';
  if (existing) {
    await db
      .updateTable('import_sources')
      .set({ target_id: s.targetId, content_hash: s.hash, imported_at: now })
      .where('wp_site', '=', s.site)
      .where('source_kind', '=', s.kind)
      .where('wp_id', '=', String(s.wpId))
      .where('edition', '=', edition)
      .execute();
    return;
  }
  await db
    .insertInto('import_sources')
    .values({ wp_site: s.site, source_kind: s.kind, wp_id: String(s.wpId), edition, target_kind: s.targetKind, target_id: s.targetId, content_hash: s.hash, imported_at: now })
    .execute();
}

/** How many items of the file an interrupted import had committed (0: start from the beginning). */
export async function readCheckpoint(db: Db, fileKey: string): Promise<number> {
  const row = await db.selectFrom('import_checkpoints').select('position').where('file_key', '=', fileKey).executeTakeFirst();
  return row?.position ?? 0;
}

export async function writeCheckpoint(db: Db, fileKey: string, position: number): Promise<void> {
  const now = new Date().toISOString();
  const updated = await db.updateTable('import_checkpoints').set({ position, updated_at: now }).where('file_key', '=', fileKey).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('import_checkpoints').values({ file_key: fileKey, position, updated_at: now }).execute();
}

export async function clearCheckpoint(db: Db, fileKey: string): Promise<void> {
  await db.deleteFrom('import_checkpoints').where('file_key', '=', fileKey).execute();
}
