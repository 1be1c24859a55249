import type { Db } from '../../storage/database.js';

/** Creates a person who appears as an author; without a password they cannot sign in. */
export async function createAuthor(db: Db, a: { displayName: string; slug: string; bio?: string; email?: string | null }): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ display_name: a.displayName, slug: a.slug, bio: a.bio ?? '', email: a.email ?? null, role: 'none', password_hash: null, created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
