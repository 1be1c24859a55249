// `npm run bench`: builds a 10k-article SQLite site in a temp dir, starts the real server in
// production mode, loads four pages and a bare node:http baseline with autocannon, measures the
// home page weight, prints a table and writes bench/results/<timestamp>.json and latest.json.
// Then the search and comment benchmarks, each in its own process (bench/child-bench.ts), their
// results in the same JSON. `--only site|search|comments` runs one part.
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/config.js';
import { CHAIN, generateContent, type EditionContent, type GeneratedContent } from './generate-content.js';
import { load, type LoadOptions, type LoadResult } from './load.js';
import { pageWeight } from './page-weight.js';
import { cacheMemory } from './cache-memory.js';
import { CHILD_BENCHES, onlyArg, runChildBench, type ChildBench, type ChildBenchName } from './child-bench.js';
import { setSetting } from '../src/modules/settings/index.js';
import { openDatabase } from '../src/storage/database.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench', 'results');
const LOAD: LoadOptions = { connections: 32, duration: 10, warmup: 2 };
const TARGETS = { baselinePercent: 20, p99Ms: 25, rssMB: 250, homeGzipKB: 60, cachedPercent: 70, cachedP99Ms: 10, feedPercent: 50 };
/** items in the edition feed the benchmark loads (full articles) */
const FEED_ITEMS = 50;

const children = new Set<ChildProcess>();
let tempDir: string | null = null;

interface Scenario extends LoadResult {
  name: string;
  path: string;
  bodyBytes: number;
}

// ---- child processes and clean-up -------------------------------------------------------------

const alive = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;

/** Last resort on exit or a signal: kill what we started, remove the temp dir. */
function cleanupNow(): void {
  for (const c of children) if (alive(c)) c.kill('SIGKILL');
  children.clear();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = null;
}

async function stop(c: ChildProcess): Promise<void> {
  if (alive(c)) {
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGTERM');
    await Promise.race([exited, sleep(3000)]);
    if (alive(c)) c.kill('SIGKILL');
  }
  children.delete(c);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The server's environment: production, quiet, this data dir; no NASHR_* settings leak in from the shell. */
function siteEnv(dataDir: string, port: number, seedDemo: boolean, pageCache = true): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NASHR_')));
  return { ...env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', NASHR_DATA_DIR: dataDir, NASHR_SEED_DEMO: String(seedDemo), ...(pageCache ? {} : { NASHR_PAGE_CACHE_MB: '0' }) };
}

async function startServer(env: NodeJS.ProcessEnv, origin: string): Promise<{ child: ChildProcess; log: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const log: string[] = [];
  const keep = (chunk: Buffer) => log.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (!alive(child)) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${log.slice(-20).join('\n')}`);
    try {
      if ((await fetch(origin + '/')).status < 500) return { child, log };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the server did not answer within 60 s:\n${log.slice(-20).join('\n')}`);
}

async function startBaseline(bodyFile: string, contentType: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(ROOT, 'bench', 'baseline-server.ts'), [bodyFile, contentType], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.add(child);
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the baseline server exited (${code})`)));
  });
  return { child, port };
}

// ---- measuring ---------------------------------------------------------------------------------

async function fetchPage(url: string): Promise<{ body: Buffer; contentType: string }> {
  const res = await fetch(url, { redirect: 'manual' });
  if (res.status !== 200) throw new Error(`${url}: expected 200, got ${res.status}`);
  return { body: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? 'text/html' };
}

async function scenario(name: string, origin: string, path: string, pid: number): Promise<Scenario> {
  const { body } = await fetchPage(origin + path);
  process.stdout.write(`  ${name}: ${path} … `);
  const r = await load(origin + path, pid, LOAD);
  console.log(`${Math.round(r.reqPerSec)} req/s`);
  if (r.errors || r.non2xx || r.timeouts) console.warn(`  warning: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx responses`);
  return { name, path, bodyBytes: body.length, ...r };
}

/** The RTL article: a Farsi demo article, else an Arabic one, else a generated Farsi copy. */
function rtlSample(content: GeneratedContent): EditionContent | undefined {
  const rtl = content.editions.filter((e) => e.dir === 'rtl');
  return rtl.find((e) => e.code === 'fa' && e.demoArticles) ?? rtl.find((e) => e.code === 'ar' && e.demoArticles) ?? rtl.find((e) => e.code === 'fa') ?? rtl[0];
}

const en0 = (c: GeneratedContent) => c.editions.find((e) => e.prefix === '')!;
const itemPath = (e: EditionContent) => encodeURI(`${e.prefix}/${e.sampleSlug}/`);

function table(rows: Scenario[]): string {
  const head = ['scenario', 'req/s (mean)', 'p50 ms', 'p99 ms', 'server RSS MB', 'bytes/response', 'server CPU ms/req'];
  const num = (n: number | null, digits = 0) => (n === null ? '–' : n.toFixed(digits));
  const lines = rows.map((r) => [r.name, num(r.reqPerSec), num(r.p50Ms), num(r.p99Ms), num(r.maxRssMB), String(r.bodyBytes), num(r.cpuMsPerRequest, 2)]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|')}|`, ...lines.map(fmt)].join('\n');
}

