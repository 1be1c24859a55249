import type { EditionSite } from './edition-site.js';

const formats = new Map<string, { kb: Intl.NumberFormat; mb: Intl.NumberFormat }>();

/**
 * A file size in the edition's language and digits: "840 kB", "۱٫۲ MB". Isolated (FSI…PDI), so
 * a Latin unit inside right-to-left text keeps its order.
 */
export function fileSize(site: EditionSite, bytes: number): string {
  const { locale, numberingSystem, code } = site.edition;
  let f = formats.get(code);
  if (!f) {
    const unit = (u: string) => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: 1, numberingSystem });
    f = { kb: unit('kilobyte'), mb: unit('megabyte') };
    formats.set(code, f);
  }
  const text = bytes < 1_000_000 ? f.kb.format(Math.max(1, Math.round(bytes / 1000))) : f.mb.format(bytes / 1_000_000);
  return `\u2068${text}\u2069`;
}
