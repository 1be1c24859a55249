import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const available = new Map<string, Promise<boolean>>();

/** Whether a command-line tool is installed (asked once per process). */
function has(tool: string, versionFlag: string): Promise<boolean> {
  let p = available.get(tool);
  if (!p) {
    p = run(tool, [versionFlag], { timeout: 10_000 }).then(() => true, () => false);
    available.set(tool, p);
  }
  return p;
}

export const hasFfmpeg = () => has('ffmpeg', '-version');
export const hasPdftoppm = () => has('pdftoppm', '-v');

/**
 * A still image for a video or a PDF, as a temporary file the caller stores and removes:
 * a frame one second in (or the first) from ffmpeg, the first page from pdftoppm.
 * Undefined when the tool is not installed or cannot read the file — a missing preview never
 * refuses an upload; the editor can still choose an image.
 */
export async function makePreview(file: string, kind: 'video' | 'pdf'): Promise<{ path: string; dispose(): Promise<void> } | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'nashr-preview-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    if (kind === 'video') {
      if (!(await hasFfmpeg())) return void (await dispose());
      const out = join(dir, 'poster.jpg');
      for (const at of ['1', '0']) {
        await run('ffmpeg', ['-v', 'error', '-y', '-ss', at, '-i', file, '-frames:v', '1', '-q:v', '3', out], { timeout: 60_000 }).catch(() => undefined);
        if ((await readdir(dir)).includes('poster.jpg')) return { path: out, dispose };
      }
    } else {
      if (!(await hasPdftoppm())) return void (await dispose());
      await run('pdftoppm', ['-png', '-singlefile', '-f', '1', '-l', '1', '-scale-to', '1280', file, join(dir, 'cover')], { timeout: 60_000 });
      return { path: join(dir, 'cover.png'), dispose };
    }
  } catch {
    // the tool could not read it: no preview
  }
  await dispose();
  return undefined;
}
