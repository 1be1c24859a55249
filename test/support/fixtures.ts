import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared third-party fixtures: `../shared/fixtures/` beside the checkout (as CI lays it
 * out), or wherever NASHR_FIXTURES_DIR points.
 */
const DIR = process.env.NASHR_FIXTURES_DIR ?? fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));

/** Reads a fixture file as text; says where it looked when the folder is missing. */
export function readFixture(path: string): string {
  const file = join(DIR, path);
  if (!existsSync(file)) throw new Error(`fixture ${path} not found in ${DIR} (put shared/ beside the checkout or set NASHR_FIXTURES_DIR)`);
  return readFileSync(file, 'utf8');
}
