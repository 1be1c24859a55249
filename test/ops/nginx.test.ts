import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { makeUser, NewsroomClient, TEST_PASSWORD } from '../support/newsroom.js';
import { openTestSite, type TestSite } from '../support/test-site.js';

/*
 * Debian's nginx, started with docs/nginx.conf (only its ports and paths changed), in front of
 * the real app. This tests the proxy, not storage: SQLite only.
 */

const NGINX = '/usr/sbin/nginx';
const EXAMPLE = new URL('../../docs/nginx.conf', import.meta.url);
/** How long nginx may keep a page here: short, so the stale-while-revalidate test waits little. */
const S_MAXAGE = 3;

function skipReason(): string | false {
  if (process.env.CI) return false;
  if (!existsSync(NGINX)) return 'nginx is not installed (apt-get install nginx)';
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
  } catch {
    return 'openssl is not installed';
  }
  return false;
}

/** Replaces text that must occur exactly once, so a change to the example that the test no longer matches fails loudly. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0 && text.indexOf(from, at + 1) < 0, `docs/nginx.conf holds ${JSON.stringify(from)} exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** docs/nginx.conf for this machine: the app's port, our ports (IPv4 only), TLS uncommented with a test certificate, the cache in dir. */
function siteConfig(dir: string, ports: { app: number; http: number; https: number }): string {
  let conf = readFileSync(EXAMPLE, 'utf8');
  conf = replaceOnce(conf, 'server 127.0.0.1:8080;', `server 127.0.0.1:${ports.app};`);
  conf = replaceOnce(conf, 'proxy_cache_path /var/cache/nginx-nashr ', `proxy_cache_path ${join(dir, 'cache')} `);
  conf = replaceOnce(conf, '\n    listen 80;\n    listen [::]:80;\n', `\n    listen 127.0.0.1:${ports.http};\n`);
  conf = replaceOnce(conf, '\n    # listen 443 ssl;\n    # listen [::]:443 ssl;\n', `\n    listen 127.0.0.1:${ports.https} ssl;\n`);
  conf = replaceOnce(conf, '# ssl_certificate /etc/letsencrypt/live/news.example.org/fullchain.pem;', `ssl_certificate ${join(dir, 'cert.pem')};`);
  conf = replaceOnce(conf, '# ssl_certificate_key /etc/letsencrypt/live/news.example.org/privkey.pem;', `ssl_certificate_key ${join(dir, 'key.pem')};`);
  return conf;
}

/** What Debian's /etc/nginx/nginx.conf gives the example, with every path inside dir. */
function mainConfig(dir: string): string {
  const tmp = (name: string) => join(dir, 'tmp', name);
  return [
    // As root, workers would run as nobody, who cannot enter dir.
    process.getuid?.() === 0 ? 'user root;' : '',
    'worker_processes 1;',
    'events { worker_connections 128; }',
    'http {',
    `  access_log ${join(dir, 'access.log')};`,
    `  client_body_temp_path ${tmp('body')}; proxy_temp_path ${tmp('proxy')};`,
    `  fastcgi_temp_path ${tmp('fastcgi')}; uwsgi_temp_path ${tmp('uwsgi')}; scgi_temp_path ${tmp('scgi')};`,
    `  include ${join(dir, 'nashr.conf')};`,
    '}',
    '',
  ].join('\n');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPort(port: number, nginx: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => resolve(socket.end() && true));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`nginx did not listen on ${port}:\n${log()}`);
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** the bytes as sent, not decoded */
  body: Buffer;
}

