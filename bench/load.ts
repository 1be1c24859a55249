import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadOptions {
  connections: number;
  /** measured seconds */
  duration: number;
  /** seconds of load before measuring, not counted */
  warmup: number;
}

export interface LoadResult {
  url: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxRssMB: number | null;
  /** the server's CPU time (user + system) per response, during the measured run; robust to a busy machine */
  cpuMsPerRequest: number | null;
  /** response bytes on the wire (headers + body) per response, as autocannon counted them */
  wireBytesPerResponse: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** The resident set size of a process in MB, from /proc (Linux); null elsewhere or once it is gone. */
export function rssMB(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** User + system CPU time of a process in ms, from /proc (Linux, 100 clock ticks a second); null elsewhere. */
export function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Loads one URL with autocannon (warm-up, then the measured run) while sampling the server's RSS. */
export async function load(url: string, serverPid: number, o: LoadOptions): Promise<LoadResult> {
  let maxRss: number | null = null;
  const sample = () => {
    const mb = rssMB(serverPid);
    if (mb !== null && (maxRss === null || mb > maxRss)) maxRss = mb;
  };
  const timer = setInterval(sample, 100);
  try {
    if (o.warmup > 0) await autocannon({ url, connections: o.connections, duration: o.warmup });
    const cpuBefore = cpuMs(serverPid);
    const r = await autocannon({ url, connections: o.connections, duration: o.duration });
    const cpuAfter = cpuMs(serverPid);
    sample();
    return {
      url,
      reqPerSec: r.requests.mean,
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      meanMs: r.latency.mean,
      maxRssMB: maxRss,
      cpuMsPerRequest: cpuBefore !== null && cpuAfter !== null && r.requests.total ? (cpuAfter - cpuBefore) / r.requests.total : null,
      wireBytesPerResponse: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0,
      requests: r.requests.total,
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
    };
  } finally {
    clearInterval(timer);
  }
}
