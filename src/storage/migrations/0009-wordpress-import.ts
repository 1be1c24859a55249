import { type Kysely } from 'kysely';

/** What a WordPress import remembers (filled by the import work). */
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
