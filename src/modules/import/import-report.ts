import type { ImportReport, ImportWarning, KindCounts } from './import.types.js';

/** Collects an import's counts and warnings as it goes. */
export class ReportBuilder {
  readonly report: ImportReport;

  constructor(dryRun: boolean) {
    this.report = { counts: {}, warnings: [], unknownShortcodes: {}, dryRun };
  }

  private kind(kind: string): KindCounts {
    return (this.report.counts[kind] ??= { found: 0, imported: 0, updated: 0, skipped: 0 });
  }

  add(kind: string, what: keyof KindCounts, n = 1): void {
    this.kind(kind)[what] += n;
  }

  warn(w: ImportWarning): void {
    this.report.warnings.push(w);
  }

  shortcode(name: string): void {
    this.report.unknownShortcodes[name] = (this.report.unknownShortcodes[name] ?? 0) + 1;
  }
}

const ORDER = ['article', 'page', 'pinned', 'attachment', 'comment', 'category', 'tag', 'author', 'redirect'];

/** The report as the CLI prints it: a table of counts, then every warning with its item, then unknown shortcodes. */
export function formatReport(report: ImportReport): string {
  const kinds = Object.keys(report.counts).sort((a, b) => {
    const ia = ORDER.indexOf(a);
    const ib = ORDER.indexOf(b);
    return (ia < 0 ? ORDER.length : ia) - (ib < 0 ? ORDER.length : ib) || a.localeCompare(b);
  });
  const width = Math.max(4, ...kinds.map((k) => k.length));
  const col = (s: string | number) => String(s).padStart(9);
  const lines = [
    report.dryRun ? 'dry run: nothing was written; this is what an import would do' : 'import finished',
    '',
    `${'kind'.padEnd(width)}${col('found')}${col(report.dryRun ? 'new' : 'imported')}${col('updated')}${col('skipped')}`,
    ...kinds.map((k) => {
      const c = report.counts[k]!;
      return `${k.padEnd(width)}${col(c.found)}${col(c.imported)}${col(c.updated)}${col(c.skipped)}`;
    }),
  ];
  if (report.warnings.length) {
    lines.push('', `${report.warnings.length} warning(s):`);
    for (const w of report.warnings) {
      const item = [w.kind, w.wpId !== undefined ? `#${w.wpId}` : '', w.title ? `"${w.title}"` : ''].filter(Boolean).join(' ');
      lines.push(`  ${item}: ${w.message}`);
    }
  }
  const shortcodes = Object.entries(report.unknownShortcodes).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (shortcodes.length) {
    lines.push('', 'shortcodes kept as text (nashr does not know them):');
    lines.push(`  ${shortcodes.map(([name, n]) => `[${name}] ×${n}`).join(', ')}`);
  }
  return lines.join('\n');
}
