import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ImportError, importWordpress, type ImportOptions, type ImportProgress } from '../../modules/import/index.js';
import type { Db } from '../../storage/database.js';
import type { ImportOutcome, ImportRequest } from '../../themes/admin/import-views.js';

export type { ImportOutcome, ImportRequest };

export type ImportState =
  | { state: 'idle'; last: ImportOutcome | null }
  | { state: 'running'; request: ImportRequest; startedAt: string; progress: ImportProgress; last: ImportOutcome | null };

/** Thrown when an import is asked for while another runs. */
export class ImportBusyError extends Error {
  readonly code = 'import.busy';
  constructor() {
    super('An import is already running. Wait for it to finish (its progress is on the Import page), then start the next one.');
  }
}

/**
 * The newsroom's WordPress import, one at a time per process, in the background: the upload
 * answers at once and the page follows the progress. The last outcome is written to
 * `<data dir>/import/last-import.json`.
 */
export class ImportJob {
  private current: Extract<ImportState, { state: 'running' }> | null = null;
  private running: Promise<void> | null = null;
  private last: ImportOutcome | null | undefined;

  constructor(
    private readonly db: Db,
    readonly workDir: string,
    private readonly base: Pick<ImportOptions, 'mediaDir' | 'editions' | 'editionPrefixes'>,
    private readonly log: { error(obj: unknown, msg: string): void },
    private readonly now: () => Date = () => new Date(),
  ) {}

  get busy(): boolean {
    return this.current !== null;
  }

  /** Where things are: the running import's progress, or the last outcome. */
  async state(): Promise<ImportState> {
    const last = await this.lastOutcome();
    return this.current ? { ...this.current, progress: { ...this.current.progress }, last } : { state: 'idle', last };
  }

  async lastOutcome(): Promise<ImportOutcome | null> {
    if (this.last === undefined) {
      try {
        this.last = JSON.parse(await readFile(this.outcomeFile(), 'utf8')) as ImportOutcome;
      } catch {
        this.last = null;
      }
    }
    return this.last;
  }

  /**
   * Starts importing `file` (a temp file of ours, removed when the import ends). Refuses with
   * ImportBusyError while another import runs; then the caller still owns the file.
   */
  start(file: string, request: ImportRequest): void {
    if (this.current) throw new ImportBusyError();
    const startedAt = this.now().toISOString();
    const current = { state: 'running' as const, request, startedAt, progress: { phase: 'starting', done: 0 } as ImportProgress, last: null };
    this.current = current;
    this.running = this.run(file, request, startedAt, (p) => {
      current.progress = p;
    });
  }

  /**
   * Removes uploads a crash or a kill left behind in the work folder. Only those older than a day:
   * another process sharing the data folder may be importing a fresh one.
   */
  async removeLeftovers(maxAgeMs = 24 * 3600 * 1000): Promise<number> {
    let removed = 0;
    const names = await readdir(this.workDir).catch(() => [] as string[]);
    for (const name of names.filter((n) => /^upload-[0-9a-f]{24}\.xml$/.test(n))) {
      const file = join(this.workDir, name);
      const info = await stat(file).catch(() => undefined);
      if (info && this.now().getTime() - info.mtimeMs > maxAgeMs) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Resolves when the running import (if any) has finished. */
  async settled(): Promise<void> {
    await this.running;
  }

  private async run(file: string, request: ImportRequest, startedAt: string, onProgress: (p: ImportProgress) => void): Promise<void> {
    let outcome: ImportOutcome;
    try {
      const report = await importWordpress(this.db, { ...this.base, file, edition: request.edition, dryRun: request.dryRun, uploadsDir: request.uploadsDir, onProgress });
      outcome = { request, startedAt, finishedAt: this.now().toISOString(), report };
    } catch (err) {
      // An ImportError speaks to people about their file; anything else is ours, and goes to the log.
      if (!(err instanceof ImportError)) this.log.error({ err }, 'the WordPress import failed');
      const error = err instanceof ImportError ? err.message : 'The import stopped because of an error on the server (see the server log). What was imported before it is kept; run the import again to continue.';
      outcome = { request, startedAt, finishedAt: this.now().toISOString(), error };
    } finally {
      await rm(file, { force: true });
    }
    this.last = outcome;
    this.current = null;
    await this.saveOutcome(outcome).catch((err: unknown) => this.log.error({ err }, 'the import report could not be saved'));
  }

  private outcomeFile(): string {
    return join(this.workDir, 'last-import.json');
  }

  /** Written to a temp file and renamed, so a crash never leaves half a report. */
  private async saveOutcome(outcome: ImportOutcome): Promise<void> {
    await mkdir(this.workDir, { recursive: true });
    const temp = `${this.outcomeFile()}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(outcome));
    await rename(temp, this.outcomeFile());
  }
}
