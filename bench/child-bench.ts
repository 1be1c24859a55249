// The search and comment benchmarks as `npm run bench` runs them: each in a child process of its
// own (bench/search.ts, bench/comments.ts), its output shown as it goes, its JSON result
// (bench/results/<name>-latest.json) read back for the main results and a summary line.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const CHILD_BENCHES = ['search', 'comments'] as const;
export type ChildBenchName = (typeof CHILD_BENCHES)[number];

export interface ChildBench {
  exitCode: number | null;
  /** what the benchmark wrote, or null when it wrote nothing (it failed) */
  result: Record<string, any> | null;
  /** one line for the printed summary */
  line: string;
}

/** Runs one benchmark to its end; `children` holds it meanwhile, so the caller's clean-up can stop it. */
export async function runChildBench(name: ChildBenchName, children: Set<ChildProcess>): Promise<ChildBench> {
  const file = join(ROOT, 'bench', 'results', `${name}-latest.json`);
  rmSync(file, { force: true });
  const items = process.env.BENCH_SEARCH_ITEMS;
  const args = name === 'search' && items ? [items] : [];
  console.log(`bench: ${name}…`);
  const child = spawn(process.execPath, ['--import', 'tsx', join('bench', `${name}.ts`), ...args], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  children.add(child);
  const exitCode = await new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  children.delete(child);
  const result = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>) : null;
  return { exitCode, result, line: summaryLine(name, result, exitCode) };
}

const ms = (n: unknown, digits = 1) => (typeof n === 'number' ? n.toFixed(digits) : '–');

function summaryLine(name: ChildBenchName, r: Record<string, any> | null, exitCode: number | null): string {
  if (!r) return `bench: ${name} failed (exit ${exitCode ?? 'by a signal'}), no results`;
  if (name === 'search') {
    const kinds = Object.entries(r.results as Record<string, { p95Ms: number; cpuMsPerSearch: number }>)
      .map(([kind, k]) => `${kind} p95 ${ms(k.p95Ms)} ms (CPU ${ms(k.cpuMsPerSearch, 2)} ms/search)`)
      .join(', ');
    return `bench: search over ${r.items} items at c=${r.concurrency}: ${kinds} (target p95 < ${r.targetP95Ms} ms: ${r.met ? 'met' : 'MISSED'}; load ${ms(r.load1Before)} → ${ms(r.load1After)})`;
  }
  return (
    `bench: comment posts at c=${r.connections}: p50 ${ms(r.p50Ms)} ms, p99 ${ms(r.p99Ms)} ms (target < ${r.targetP99Ms} ms: ${r.p99Ms < r.targetP99Ms ? 'met' : 'MISSED'}), ` +
    `server CPU ${ms(r.cpuMsPerPost, 2)} ms per post, ${r.posts} posts, ${r.noneLost ? 'none lost' : `LOST: ${r.acknowledged} acknowledged, ${r.stored} stored`} (load ${ms(r.load1Before)} → ${ms(r.load1After)})`
  );
}

/** `--only site|search|comments` (or `--only=…`) from the command line; undefined runs them all. */
export function onlyArg(argv: readonly string[]): 'site' | ChildBenchName | undefined {
  const i = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (i < 0) return undefined;
  const value = argv[i]!.startsWith('--only=') ? argv[i]!.slice('--only='.length) : argv[i + 1];
  if (value === 'site' || value === 'search' || value === 'comments') return value;
  throw new Error(`--only takes site, search or comments (got ${value ?? 'nothing'})`);
}
