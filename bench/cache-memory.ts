// The page cache's memory bound, measured: the real app in this process, a small bound, 10,000
// distinct public URLs rendered once each (fetched over HTTP). Reports the cache's own byte count against its bound
// and how much this process's heap and RSS grew.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createApp } from '../src/app.js';
import type { Config } from '../src/config/config.js';
import { PageCache } from '../src/http/page-cache/index.js';
import { openDatabase } from '../src/storage/database.js';

export interface CacheMemoryResult {
  urls: number;
  boundMB: number;
  cachedPages: number;
  cacheMB: number;
  withinBound: boolean;
  heapGrowthMB: number;
  rssGrowthMB: number;
  seconds: number;
}

const MB = 1024 * 1024;

/** A full garbage collection, so growth figures count what is kept, not what is merely not yet collected. */
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export async function cacheMemory(config: Config, urlCount = 10_000, boundMB = 16): Promise<CacheMemoryResult> {
  const storage = openDatabase(config.databaseUrl);
  const cache = new PageCache(boundMB * MB);
  const app = await createApp({ ...config, logLevel: 'warn' }, { storage, pageCache: cache });
  try {
    // Over a real socket: inject() keeps what it made in this process, which would count here.
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const prefixes = new Map(config.editions.map((e) => [e.code, e.prefix]));
    const items = await storage.db.selectFrom('items').select(['edition', 'slug']).where('status', '=', 'published').where('type', '=', 'article').orderBy('id').limit(urlCount).execute();
    const urls = items.map((i) => encodeURI(`${prefixes.get(i.edition) ?? ''}/${i.slug}/`));
    collect();
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    const t = performance.now();
    let peakCache = 0;
    for (const url of urls) {
      const res = await fetch(address + url);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      peakCache = Math.max(peakCache, cache.bytes);
    }
    const seconds = (performance.now() - t) / 1000;
    collect();
    return {
      urls: urls.length,
      boundMB,
      cachedPages: cache.size,
      cacheMB: peakCache / MB,
      withinBound: peakCache <= cache.maxBytes,
      heapGrowthMB: (process.memoryUsage().heapUsed - heapBefore) / MB,
      rssGrowthMB: (process.memoryUsage().rss - rssBefore) / MB,
      seconds,
    };
  } finally {
    await app.close();
    await storage.close();
  }
}
