import { rm, stat } from 'node:fs/promises';
import { isAbsolute, join, parse, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { canAdminister } from '../../modules/accounts/index.js';
import { ImportFormView, ImportProgressView, ImportReportView, countText, phaseText, type ImportFormVM } from '../../themes/admin/import-views.js';
import type { AdminContext } from './admin-context.js';
import { AdminHttpError, forbidden } from './admin-errors.js';
import { sendAdminPage } from './admin-page.js';
import { ImportBusyError, ImportJob } from './import-job.js';
import { receiveImportUpload } from './import-upload.js';
import { actorOfRequest } from './session-hooks.js';

const EMPTY_FORM: ImportFormVM = { edition: '', uploadsDir: '', dryRun: false, errors: {} };

function sizeText(n: number): string {
  return n >= 1024 ** 3 ? `${+(n / 1024 ** 3).toFixed(1)} GB` : `${+(n / 1024 ** 2).toFixed(1)} MB`;
}

/** The uploads folder an administrator typed: an absolute path to a folder that exists on this server, or a message saying why not. */
async function checkUploadsDir(raw: string): Promise<string | undefined> {
  if (raw.includes('\0')) return 'This is not a path.';
  if (!isAbsolute(raw)) return 'Give the full path, starting with / (like /srv/wordpress/wp-content/uploads).';
  // The export names the files to copy: the folder bounds what it can reach, so never the whole disk.
  if (resolve(raw) === parse(resolve(raw)).root) return 'Give the uploads folder itself, not the root of the server’s disk.';
  try {
    if (!(await stat(raw)).isDirectory()) return 'This is a file, not a folder.';
  } catch {
    return 'There is no such folder on the server (or nashr may not read it).';
  }
  return undefined;
}

/**
 * The newsroom's WordPress import (administrators): upload an export, follow the progress, read
 * the report. The import runs in this process, one at a time, while the page polls its status.
 */
export async function importRoutes(app: FastifyInstance, opts: { ctx: AdminContext }): Promise<void> {
  const { ctx } = opts;
  const workDir = join(ctx.config.dataDir, 'import');
  const job = new ImportJob(
    ctx.db,
    workDir,
    { mediaDir: ctx.mediaDir, editions: ctx.editions.map((e) => e.code), editionPrefixes: Object.fromEntries(ctx.editions.map((e) => [e.code, e.prefix])) },
    app.log,
    () => ctx.clock.now(),
  );
  // A running import finishes before the database closes under it.
  app.addHook('onClose', () => job.settled());
  app.addHook('onReady', async () => {
    const n = await job.removeLeftovers().catch(() => 0);
    if (n) app.log.info(`removed ${n} import upload(s) left over from an earlier run`);
  });
  await app.register(fastifyMultipart, { limits: { fileSize: ctx.config.importMaxBytes, files: 1, fields: 10, fieldSize: 2000 } });

  app.addHook('preHandler', async (req) => {
    if (!canAdminister(actorOfRequest(req))) throw forbidden('Only administrators import sites.');
  });

  const formPage = async (req: FastifyRequest, reply: FastifyReply, values: ImportFormVM, status?: number, error?: string) => {
    const { last } = await job.state();
    return sendAdminPage(ctx, req, reply, { title: 'Import from WordPress', section: 'import', status, error }, (csrf) => (
      <ImportFormView csrf={csrf} editions={ctx.editions} values={values} last={last} maxBytesText={sizeText(ctx.config.importMaxBytes)} />
    ));
  };

  app.get('/import', async (req, reply) => {
    const s = await job.state();
    if (s.state !== 'running') return formPage(req, reply, EMPTY_FORM);
    return sendAdminPage(ctx, req, reply, { title: 'Import from WordPress', section: 'import', scripts: [], refreshSeconds: 2 }, () => (
      <ImportProgressView request={s.request} startedAt={s.startedAt} progress={s.progress} editions={ctx.editions} />
    ));
  });

  // What the page's script polls every second.
  app.get('/import/status', async (_req, reply) => {
    const s = await job.state();
    reply.header('cache-control', 'private, no-store');
    if (s.state === 'running') return { state: 'running', phase: s.progress.phase, done: s.progress.done, total: s.progress.total ?? null, phaseText: phaseText(s.progress), countText: countText(s.progress), startedAt: s.startedAt };
    return { state: s.last ? (s.last.error ? 'failed' : 'done') : 'idle', finishedAt: s.last?.finishedAt ?? null, reportUrl: s.last ? '/admin/import/report' : null };
  });

  app.post('/import', async (req, reply) => {
    if (job.busy) throw new AdminHttpError(409, 'import.busy', new ImportBusyError().message);
    const upload = await receiveImportUpload(req, workDir, ctx.config.importMaxBytes);
    const values: ImportFormVM = {
      edition: (upload.fields.edition ?? '').trim(),
      uploadsDir: (upload.fields.uploadsDir ?? '').trim(),
      dryRun: !!upload.fields.dryRun,
      errors: {},
    };
    if (values.edition && !ctx.editions.some((e) => e.code === values.edition)) values.errors.edition = 'Choose one of the site’s editions, or Automatic.';
    if (values.uploadsDir) {
      const problem = await checkUploadsDir(values.uploadsDir);
      if (problem) values.errors.uploadsDir = problem;
    }
    if (Object.keys(values.errors).length) {
      await rm(upload.file, { force: true });
      return formPage(req, reply, values, 400, 'The import did not start: see below, then choose the file again.');
    }
    try {
      job.start(upload.file, { fileName: upload.fileName, edition: values.edition || undefined, dryRun: values.dryRun, uploadsDir: values.uploadsDir || undefined });
    } catch (err) {
      await rm(upload.file, { force: true });
      if (err instanceof ImportBusyError) throw new AdminHttpError(409, err.code, err.message);
      throw err;
    }
    return reply.redirect('/admin/import', 303);
  });

  app.get('/import/report', async (req, reply) => {
    const s = await job.state();
    const outcome = s.last;
    if (!outcome) {
      return sendAdminPage(ctx, req, reply, { title: 'Import report', section: 'import' }, () => (
        <p class="empty">No import has finished yet. <a href="/admin/import">Import a WordPress export</a>.</p>
      ));
    }
    return sendAdminPage(ctx, req, reply, { title: outcome.error ? 'Import report: the import failed' : 'Import report', section: 'import' }, () => (
      <>
        {s.state === 'running' ? <p class="notice notice-success" role="status">Another import is running now: <a href="/admin/import">follow it</a>. This is the report of the one before.</p> : null}
        <ImportReportView outcome={outcome} editions={ctx.editions} />
      </>
    ));
  });
}
