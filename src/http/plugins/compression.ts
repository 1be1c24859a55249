import fastifyCompress from '@fastify/compress';
import { constants } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

/**
 * Brotli or gzip for every compressible answer the page cache does not already hold compressed
 * (newsroom pages, API answers, uncached pages, stylesheets): quick settings, since each is
 * compressed anew. Only these two codings, so the page cache's choice and this one agree.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