function commit(): string | null {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain') ? '+dirty' : '');
  } catch {
    return null;
  }
}

// ---- the run -----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const only = onlyArg(process.argv.slice(2));
  if (only === 'search' || only === 'comments') {
    const { exitCode, line } = await runChildBench(only, children);
    console.log(line);
    if (exitCode !== 0) throw new Error(`bench/${only}.ts exited with ${exitCode}`);
    return;
  }
  const loadBefore = loadavg()[0]!;
  if (loadBefore >= cpus().length / 2) console.warn(`bench: note, the machine is busy (load ${loadBefore.toFixed(1)} on ${cpus().length} CPUs): expect lower, noisier numbers`);
  const workDir = mkdtempSync(join(tmpdir(), 'nashr-bench-'));
  tempDir = workDir;
  const dataDir = join(workDir, 'data');

  console.log('bench: generating content…');
  const content = await generateContent(loadConfig(siteEnv(dataDir, 0, true)));
  const perEdition = content.editions.map((e) => `${e.code} ${e.demoArticles + e.generated}${e.copiedFrom === e.code ? '' : ` (copies of ${e.copiedFrom})`}`).join(', ');
  console.log(`  ${content.publishedArticles} published articles: ${perEdition}; demo seed ${content.demoSeconds.toFixed(1)} s, generation ${content.generateSeconds.toFixed(1)} s`);

  // The edition feed carries the newest 50 articles in full.
  const settingsDb = openDatabase(loadConfig(siteEnv(dataDir, 0, false)).databaseUrl);
  await setSetting(settingsDb.db, en0(content).code, 'feedItems', FEED_ITEMS);
  await setSetting(settingsDb.db, en0(content).code, 'feedFullContent', true);
  await settingsDb.close();

  console.log('bench: starting the server…');
  // picked just before use, so another program has little time to take it
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const { child: server, log } = await startServer(siteEnv(dataDir, port, false), origin);
  const startupLines = log.length;

  const en = content.editions.find((e) => e.prefix === '')!;
  const rtl = rtlSample(content);
  const paths: [string, string][] = [
    ['edition home', '/'],
    [`article (${en.code})`, itemPath(en)],
    [`category 5 deep (${en.code})`, `${en.prefix}/category/${CHAIN.join('/')}/`],
  ];
  if (rtl) paths.push([`RTL article (${rtl.code}${rtl.demoArticles ? '' : `, copy of ${rtl.copiedFrom}`})`, itemPath(rtl)]);
  paths.push([`feed, ${FEED_ITEMS} full articles (${en.code})`, `${en.prefix}/feed.xml`]);

  console.log(`bench: loading, ${LOAD.connections} connections, ${LOAD.warmup} s warm-up + ${LOAD.duration} s each`);
  const rows: Scenario[] = [];
  // A scenario fails with fetch/connection errors when the server dies; say so rather than that.
  const gone = (name: string) => new Error(`the server exited during "${name}" (${server.exitCode ?? server.signalCode}):\n${log.slice(-20).join('\n') || '(no output: stopped from outside?)'}`);
  for (const [name, path] of paths) {
    const row = await scenario(name, origin, path, server.pid!).catch((err: unknown) => Promise.reject(alive(server) ? err : gone(name)));
    if (!alive(server)) throw gone(name);
    rows.push(row);
  }

  // Baselines: a bare node:http server answering with a page's own bytes, read from nashr.
  const sameBytesBaseline = async (name: string, path: string) => {
    const page = await fetchPage(origin + path);
    const file = join(workDir, `baseline-${name}`);
    writeFileSync(file, page.body);
    const baseline = await startBaseline(file, page.contentType);
    const row = await scenario(`baseline node:http (${name} bytes)`, `http://127.0.0.1:${baseline.port}`, path, baseline.child.pid!);
    await stop(baseline.child);
    return row;
  };
  const baseRow = await sameBytesBaseline('article', paths[1]![1]);
  const homeBaseRow = await sameBytesBaseline('home', paths[0]![1]);
  const feedRow = rows.find((r) => r.path.endsWith('/feed.xml'))!;
  const feedBaseRow = await sameBytesBaseline('feed', feedRow.path);

  const weight = await pageWeight(origin + '/', [`127.0.0.1:${port}`, `localhost:${port}`]);
  const serverWarnings = log.slice(startupLines);
  await stop(server);

  // The same article rendered for every request: what the page cache saves.
  const uncachedPort = await freePort();
  const uncachedOrigin = `http://127.0.0.1:${uncachedPort}`;
  const { child: uncached } = await startServer(siteEnv(dataDir, uncachedPort, false, false), uncachedOrigin);
  const uncachedRow = await scenario(`article (${en.code}), page cache off`, uncachedOrigin, paths[1]![1], uncached.pid!);
  await stop(uncached);

  console.log('bench: the page cache with 10,000 distinct URLs…');
  const memory = await cacheMemory(loadConfig(siteEnv(dataDir, 0, false)));
  console.log(`  ${memory.urls} URLs in ${memory.seconds.toFixed(1)} s: ${memory.cachedPages} pages kept, at most ${memory.cacheMB.toFixed(1)} MB of a ${memory.boundMB} MB bound; heap +${memory.heapGrowthMB.toFixed(1)} MB, RSS +${memory.rssGrowthMB.toFixed(1)} MB`);

  const articleRow = rows[1]!;
  const homeRow = rows[0]!;
  const summary = {
    articlePercentOfBaseline: (articleRow.reqPerSec / baseRow.reqPerSec) * 100,
    homePercentOfBaseline: (homeRow.reqPerSec / baseRow.reqPerSec) * 100,
    homePercentOfSameBytes: (homeRow.reqPerSec / homeBaseRow.reqPerSec) * 100,
    uncachedArticlePercentOfBaseline: (uncachedRow.reqPerSec / baseRow.reqPerSec) * 100,
    cachedP99Ms: Math.max(homeRow.p99Ms, articleRow.p99Ms),
    feedPercentOfBaseline: (feedRow.reqPerSec / feedBaseRow.reqPerSec) * 100,
    cacheMemory: memory,
    worstP99Ms: Math.max(...rows.map((r) => r.p99Ms)),
    maxRssMB: Math.max(...rows.map((r) => r.maxRssMB ?? 0)),
    homeGzipKB: weight.gzipKB,
    thirdPartyReferences: weight.thirdParty.length,
  };

  console.log('');
  console.log(table([...rows, uncachedRow, baseRow, homeBaseRow, feedBaseRow]));
  console.log('');
  console.log(`article / baseline req/s: ${(summary.articlePercentOfBaseline / 100).toFixed(3)} (${summary.articlePercentOfBaseline.toFixed(1)}%); home ${summary.homePercentOfBaseline.toFixed(1)}% (${summary.homePercentOfSameBytes.toFixed(1)}% of a baseline serving the home page's bytes); article with the page cache off ${summary.uncachedArticlePercentOfBaseline.toFixed(1)}%`);
  console.log(`feed / baseline serving the same bytes: ${summary.feedPercentOfBaseline.toFixed(1)}% (target ≥ ${TARGETS.feedPercent}%)`);
  if (articleRow.cpuMsPerRequest && baseRow.cpuMsPerRequest) {
    console.log(`server CPU per response, baseline / article: ${baseRow.cpuMsPerRequest.toFixed(2)} / ${articleRow.cpuMsPerRequest.toFixed(2)} ms (${((baseRow.cpuMsPerRequest / articleRow.cpuMsPerRequest) * 100).toFixed(1)}%; steadier than req/s on a busy machine)`);
  }
  console.log(`home page weight: ${weight.files.map((f) => `${f.kind} ${(f.gzipBytes / 1024).toFixed(1)} KB (${(f.bytes / 1024).toFixed(1)} KB raw)`).join(' + ')} = ${weight.gzipKB.toFixed(1)} KB gzip`);
  console.log(weight.thirdParty.length ? `third-party references on the home page: ${weight.thirdParty.join(', ')}` : 'third-party references on the home page: none');
  if (serverWarnings.length) console.log(`the server logged ${serverWarnings.length} line(s) at warn or above during the run, first: ${serverWarnings[0]}`);

  // The search and comment benchmarks, each in its own process.
  const more: Partial<Record<ChildBenchName, ChildBench>> = {};
  if (only !== 'site') for (const name of CHILD_BENCHES) more[name] = await runChildBench(name, children);

  const now = new Date();
  const result = {
    timestamp: now.toISOString(),
    commit: commit(),
    machine: { node: process.version, platform: process.platform, cpus: cpus().length, cpu: cpus()[0]?.model ?? null, load1Before: loadBefore, load1After: loadavg()[0] },
    load: LOAD,
    targets: TARGETS,
    content,
    scenarios: rows,
    baseline: baseRow,
    homeBaseline: homeBaseRow,
    uncached: uncachedRow,
    feedBaseline: feedBaseRow,
    homePage: weight,
    serverWarnings,
    search: more.search?.result ?? null,
    comments: more.comments?.result ?? null,
    summary: {
      ...summary,
      met: {
        baseline: summary.articlePercentOfBaseline >= TARGETS.baselinePercent,
        uncachedBaseline: summary.uncachedArticlePercentOfBaseline >= TARGETS.baselinePercent,
        cached: Math.min(summary.articlePercentOfBaseline, summary.homePercentOfSameBytes) >= TARGETS.cachedPercent,
        cachedP99: summary.cachedP99Ms < TARGETS.cachedP99Ms,
        feed: summary.feedPercentOfBaseline >= TARGETS.feedPercent,
        cacheBound: memory.withinBound,
        p99: summary.worstP99Ms < TARGETS.p99Ms,
        rss: summary.maxRssMB < TARGETS.rssMB,
        homeWeight: summary.homeGzipKB < TARGETS.homeGzipKB,
        noThirdParty: weight.thirdParty.length === 0,
      },
    },
  };
  mkdirSync(RESULTS, { recursive: true });
  const json = JSON.stringify(result, null, 2) + '\n';
  const file = join(RESULTS, `${now.toISOString().replace(/:/g, '-')}.json`);
  writeFileSync(file, json);
  writeFileSync(join(RESULTS, 'latest.json'), json);
  console.log(`results: ${file.slice(ROOT.length)} and bench/results/latest.json`);
  console.log('');
  console.log(
    `bench: with the page cache, article ${summary.articlePercentOfBaseline.toFixed(1)}% of baseline, home ${summary.homePercentOfSameBytes.toFixed(1)}% of a baseline with its bytes (${summary.homePercentOfBaseline.toFixed(1)}% of the article's) (target ≥ ${TARGETS.cachedPercent}%), p99 ${summary.cachedP99Ms.toFixed(1)} ms (target < ${TARGETS.cachedP99Ms} ms); ` +
      `feed ${summary.feedPercentOfBaseline.toFixed(1)}% (target ≥ ${TARGETS.feedPercent}%); cache ${memory.cacheMB.toFixed(1)} of ${memory.boundMB} MB with ${memory.urls} URLs\n` +
      `bench: without it, article ${summary.uncachedArticlePercentOfBaseline.toFixed(1)}% of baseline (target ≥ ${TARGETS.baselinePercent}%), ` +
      `p99 ${summary.worstP99Ms.toFixed(0)} ms (target < ${TARGETS.p99Ms} ms), RSS ${summary.maxRssMB.toFixed(0)} MB (target < ${TARGETS.rssMB} MB), ` +
      `home page ${summary.homeGzipKB.toFixed(1)} KB gzip (target < ${TARGETS.homeGzipKB} KB)`,
  );
  for (const b of Object.values(more)) console.log(b.line);
}

process.on('exit', cleanupNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanupNow();
    process.exit(130);
  });
}

main()
  .then(async () => {
    await Promise.all([...children].map(stop));
    cleanupNow();
    process.exit(0);
  })
  .catch(async (err: unknown) => {
    console.error(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    await Promise.all([...children].map(stop));
    cleanupNow();
    process.exit(1);
  });
