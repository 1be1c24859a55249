const BAR_WIDTH = 30;

/** One in-place progress line for a terminal, redrawn with \r: `label [####------] counts 40%`. */
export function progressBar(label: string, fraction: number, counts: string): string {
  const f = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(f * BAR_WIDTH);
  return `\r${label} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${counts} ${Math.floor(f * 100)}%`;
}
