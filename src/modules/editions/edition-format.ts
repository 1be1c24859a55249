import type { Edition } from './edition.js';

/** Dates and numbers of one edition, always through Intl with its locale, calendar and numerals. */
export class EditionFormat {
  private readonly longDate: Intl.DateTimeFormat;
  private readonly shortDate: Intl.DateTimeFormat;
  private readonly monthYear: Intl.DateTimeFormat;
  private readonly year: Intl.DateTimeFormat;
  private readonly numberFormat: Intl.NumberFormat;

  constructor(readonly edition: Edition) {
    const base = { calendar: edition.calendar, numberingSystem: edition.numberingSystem, timeZone: 'UTC' } as const;
    this.longDate = new Intl.DateTimeFormat(edition.locale, { ...base, dateStyle: 'long' });
    this.shortDate = new Intl.DateTimeFormat(edition.locale, { ...base, year: 'numeric', month: '2-digit', day: '2-digit' });
    // Archive URLs use Gregorian months, so their titles name Gregorian months too (in the edition's numerals).
    this.monthYear = new Intl.DateTimeFormat(edition.locale, { ...base, calendar: 'gregory', year: 'numeric', month: 'long' });
    this.year = new Intl.DateTimeFormat(edition.locale, { ...base, year: 'numeric' });
    this.numberFormat = new Intl.NumberFormat(edition.locale, { numberingSystem: edition.numberingSystem, useGrouping: false });
  }

  private readonly dates = new Map<string, string>();

  /** "7 Azar 1403" style, for article bylines. Remembered: a site shows the same dates again and again. */
  date(iso: string): string {
    let text = this.dates.get(iso);
    if (text === undefined) {
      if (this.dates.size >= 20_000) this.dates.clear();
      text = this.longDate.format(new Date(iso));
      this.dates.set(iso, text);
    }
    return text;
  }

  /** "1403/09/07" style, for compact lists. */
  numericDate(iso: string): string {
    return this.shortDate.format(new Date(iso));
  }

  /** The title of a Gregorian month or day archive. */
  archiveTitle(year: number, month?: number, day?: number): string {
    const d = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
    if (day) return this.longDate.format(d);
    if (month) return this.monthYear.format(d);
    return this.numberFormat.format(year);
  }

  /** A year in the edition's own calendar (for the copyright line). */
  yearOf(iso: string | Date): string {
    return this.year.format(typeof iso === 'string' ? new Date(iso) : iso);
  }

  private readonly smallNumbers: string[] = [];

  /** A number in the edition's digits; the small ones (counts, page numbers) are remembered. */
  number(n: number): string {
    if (Number.isInteger(n) && n >= 0 && n < 1000) return (this.smallNumbers[n] ??= this.numberFormat.format(n));
    return this.numberFormat.format(n);
  }
}
