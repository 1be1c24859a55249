import { readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { z } from 'zod';
import { defaultEditions, parseEditions, type Edition } from '../modules/editions/edition.js';

/** Everything nashr can be configured with. Built once, validated, frozen. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** `sqlite:<file>` or `postgres://…` */
  readonly databaseUrl: string;
  readonly env: 'development' | 'production' | 'test';
  readonly editions: readonly Edition[];
  /** fill an empty database with demo content on start */
  readonly seedDemo: boolean;
  readonly logLevel: string;
  /** the public address of the site, for canonical URLs and share links (no trailing slash) */
  readonly baseUrl: string;
  /** how long each edition's menu, settings, categories and Recent Posts are reused (0: load for every request) */
  readonly siteDataTtlMs: number;
  /** which proxies' X-Forwarded-* headers to believe: true, false, or addresses/CIDRs (Fastify's trustProxy) */
  readonly trustProxy: boolean | string;
  /** the largest file the media library accepts, in bytes */
  readonly uploadMaxBytes: number;
  /** the largest WordPress export the newsroom's import page accepts, in bytes */
  readonly importMaxBytes: number;
  /** how often scheduled items are checked for publishing */
  readonly schedulerIntervalMs: number;
  /** where mail goes out (`smtp://user:pass@host:587`); unset: mail stays queued in the outbox, the inbox still works */
  readonly smtpUrl: string | undefined;
  /** the From address of every mail nashr sends */
  readonly mailFrom: string;
  /** how often the outbox is checked for mail to send */
  readonly mailIntervalMs: number;
  /** origins whose browser scripts may call the read API (`*`: any); empty: none */
  readonly apiCorsOrigins: readonly string[];
  /** requests per minute each read-API key may make */
  readonly apiRateLimit: number;
  /** the bound of the in-process cache of rendered public pages, in bytes (0: no page cache) */
  readonly pageCacheBytes: number;
  /** how often the change log is read for changes made by other processes (the CLI, other servers) */
  readonly changePollMs: number;
  /** how long shared caches (a CDN, nginx) may keep a public page (s-maxage), and serve it stale while refreshing */
  readonly sharedCacheSeconds: number;
  readonly staleWhileRevalidateSeconds: number;
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  NASHR_DATA_DIR: z.string().default('./data'),
  NASHR_DATABASE_URL: z.string().optional(),
  NASHR_EDITIONS_FILE: z.string().optional(),
  NASHR_SEED_DEMO: z.enum(['true', 'false']).default('true'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.string().optional(),
  NASHR_BASE_URL: z.string().url().optional(),
  NASHR_TRUST_PROXY: z.string().default('loopback'),
  NASHR_SITE_DATA_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(1000),
  NASHR_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  NASHR_SMTP_URL: z.union([z.literal(''), z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// address')]).optional(),
  NASHR_MAIL_FROM: z.string().trim().min(3).optional(),
  NASHR_MAIL_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  NASHR_API_CORS_ORIGINS: z.string().default('').transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean)).pipe(z.array(z.string().regex(/^(\*|https?:\/\/[^/\s,]+)$/, 'must be * or origins such as https://app.example.org, separated by commas'))),
  NASHR_API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  NASHR_PAGE_CACHE_MB: z.coerce.number().min(0).max(65_536).default(64),
  NASHR_CHANGE_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  NASHR_CACHE_S_MAXAGE: z.coerce.number().int().min(0).max(31_536_000).default(60),
  NASHR_CACHE_STALE_SECONDS: z.coerce.number().int().min(0).max(31_536_000).default(600),
  // Up to 2 GiB - 1: sizes are stored in a 32-bit integer column.
  NASHR_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).max(2_147_483_647).default(20 * 1024 * 1024),
  NASHR_IMPORT_MAX_BYTES: z.coerce.number().int().min(1).max(2 ** 40).default(1024 ** 3),
});

/** Reads the configuration from environment variables; throws with a clear message on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${issues}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.NASHR_DATA_DIR);
  const editions = e.NASHR_EDITIONS_FILE
    ? parseEditions(JSON.parse(readFileSync(e.NASHR_EDITIONS_FILE, 'utf8')))
    : defaultEditions;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.NASHR_DATABASE_URL ?? `sqlite:${join(dataDir, 'nashr.sqlite')}`,
    env: e.NODE_ENV,
    editions: Object.freeze([...editions]),
    seedDemo: e.NASHR_SEED_DEMO === 'true',
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'production' ? 'info' : e.NODE_ENV === 'test' ? 'silent' : 'info'),
    siteDataTtlMs: e.NASHR_SITE_DATA_TTL_MS,
    schedulerIntervalMs: e.NASHR_SCHEDULER_INTERVAL_MS,
    uploadMaxBytes: e.NASHR_UPLOAD_MAX_BYTES,
    importMaxBytes: e.NASHR_IMPORT_MAX_BYTES,
    smtpUrl: e.NASHR_SMTP_URL || undefined,
    mailFrom: e.NASHR_MAIL_FROM ?? `nashr <no-reply@${new URL(e.NASHR_BASE_URL ?? 'http://localhost').hostname}>`,
    mailIntervalMs: e.NASHR_MAIL_INTERVAL_MS,
    apiCorsOrigins: Object.freeze(e.NASHR_API_CORS_ORIGINS),
    apiRateLimit: e.NASHR_API_RATE_LIMIT,
    pageCacheBytes: Math.round(e.NASHR_PAGE_CACHE_MB * 1024 * 1024),
    changePollMs: e.NASHR_CHANGE_POLL_MS,
    sharedCacheSeconds: e.NASHR_CACHE_S_MAXAGE,
    staleWhileRevalidateSeconds: e.NASHR_CACHE_STALE_SECONDS,
    trustProxy: e.NASHR_TRUST_PROXY === 'true' ? true : e.NASHR_TRUST_PROXY === 'false' ? false : e.NASHR_TRUST_PROXY,
    baseUrl: (e.NASHR_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    ...overrides,
  });
}
