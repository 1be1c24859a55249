// Builds the newsroom's browser scripts and editor styles in memory with esbuild, once at start-up.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface AdminAsset {
  body: Buffer;
  /** the same bytes gzip-compressed, for clients that accept it */
  gzip: Buffer;
  /** strong ETag, quoted: `"…"` */
  etag: string;
  contentType: string;
}

/**
 * The files, served at /admin/assets/<name>:
 * - `admin.js`: confirm, select-all, media upload, sortable lists — every admin page, `<script defer>`;
 * - `editor.js`: the rich-text editor (TipTap) — only pages with a `textarea[data-rich-editor]`;
 * - `editor.css`: the editor's toolbar, content area and media dialog.
 */
export const ADMIN_ASSET_NAMES = ['admin.js', 'editor.js', 'editor.css'] as const;

const here = fileURLToPath(new URL('.', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export async function buildAdminBundles(): Promise<Map<string, AdminAsset>> {
  const result = await build({
    absWorkingDir: here,
    entryPoints: [
      { in: join(here, 'admin.ts'), out: 'admin' },
      { in: join(here, 'editor/index.ts'), out: 'editor' },
      { in: join(here, 'editor.css'), out: 'editor' },
    ],
    outdir: join(here, 'out'), // nothing is written: write is false
    write: false,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    sourcemap: false,
    charset: 'utf8',
    legalComments: 'eof',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const assets = new Map<string, AdminAsset>();
  for (const file of result.outputFiles) {
    const name = basename(file.path);
    const body = Buffer.from(file.contents);
    const ext = name.slice(name.lastIndexOf('.'));
    assets.set(name, {
      body,
      gzip: gzipSync(body, { level: 9 }),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream',
    });
  }
  for (const name of ADMIN_ASSET_NAMES) if (!assets.has(name)) throw new Error(`admin bundle ${name} was not built`);
  return assets;
}
