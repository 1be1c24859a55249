/** Where an import is: `phase` names the step (reading: bytes of the file; attachments; items), `done` of `total` its progress. */
export interface ImportProgress {
  phase: string;
  done: number;
  total?: number;
}

export interface ImportOptions {
  /** path to the WXR file */
  file: string;
  /** local copy of wp-content/uploads */
  uploadsDir?: string;
  /** force every item into this edition (else Polylang/WPML, else the export's language, else the site's default edition) */
  edition?: string;
  /** report only, write nothing */
  dryRun?: boolean;
  /** path to a small JSON mapping of custom post types to nashr types */
  mapping?: string;
  /** where the media library keeps files (config.dataDir + '/media') */
  mediaDir: string;
  /** edition codes the site has; the first is the default */
  editions: readonly string[];
  /** each edition's URL prefix ('' or '/fa'), for the redirects' targets; default: '' for the first, '/<code>' for the others */
  editionPrefixes?: Readonly<Record<string, string>>;
  /** posts per transaction (default 200) */
  batchSize?: number;
  onProgress?(p: ImportProgress): void;
}

export interface KindCounts {
  found: number;
  imported: number;
  updated: number;
  skipped: number;
}

export interface ImportWarning {
  kind: string;
  wpId?: number;
  title?: string;
  message: string;
}

export interface ImportReport {
  /** kinds: article, page, category, tag, author, comment, attachment, redirect, and WordPress post types not imported */
  counts: Record<string, KindCounts>;
  warnings: ImportWarning[];
  unknownShortcodes: Record<string, number>;
  dryRun: boolean;
}
