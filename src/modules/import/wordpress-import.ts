import { randomBytes } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ItemSpool } from './item-spool.js';
import type { Db } from '../../storage/database.js';
import { recount } from '../comments/comments.repository.js';
import { ImportError } from './import.errors.js';
import { importAuthors } from './import-people.js';
import { withBackgroundCheckpoints } from './import-checkpoints.js';
import { importAttachments } from './import-media.js';
import { importPosts } from './import-posts.js';
import { ReportBuilder } from './import-report.js';
import { ImportRun } from './import-run.js';
import { clearCheckpoint, readCheckpoint, writeCheckpoint } from './import-sources.js';
import { finishTerms } from './import-terms.js';
import type { ImportOptions, ImportReport } from './import.types.js';
import { readTypeMapping } from './type-mapping.js';
import { scanWxr } from './wxr-scan.js';
import type { WxrItem } from './wxr.types.js';

/** Thrown inside a dry run's transaction to roll everything back. */
class DryRunDone extends Error {}

/** Runs `fn` in a transaction of its own, or (in a dry run) inside the one transaction that is rolled back at the end. */
type Batch = <T>(fn: () => Promise<T>) => Promise<T>;

/**
 * Imports a WordPress export into the site: authors, categories and tags, attachments (from
 * `uploadsDir`), posts, pages and mapped custom posts with their comments, and a redirect from
 * every old address. The file is read once as a stream and checked whole before anything is
 * written (its items spooled meanwhile to a temporary JSON-lines file, read back to import them),
 * so its size does not matter and a broken file writes nothing. Items go in batches, each one
 * transaction ending with a checkpoint: a failed run, started again, goes on where it stopped,
 * and a run over an unchanged file changes nothing. A dry run does all of it in one transaction
 * and rolls it back (files are not copied).
 */
export async function importWordpress(db: Db, opts: ImportOptions): Promise<ImportReport> {
  if (!opts.editions.length) throw new ImportError('the site has no editions to import into');
  if (opts.edition && !opts.editions.includes(opts.edition)) throw new ImportError(`no edition "${opts.edition}": the site has ${opts.editions.join(', ')}`);
  let info;
  try {
    info = await stat(opts.file);
  } catch {
    throw new ImportError(`cannot read ${opts.file}: no such file`);
  }
  if (!info.isFile()) throw new ImportError(`${opts.file} is not a file`);
  const mapping = await readTypeMapping(opts.mapping);
  opts.onProgress?.({ phase: 'reading', done: 0, total: info.size });
  // Working files stay inside the site's data folder (beside media/), never elsewhere.
  const workDir = join(dirname(opts.mediaDir), 'import');
  await mkdir(workDir, { recursive: true });
  const spool = new ItemSpool(join(workDir, `posts-${randomBytes(8).toString('hex')}.jsonl`));
  try {
    const total = info.size;
    const scan = await scanWxr(opts.file, `${info.size}:${info.mtimeMs}`, spool, (done) => opts.onProgress?.({ phase: 'reading', done, total }));
    await spool.close();
    const run = new ImportRun(opts, scan, new ReportBuilder(!!opts.dryRun), mapping);
    if (opts.dryRun) await importScanned(db, run, spool);
    else await withBackgroundCheckpoints(db, () => importScanned(db, run, spool));
    return run.report.report;
  } finally {
    await spool.dispose();
  }
}

async function importScanned(db: Db, run: ImportRun, spool: ItemSpool): Promise<void> {
  const { opts } = run;

  if (!opts.dryRun) {
    const batch: Batch = (fn) =>
      db.transaction().execute(async (trx) => {
        run.db = trx;
        try {
          const result = await fn();
          await run.flushBatch();
          return result;
        } finally {
          run.db = db;
        }
      });
    await execute(run, db, batch, spool);
    return;
  }
  try {
    await db.transaction().execute(async (trx) => {
      run.db = trx;
      await execute(run, trx, async (fn) => {
        const result = await fn();
        await run.flushBatch();
        return result;
      }, spool);
      throw new DryRunDone();
    });
  } catch (err) {
    if (!(err instanceof DryRunDone)) throw err;
  }
}

async function execute(run: ImportRun, db: Db, batch: Batch, spool: ItemSpool): Promise<void> {
  const { scan, report, opts } = run;
  const size = opts.batchSize ?? 200;
  run.db = db;
  await run.loadSources(db);
  await batch(() => importAuthors(run));
  await importAttachments(run, batch);

  // Post types that are not imported: one line each in the report.
  for (const [type, n] of scan.postTypes) {
    if (type === 'attachment') continue;
    const mapped = run.mapping.get(type);
    if (!mapped) report.warn({ kind: type, message: `${n} item(s) of type ${type} not imported (menus, revisions and theme data are not content; map a custom post type with --mapping)` });
  }

  const resumeAt = opts.dryRun ? 0 : await readCheckpoint(db, scan.fileKey);
  if (resumeAt) report.warn({ kind: 'import', message: `an earlier import of this file stopped after ${resumeAt} item(s): resumed from there` });
  let position = 0;
  let pending: WxrItem[] = [];
  const flush = async () => {
    const items = pending;
    pending = [];
    const end = position;
    await batch(async () => {
      const recountIds = await importPosts(run, items);
      await run.flushComments();
      await recount(run.db, recountIds);
      if (!opts.dryRun) await writeCheckpoint(run.db, scan.fileKey, end);
    });
    run.progress('items', end, spool.count);
  };
  for await (const item of spool.read()) {
    position++;
    if (position <= resumeAt) {
      // Done by the earlier run: counted, not converted again.
      const mapped = run.mapping.get(item.postType);
      const kind = mapped && mapped !== 'skip' ? mapped : item.postType;
      report.add(kind, 'found');
      report.add(kind, 'skipped');
      continue;
    }
    pending.push(item);
    if (pending.length >= size) await flush();
  }
  if (pending.length) await flush();

  await batch(async () => {
    await linkParents(run);
    await finishTerms(run);
    // WordPress's feed addresses (/feed/, /category/…/feed/) are answered by the feeds themselves.
    if (!opts.dryRun) await clearCheckpoint(run.db, scan.fileKey);
  });
  run.progress('done', spool.count, spool.count);
}

/** Pages point at their parent pages (a parent may come after its child in the file). */
async function linkParents(run: ImportRun): Promise<void> {
  for (const [wpId, { parent }] of run.scan.items) {
    if (!parent) continue;
    for (const edition of run.opts.editions) {
      const child = run.source('post', wpId, edition);
      const mother = child && run.source('post', parent, edition);
      if (!child || !mother) continue;
      await run.db
        .updateTable('items')
        .set({ parent_id: mother.targetId })
        .where('id', '=', child.targetId)
        .where('type', '=', 'page')
        .where((eb) => eb.or([eb('parent_id', 'is', null), eb('parent_id', '!=', mother.targetId)]))
        .execute();
    }
  }
}
