// `npx tsx bench/search.ts [items]`: search latency over a generated site (default 100,000 items
// across the editions, Persian and Arabic among them). Runs the search service in-process against
// a SQLite file, so it measures the index and its queries, not HTTP or the per-address rate limit
// (which a load generator on one address would hit at once). Eight searches are in flight at a
// time, as against one server process: each one's time includes waiting for the others, since
// one process answers them in turn. Prints p50/p95/p99 per query kind with the CPU time per search
// (steadier than latency on a busy machine) and the load average, and writes
// bench/results/search-latest.json. `npm run bench` runs it after the site's scenarios
// (BENCH_SEARCH_ITEMS sets the item count there); generating and indexing 100,000 items takes minutes.
// BENCH_SEARCH_KEEP=DIR keeps the generated site in DIR, and a later run with the same DIR
// searches it again without generating anything (for trying a change to the queries).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/config.js';
import { rebuildSearchIndex, searchEdition } from '../src/modules/search/index.js';
import { openDatabase } from '../src/storage/database.js';
import { generateContent } from './generate-content.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGET_P95_MS = 30;
const CONCURRENCY = 8;
const QUERIES = {
  'one word': [['fa', 'بهداشت'], ['fa', 'بيماري'], ['ar', 'الصحة'], ['ar', 'المياه'], ['en', 'water'], ['en', 'the'], ['sq', 'shendetit']],
  'three words': [['fa', 'آب سالم بیماری'], ['fa', 'مراقبت های بهداشتی'], ['ar', 'المياه النظيفة الأمراض'], ['en', 'clean water disease'], ['en', 'community health workers'], ['sq', 'uji i paster']],
} as const;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 100_000);
  const keep = process.env.BENCH_SEARCH_KEEP;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'nashr-bench-search-'));
  const reuse = keep !== undefined && existsSync(join(dir, 'data'));
  try {
    const env = { NODE_ENV: 'production', NASHR_DATA_DIR: join(dir, 'data'), NASHR_SEED_DEMO: 'true' };
    const config = loadConfig(env);
    let indexed: number | null = null;
    let indexSeconds: number | null = null;
    if (!reuse) {
      console.log(`bench search: generating ${total} items…`);
      const content = await generateContent(config, total);
      const storage = openDatabase(config.databaseUrl);
      const t = performance.now();
      indexed = await rebuildSearchIndex(storage.db);
      indexSeconds = (performance.now() - t) / 1000;
      await storage.close();
      console.log(`  ${content.publishedArticles} published articles; indexed ${indexed} items in ${indexSeconds.toFixed(1)} s`);
    } else console.log(`bench search: searching the site kept in ${dir}`);
    const storage = openDatabase(config.databaseUrl);
    const now = new Date();
    const results: Record<string, { p50Ms: number; p95Ms: number; p99Ms: number; cpuMsPerSearch: number; queries: number; load1: number }> = {};
    const load1Before = loadavg()[0]!;
    // Warm-up, unmeasured, as the site's scenarios have: each query once per page, so the
    // reader threads have started and their connections have read the index's top pages.
    for (const queries of Object.values(QUERIES)) {
      for (const [edition, text] of queries) for (let page = 1; page <= 3; page++) await searchEdition(storage.db, { edition, text, page, perPage: 10, now });
    }
    for (const [kind, queries] of Object.entries(QUERIES)) {
      const times: number[] = [];
      const rounds = 60;
      const cpuBefore = process.cpuUsage();
      // CONCURRENCY searches in flight at once, as eight readers would send them.
      for (let r = 0; r < rounds; r++) {
        await Promise.all(Array.from({ length: CONCURRENCY }, async (_, i) => {
          const [edition, text] = queries[(r * CONCURRENCY + i) % queries.length]!;
          const start = performance.now();
          await searchEdition(storage.db, { edition, text, page: 1 + (i % 3), perPage: 10, now });
          times.push(performance.now() - start);
        }));
      }
      const cpu = process.cpuUsage(cpuBefore);
      times.sort((a, b) => a - b);
      const r = { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), p99Ms: percentile(times, 99), cpuMsPerSearch: (cpu.user + cpu.system) / 1000 / times.length, queries: times.length, load1: loadavg()[0]! };
      results[kind] = r;
      console.log(`  ${kind}: p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms (${times.length} searches, ${CONCURRENCY} at a time); CPU ${r.cpuMsPerSearch.toFixed(2)} ms per search; load ${r.load1.toFixed(1)}`);
    }
    await storage.close();
    const worst = Math.max(...Object.values(results).map((r) => r.p95Ms));
    const cpuMsPerSearch = Math.max(...Object.values(results).map((r) => r.cpuMsPerSearch));
    const load1After = loadavg()[0]!;
    console.log(`bench search: worst p95 ${worst.toFixed(1)} ms (target < ${TARGET_P95_MS} ms); CPU up to ${cpuMsPerSearch.toFixed(2)} ms per search; load ${load1Before.toFixed(1)} → ${load1After.toFixed(1)}`);
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results', 'search-latest.json'), JSON.stringify({ timestamp: now.toISOString(), items: total, indexed, indexSeconds, concurrency: CONCURRENCY, results, worstP95Ms: worst, cpuMsPerSearch, load1Before, load1After, targetP95Ms: TARGET_P95_MS, met: worst < TARGET_P95_MS }, null, 2) + '\n');
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
