import { type Kysely } from 'kysely';

/** Old addresses and where they went (filled by the redirects work). */
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
