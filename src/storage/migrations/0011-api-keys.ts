import { type Kysely } from 'kysely';

/** Read-API keys (filled by the API work). */
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