/** One request, no connection reuse, no decoding: what a client of nginx sees. */
function send(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string; ca?: string } = {}): Promise<Answer> {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method: opts.method ?? 'GET', headers: opts.headers, agent: false, ca: opts.ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

function cookie(res: Answer, name: string): string | undefined {
  return res.headers['set-cookie']?.find((c) => c.startsWith(`${name}=`));
}

describe('nginx in front of nashr, configured by docs/nginx.conf', { skip: skipReason() }, () => {
  let site: TestSite;
  let nginx: ChildProcess;
  let dir: string;
  let base: string;
  let secure: string;
  let ca: string;
  let nginxLog = '';

  before(async () => {
    site = await openTestSite('sqlite', { config: { pageCacheBytes: 16 << 20, sharedCacheSeconds: S_MAXAGE } });
    await site.app.listen({ port: 0, host: '127.0.0.1' });
    const app = (site.app.server.address() as AddressInfo).port;
    dir = mkdtempSync(join(tmpdir(), 'nashr-nginx-'));
    mkdirSync(join(dir, 'tmp'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    ca = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const ports = { app, http: await freePort(), https: await freePort() };
    writeFileSync(join(dir, 'nashr.conf'), siteConfig(dir, ports));
    writeFileSync(join(dir, 'nginx.conf'), mainConfig(dir));
    const errorLog = join(dir, 'error.log');
    nginx = spawn(NGINX, ['-p', dir, '-e', errorLog, '-c', join(dir, 'nginx.conf'), '-g', `daemon off; pid ${join(dir, 'nginx.pid')}; error_log ${errorLog};`], { stdio: ['ignore', 'ignore', 'pipe'] });
    nginx.stderr!.on('data', (c: Buffer) => (nginxLog += c.toString()));
    const log = () => nginxLog + (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '');
    await waitForPort(ports.http, nginx, log);
    await waitForPort(ports.https, nginx, log);
    base = `http://127.0.0.1:${ports.http}`;
    secure = `https://127.0.0.1:${ports.https}`;
  });

  after(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGQUIT');
      await exited;
    }
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('passes a public page on with nashr’s headers, then answers it from its cache', async () => {
    const first = await send(`${base}/`);
    assert.equal(first.status, 200);
    assert.equal(first.headers['x-cache-status'], 'MISS');
    assert.match(String(first.headers.etag), /^"[\w-]+"$/);
    assert.ok(first.headers['last-modified']);
    assert.equal(first.headers['cache-control'], `public, max-age=0, s-maxage=${S_MAXAGE}, stale-while-revalidate=600`);
    assert.equal(first.headers.vary, 'accept-encoding');
    assert.match(String(first.headers['content-security-policy']), /default-src/);
    assert.match(String(first.headers['content-type']), /^text\/html/);
    assert.equal(first.headers['content-encoding'], undefined, 'no Accept-Encoding, no coding');

    const second = await send(`${base}/`);
    assert.equal(second.status, 200);
    assert.equal(second.headers['x-cache-status'], 'HIT');
    assert.equal(second.headers.etag, first.headers.etag);
    assert.equal(second.headers['content-security-policy'], first.headers['content-security-policy']);
    assert.ok(second.body.equals(first.body));
  });

  it('answers a conditional request with 304, from its cache', async () => {
    const page = await send(`${base}/`);
    const byTag = await send(`${base}/`, { headers: { 'if-none-match': String(page.headers.etag) } });
    assert.equal(byTag.status, 304);
    assert.equal(byTag.headers['x-cache-status'], 'HIT');
    assert.equal(byTag.body.length, 0);
    const byDate = await send(`${base}/`, { headers: { 'if-modified-since': String(page.headers['last-modified']) } });
    assert.equal(byDate.status, 304);
    const changed = await send(`${base}/`, { headers: { 'if-none-match': '"something-else"' } });
    assert.equal(changed.status, 200);
  });

  it('passes Brotli and gzip through, one cache entry per coding', async () => {
    const plain = (await send(`${base}/ar/`)).body;
    const br = await send(`${base}/ar/`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers['x-cache-status'], 'MISS');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers.etag), /-br"$/);
    assert.ok(brotliDecompressSync(br.body).equals(plain));
    // A browser's header lands on the same entry as plain "br".
    const browser = await send(`${base}/ar/`, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    assert.equal(browser.headers['x-cache-status'], 'HIT');
    assert.equal(browser.headers['content-encoding'], 'br');
    assert.equal(browser.headers.vary, 'accept-encoding', 'browsers and other caches still see Vary');

    const gz = await send(`${base}/ar/`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['x-cache-status'], 'MISS');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.match(String(gz.headers.etag), /-gz"$/);
    assert.ok(gunzipSync(gz.body).equals(plain));
    assert.equal((await send(`${base}/ar/`, { headers: { 'accept-encoding': 'gzip, deflate' } })).headers['x-cache-status'], 'HIT');
    assert.equal((await send(`${base}/ar/`)).headers['content-encoding'], undefined, 'identity is still identity');
  });

  it('never caches the newsroom', async () => {
    const answers = [await send(`${base}/admin/sign-in`), await send(`${base}/admin/sign-in`)];
    for (const res of answers) {
      assert.equal(res.status, 200);
      assert.notEqual(res.headers['x-cache-status'], 'HIT');
      assert.equal(res.headers['cache-control'], 'private, no-store');
      assert.ok(cookie(res, 'nashr_csrf'), 'each visitor gets a CSRF cookie of their own');
    }
    assert.notEqual(cookie(answers[0]!, 'nashr_csrf'), cookie(answers[1]!, 'nashr_csrf'));
  });

  it('over plain HTTP the cookies are not Secure, whatever the client claims', async () => {
    const res = await send(`${base}/admin/sign-in`, { headers: { 'x-forwarded-proto': 'https' } });
    assert.doesNotMatch(cookie(res, 'nashr_csrf')!, /;\s*Secure/i, 'nginx sets X-Forwarded-Proto itself');
  });

  it('over HTTPS (X-Forwarded-Proto: https) the newsroom’s cookies are Secure, and signing in works', async () => {
    const user = await makeUser(site.storage.db, 'editor');
    const form = await send(`${secure}/admin/sign-in`, { ca });
    const csrfCookie = cookie(form, 'nashr_csrf')!;
    assert.match(csrfCookie, /;\s*Secure/i);
    const csrf = /content="([^"]+)"/.exec(/<meta name="csrf-token"[^>]*>/.exec(form.body.toString())?.[0] ?? '')?.[1];
    assert.ok(csrf);
    const signedIn = await send(`${secure}/admin/sign-in`, {
      method: 'POST',
      ca,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie.split(';')[0]!, origin: secure },
      body: new URLSearchParams({ _csrf: csrf, email: user.email, password: TEST_PASSWORD }).toString(),
    });
    assert.equal(signedIn.status, 303);
    const session = cookie(signedIn, 'nashr_session')!;
    assert.match(session, /;\s*Secure/i);
    assert.match(session, /;\s*HttpOnly/i);
    const dashboard = await send(`${secure}/admin`, { ca, headers: { cookie: session.split(';')[0]! } });
    assert.equal(dashboard.status, 200);
    assert.equal(dashboard.headers['cache-control'], 'private, no-store');
    assert.notEqual(dashboard.headers['x-cache-status'], 'HIT');
  });

  it('keeps a page until s-maxage, then serves it stale once while it fetches the new one', async () => {
    assert.equal((await send(`${base}/sq/`)).headers['x-cache-status'], 'MISS');
    const stored = Date.now();
    const editor = new NewsroomClient(site.app);
    await editor.signIn((await makeUser(site.storage.db, 'administrator')).email);
    assert.equal((await editor.post('/admin/menus', { edition: 'sq', label: 'Dosja e posaçme e testit', target: '/special/', parentId: '' })).statusCode, 303);
    assert.match((await site.app.inject('/sq/')).body, /Dosja e posaçme e testit/, 'nashr has the change at once');

    const kept = await send(`${base}/sq/`);
    assert.equal(kept.headers['x-cache-status'], 'HIT');
    assert.doesNotMatch(kept.body.toString(), /Dosja e posaçme e testit/, 'nginx keeps its copy for s-maxage');

    // nginx counts in whole seconds: stale once the second after the last fresh one begins.
    await sleep(stored + (S_MAXAGE + 1) * 1000 + 50 - Date.now());
    const stale = await send(`${base}/sq/`);
    assert.equal(stale.headers['x-cache-status'], 'STALE');
    assert.doesNotMatch(stale.body.toString(), /Dosja e posaçme e testit/);
    let fresh: Answer | undefined;
    for (let i = 0; i < 40 && !fresh; i++) {
      const res = await send(`${base}/sq/`);
      if (res.headers['x-cache-status'] === 'HIT') fresh = res;
      else await sleep(50);
    }
    assert.ok(fresh, 'the background update stored the new page');
    assert.match(fresh.body.toString(), /Dosja e posaçme e testit/);
  });
});
