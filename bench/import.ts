// `npx tsx bench/import.ts [posts] [commentsPerPost]`: writes a WordPress export of 20,000 posts
// with 100,000 comments (by default) into a temp dir, imports it into a fresh SQLite site in a
// child process (the CLI's code path: migrate, then importWordpress) and prints posts per second
// and the child's peak memory. Targets: ≥ 1,000 posts/s, peak RSS < 300 MB.
import { fork } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TARGETS = { postsPerSecond: 1000, rssMB: 300 };
const WORDS = 'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there one all we their'.split(' ');

function words(seed: number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[(seed * 31 + i * 17) % WORDS.length]!);
  return out.join(' ');
}

const cdata = (s: string) => `<![CDATA[${s}]]>`;

/** Streams the export to disk, a post at a time (the file is never held in memory). */
async function writeExport(file: string, posts: number, commentsPerPost: number): Promise<void> {
  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><link>https://bench.example</link><language>en-US</language><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>\n`);
  for (let a = 0; a < 10; a++) await write(`<wp:author><wp:author_id>${a + 1}</wp:author_id><wp:author_login>writer${a}</wp:author_login><wp:author_email>writer${a}@bench.example</wp:author_email><wp:author_display_name>${cdata(`Writer ${a}`)}</wp:author_display_name></wp:author>\n`);
  for (let c = 0; c < 20; c++) await write(`<wp:category><wp:term_id>${c + 1}</wp:term_id><wp:category_nicename>section-${c}</wp:category_nicename><wp:category_parent>${c >= 10 ? `section-${c - 10}` : ''}</wp:category_parent><wp:cat_name>${cdata(`Section ${c}`)}</wp:cat_name></wp:category>\n`);
  for (let t = 0; t < 50; t++) await write(`<wp:tag><wp:term_id>${100 + t}</wp:term_id><wp:tag_slug>topic-${t}</wp:tag_slug><wp:tag_name>${cdata(`Topic ${t}`)}</wp:tag_name></wp:tag>\n`);
  let commentId = 1;
  for (let p = 1; p <= posts; p++) {
    const day = new Date(Date.UTC(2010, 0, 1) + p * 3_600_000 * 4);
    const stamp = day.toISOString().slice(0, 19).replace('T', ' ');
    const slug = `post-${p}-${words(p, 3).replace(/ /g, '-')}`;
    const body = `${words(p, 60)}\n${words(p + 1, 40)}\n\n${words(p + 2, 80)}\n\n[caption id="" width="300"]<img src="https://cdn.example/p${p}.jpg" alt="Picture ${p}" /> A caption[/caption]\n\n<strong>${words(p + 3, 12)}</strong> ${words(p + 4, 70)}`;
    const comments: string[] = [];
    for (let c = 0; c < commentsPerPost; c++, commentId++) {
      comments.push(`<wp:comment><wp:comment_id>${commentId}</wp:comment_id><wp:comment_author>${cdata(`Reader ${commentId % 997}`)}</wp:comment_author><wp:comment_author_email>reader${commentId % 997}@mail.example</wp:comment_author_email><wp:comment_author_IP>10.0.${commentId % 250}.1</wp:comment_author_IP><wp:comment_date>${stamp}</wp:comment_date><wp:comment_date_gmt>${stamp}</wp:comment_date_gmt><wp:comment_content>${cdata(`${words(commentId, 25)} #${commentId}`)}</wp:comment_content><wp:comment_approved>${c % 7 === 6 ? '0' : '1'}</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${c > 0 && c % 2 === 0 ? commentId - 1 : 0}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`);
    }
    await write(`<item><title>${cdata(`Post ${p}: ${words(p, 6)}`)}</title><link>https://bench.example/${stamp.slice(0, 4)}/${stamp.slice(5, 7)}/${slug}/</link><dc:creator>writer${p % 10}</dc:creator>
<content:encoded>${cdata(body)}</content:encoded><excerpt:encoded>${cdata(words(p, 20))}</excerpt:encoded><wp:post_id>${p}</wp:post_id><wp:post_date>${stamp}</wp:post_date><wp:post_date_gmt>${stamp}</wp:post_date_gmt>
<wp:comment_status>open</wp:comment_status><wp:post_name>${slug}</wp:post_name><wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="section-${p % 20}">${cdata(`Section ${p % 20}`)}</category><category domain="post_tag" nicename="topic-${p % 50}">${cdata(`Topic ${p % 50}`)}</category><category domain="post_tag" nicename="topic-${(p * 7) % 50}">${cdata('t')}</category>
${comments.join('\n')}</item>\n`);
  }
  await write('</channel></rss>\n');
  out.end();
  await once(out, 'finish');
}

/** The child: a fresh SQLite site, migrated, then the import; reports time, counts and peak RSS. */
async function child(file: string, dataDir: string): Promise<void> {
  const { openDatabase } = await import('../src/storage/database.js');
  const { migrateToLatest } = await import('../src/storage/migrations/index.js');
  const { importWordpress } = await import('../src/modules/import/index.js');
  const storage = openDatabase(`sqlite:${join(dataDir, 'nashr.sqlite')}`);
  await migrateToLatest(storage.db);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = await importWordpress(storage.db, { file, mediaDir: join(dataDir, 'media'), editions: ['en', 'ar', 'fa', 'sq'] });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  await storage.close();
  process.send!({ seconds, cpuSeconds, counts: report.counts, warnings: report.warnings.length, maxRssKB: process.resourceUsage().maxRSS });
}

async function main(): Promise<void> {
  const posts = Number(process.argv[2] ?? 20_000);
  const perPost = Number(process.argv[3] ?? 5);
  const dir = mkdtempSync(join(tmpdir(), 'nashr-bench-import-'));
  try {
    const file = join(dir, 'export.xml');
    const t0 = performance.now();
    await writeExport(file, posts, perPost);
    console.log(`wrote ${posts} posts, ${posts * perPost} comments: ${(statSync(file).size / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const proc = fork(fileURLToPath(import.meta.url), ['--child', file, dir], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const [result] = (await once(proc, 'message')) as [{ seconds: number; cpuSeconds: number; counts: Record<string, { imported: number }>; warnings: number; maxRssKB: number }];
    await once(proc, 'exit');
    const rate = posts / result.seconds;
    const rssMB = result.maxRssKB / 1024;
    console.log(`imported ${result.counts.article?.imported ?? 0} posts and ${result.counts.comment?.imported ?? 0} comments in ${result.seconds.toFixed(1)} s (${result.warnings} warnings)`);
    console.log(`posts/s: ${rate.toFixed(0)} (target ≥ ${TARGETS.postsPerSecond})  ${rate >= TARGETS.postsPerSecond ? 'ok' : 'BELOW TARGET'}`);
    // CPU time is steadier than wall time on a shared machine: posts per second of the importer's own CPU.
    console.log(`CPU: ${result.cpuSeconds.toFixed(1)} s (${(posts / result.cpuSeconds).toFixed(0)} posts per CPU-second; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs)`);
    console.log(`peak RSS: ${rssMB.toFixed(0)} MB (target < ${TARGETS.rssMB})  ${rssMB < TARGETS.rssMB ? 'ok' : 'ABOVE TARGET'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
// `--write FILE [posts] [commentsPerPost]`: only the export, to profile an import of it.
else if (process.argv[2] === '--write') await writeExport(process.argv[3]!, Number(process.argv[4] ?? 20_000), Number(process.argv[5] ?? 5));
else await main();
