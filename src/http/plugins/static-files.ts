import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Assets } from '../site/chrome.js';

const THEME_ASSETS = fileURLToPath(new URL('../../themes/default/assets/', import.meta.url));
const FONT_FILES = join(dirname(createRequire(import.meta.url).resolve('@fontsource/vazirmatn/package.json')), 'files');

function versioned(file: string): string {
  const hash = createHash('sha256').update(readFileSync(join(THEME_ASSETS, file))).digest('hex').slice(0, 10);
  return `/assets/${file}?v=${hash}`;
}

/**
 * Theme assets (versioned URLs, cached for a year) and the self-hosted Persian/Arabic font
 * (media files: media-files.ts). Paths are resolved by @fastify/static inside fixed roots.
 */
export async function registerStaticFiles(app: FastifyInstance, mediaDir: string): Promise<Assets> {
  mkdirSync(mediaDir, { recursive: true });
  const longCache = { maxAge: '365d', immutable: true, cacheControl: true, etag: true, lastModified: true, index: false as const, dotfiles: 'deny' as const };
  await app.register(fastifyStatic, { root: THEME_ASSETS, prefix: '/assets/', ...longCache });
  await app.register(fastifyStatic, { root: FONT_FILES, prefix: '/assets/fonts/', decorateReply: false, ...longCache });
  return { css: versioned('site.css'), js: versioned('site.js'), icon: versioned('favicon.svg') };
}
