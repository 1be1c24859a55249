import type { ApiKeyGate } from '../../modules/api-keys/index.js';
import type { Edition } from '../../modules/editions/index.js';
import type { Db } from '../../storage/database.js';
import type { ApiUrls } from './api-urls.js';

/** What the read API's routes are built with. */
export interface ApiContext {
  db: Db;
  editions: readonly Edition[];
  urls: ApiUrls;
  gate: ApiKeyGate;
  /** origins allowed to call the API from a browser; `*` for any; empty for none */
  corsOrigins: readonly string[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** a read-API address that answers without a key (the OpenAPI document, unknown paths) */
    apiPublic?: boolean;
  }
}
