// `npx tsx bench/comments.ts`: readers posting comments under load. Starts the real app (SQLite,
// demo content) in a child process behind a pretend proxy, fetches the comment forms of up to
// eight articles from the home page, waits out the minimum fill time, then 32 connections — 32
// readers, each with its own address (X-Forwarded-For) and one of those articles — post distinct
// comments for 2 seconds of warm-up (BENCH_WARMUP_SECONDS; as the site's scenarios have: a process
// just started runs its code unoptimized at first), then for 10 measured seconds. Checks that every acknowledged
// comment (a 303) is stored — none lost — and reports p50/p99 latency against the target (p99 < 50 ms)
// and the server's CPU time per post (steadier than latency on a busy machine). Writes
// bench/results/comments-latest.json; exits non-zero only when a comment is lost.
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/storage/database.js';
import { MIN_FILL_MS } from '../src/modules/comments/index.js';
import { cpuMs } from './load.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const TARGET_P99_MS = 50;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function post(agent: Agent, url: URL, body: string, from: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': from } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const dir = mkdtempSync(join(tmpdir(), 'nashr-bench-comments-'));
// BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops.
const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
const child = fork(join(ROOT, 'bench', 'comment-server.ts'), [dir], { execArgv: ['--import', 'tsx', ...profile], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
try {
  const { address } = await new Promise<{ address: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { address: string }));
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  const home = await (await fetch(`${address}/`)).text();
  const itemPaths = [...new Set([...home.matchAll(/class="comment-count" href="([^"#]+)#comments"/g)].map((m) => m[1]!))].slice(0, 8);
  if (!itemPaths.length) throw new Error('no article on the home page');
  const forms = await Promise.all(itemPaths.map(async (itemPath) => {
    const page = await (await fetch(address + itemPath)).text();
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? '';
    const action = new URL(/<form class="comment-form" id="comment-form" method="post" action="([^"]+)"/.exec(page)![1]!, address);
    return { fields: { item_id: field('item_id'), token: field('token') }, action };
  }));
  await new Promise((r) => setTimeout(r, MIN_FILL_MS + 200));

  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS, noDelay: true });
  const statuses = new Map<number, number>();
  let n = 0;
  /** 32 readers posting for `seconds`; the latency of each post. */
  const postFor = async (seconds: number): Promise<number[]> => {
    const latencies: number[] = [];
    const until = Date.now() + seconds * 1000;
    await Promise.all(Array.from({ length: CONNECTIONS }, async (_, worker) => {
      while (Date.now() < until) {
        const i = n++;
        const form = forms[worker % forms.length]!;
        const body = new URLSearchParams({ ...form.fields, name: `Reader ${worker}`, email: `reader${i}@example.org`, body: `Comment number ${i} from connection ${worker}.`, website: '' }).toString();
        const start = performance.now();
        const status = await post(agent, form.action, body, `10.0.0.${worker + 1}`);
        latencies.push(performance.now() - start);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }));
    return latencies.sort((a, b) => a - b);
  };
  const warmup = await postFor(WARMUP_SECONDS);
  const load1Before = loadavg()[0]!;
  const cpuBefore = cpuMs(child.pid!);
  const latencies = await postFor(SECONDS);
  const cpuAfter = cpuMs(child.pid!);
  const load1After = loadavg()[0]!;
  agent.destroy();
  const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  const pct = (p: number) => percentile(latencies, p);
  const storage = openDatabase(`sqlite:${join(dir, 'nashr.sqlite')}`);
  const stored = Number((await storage.db.selectFrom('comments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  await storage.close();
  const acknowledged = statuses.get(303) ?? 0;
  const cpuMsPerPost = cpuBefore !== null && cpuAfter !== null && latencies.length ? (cpuAfter - cpuBefore) / latencies.length : null;
  const result = {
    timestamp: new Date().toISOString(), connections: CONNECTIONS, seconds: SECONDS, items: forms.length,
    warmup: { seconds: WARMUP_SECONDS, posts: warmup.length, p50Ms: percentile(warmup, 50), p99Ms: percentile(warmup, 99) }, posts: latencies.length, postsPerSec: latencies.length / SECONDS,
    statuses: Object.fromEntries(statuses), p50Ms: pct(50), p99Ms: pct(99), cpuMsPerPost, acknowledged, stored, noneLost: stored === acknowledged,
    load1Before, load1After, targetP99Ms: TARGET_P99_MS, met: pct(99) < TARGET_P99_MS && stored === acknowledged,
  };
  if (warmup.length) console.log(`warm-up: ${warmup.length} posts in ${WARMUP_SECONDS}s, p50 ${percentile(warmup, 50).toFixed(1)} ms, p99 ${percentile(warmup, 99).toFixed(1)} ms (not counted below)`);
  console.log(`comment posts: ${latencies.length} in ${SECONDS}s at c=${CONNECTIONS} (${Math.round(latencies.length / SECONDS)}/s); statuses, warm-up included: ${JSON.stringify(result.statuses)}`);
  console.log(`latency p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms (target < ${TARGET_P99_MS} ms): ${pct(99) < TARGET_P99_MS ? 'ok' : 'MISSED'}; server CPU ${cpuMsPerPost?.toFixed(2) ?? '–'} ms per post; load ${load1Before.toFixed(1)} → ${load1After.toFixed(1)}`);
  console.log(`acknowledged ${acknowledged} (warm-up included), stored ${stored}: ${stored === acknowledged ? 'none lost' : 'LOST OR EXTRA'}`);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'comments-latest.json'), JSON.stringify(result, null, 2) + '\n');
  if (stored !== acknowledged) process.exitCode = 1;
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
