import { type Kysely } from 'kysely';

/** The change log page caches follow (filled by the page-cache work). */
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
