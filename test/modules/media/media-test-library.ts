import { PDFDocument } from 'pdf-lib';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DialectName } from '../../../src/storage/database.js';
import type { Db } from '../../../src/storage/database.js';
import { migrateToLatest } from '../../../src/storage/migrations/index.js';
import { freshStorage } from '../../support/dialects.js';

/** A migrated database, an empty media directory and a place for incoming files, for one test. */
export interface TestLibrary {
  db: Db;
  mediaDir: string;
  /** writes bytes where the HTTP layer would put an upload; returns the path */
  incoming(bytes: Uint8Array | string, name?: string): string;
  /** every file under the media directory, relative to it */
  files(): string[];
  userId: number;
}

export async function withLibrary(dialect: DialectName, run: (lib: TestLibrary) => Promise<void>): Promise<void> {
  const { storage, dispose } = await freshStorage(dialect);
  const root = mkdtempSync(join(tmpdir(), 'nashr-media-'));
  try {
    await migrateToLatest(storage.db);
    const { id: userId } = await storage.db
      .insertInto('users')
      .values({ display_name: 'Editor', slug: 'editor', role: 'editor', created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mediaDir = join(root, 'media');
    const incomingDir = mkdtempSync(join(root, 'incoming-'));
    let n = 0;
    await run({
      db: storage.db,
      mediaDir,
      userId,
      incoming(bytes, name = 'upload') {
        const file = join(incomingDir, `${n++}-${name}`);
        writeFileSync(file, bytes);
        return file;
      },
      files() {
        try {
          return (readdirSync(mediaDir, { recursive: true }) as string[])
            .filter((f) => statSync(join(mediaDir, f)).isFile())
            .map((f) => f.split('\\').join('/'))
            .sort();
        } catch {
          return [];
        }
      },
    });
  } finally {
    await dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

/** A small, valid one-page PDF (a PDF without pages is refused). */
export const PDF_BYTES: Uint8Array = await (async () => {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  return doc.save();
})();
