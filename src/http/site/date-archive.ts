/** A Gregorian year, month or day archive as a half-open ISO range. */
export interface DateRange {
  from: string;
  to: string;
  year: number;
  month?: number;
  day?: number;
  /** the archive's path inside the edition, e.g. /2024/05/ */
  base: string;
}


/** Parses "/2024/", "/2024/05/", "/2024/05/17/" parts; null unless they name a real date. */
export function parseDateArchive(y: string, m?: string, d?: string): DateRange | null {
  if (!/^\d{4}$/.test(y) || (m !== undefined && !/^\d{2}$/.test(m)) || (d !== undefined && !/^\d{2}$/.test(d))) return null;
  const year = Number(y);
  const month = m === undefined ? undefined : Number(m);
  const day = d === undefined ? undefined : Number(d);
  if (year < 1900 || year > 2200) return null;
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined) {
    const check = new Date(Date.UTC(year, month! - 1, day));
    if (day < 1 || check.getUTCMonth() !== month! - 1) return null;
  }
  const start = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const end = day !== undefined
    ? new Date(Date.UTC(year, month! - 1, day + 1))
    : month !== undefined
      ? new Date(Date.UTC(year, month, 1))
      : new Date(Date.UTC(year + 1, 0, 1));
  const base = `/${y}/` + (m ? `${m}/` : '') + (d ? `${d}/` : '');
  return { from: start.toISOString(), to: end.toISOString(), year, month, day, base };
}

