import type { FastifyRequest } from 'fastify';
import { badParameter } from './api-errors.js';

/**
 * The query string of a request, each parameter at most once and each one known to the route:
 * a misspelt filter (`update_since`) is a 400, never silently ignored.
 */
export function queryOf(req: FastifyRequest, allowed: readonly string[]): Record<string, string> {
  const raw = (req.query ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!allowed.includes(name)) throw badParameter(name, `Unknown parameter "${name}". This address takes: ${allowed.join(', ') || 'none'}.`, 'unknown_parameter');
    if (typeof value !== 'string') throw badParameter(name, `Give "${name}" once; several values go in one, separated by commas.`);
    out[name] = value;
  }
  return out;
}

/** `limit`: 1 to 100, 20 when absent. */
export function limitOf(raw: string | undefined): number {
  if (raw === undefined) return 20;
  if (!/^[0-9]{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > 100) throw badParameter('limit', '"limit" must be a whole number from 1 to 100.');
  return Number(raw);
}

/** A comma-separated list of values from a fixed set (`type=article,page`), or undefined when absent. */
export function listOf(name: string, raw: string | undefined, known: readonly string[]): string[] | undefined {
  if (raw === undefined) return undefined;
  const values = raw.split(',').map((v) => v.trim());
  const wrong = values.filter((v) => !known.includes(v));
  if (!raw || wrong.length) throw badParameter(name, `"${name}" must be one or more of ${known.join(', ')}, separated by commas${wrong.length ? `; not "${wrong[0]!.slice(0, 50)}"` : ''}.`);
  return [...new Set(values)];
}

/** A reference to a category or tag: a numeric id or a slug. */
export function idOrSlugOf(name: string, raw: string | undefined): { id?: number; slug?: string } | undefined {
  if (raw === undefined) return undefined;
  if (/^[1-9][0-9]{0,9}$/.test(raw)) return { id: Number(raw) };
  const slug = raw.normalize('NFC');
  if (!slug || slug.length > 200 || /[\s/\u0000-\u001f]/.test(slug)) throw badParameter(name, `"${name}" must be an id or a slug.`);
  return { slug };
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** An RFC 3339 date-time with its offset (`2024-05-17T10:00:00Z`, `…+03:30`), as ISO 8601 UTC. */
export function dateTimeOf(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const m = RFC3339.exec(raw);
  const refuse = () => badParameter(name, `"${name}" must be an RFC 3339 date and time with its offset, e.g. 2024-05-17T10:00:00Z.`);
  if (!m) throw refuse();
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 60) throw refuse();
  const time = Date.parse(raw.replace(' ', 'T'));
  if (Number.isNaN(time)) throw refuse();
  return new Date(time).toISOString();
}
