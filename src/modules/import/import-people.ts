import { slugify } from '../../lib/slug.js';
import { createAuthor } from '../accounts/index.js';
import { digest, type ImportRun } from './import-run.js';
import type { WxrAuthor } from './wxr.types.js';

async function freeUserSlug(run: ImportRun, wanted: string): Promise<string> {
  const base = slugify(wanted) || 'author';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await run.db.selectFrom('users').select('id').where('slug', '=', slug).executeTakeFirst())) return slug;
  }
}

/**
 * The export's authors become people without sign-in rights, or are matched to an existing
 * person by email. Creators that items name but the author list lacks are made from their login,
 * with a warning (WXR 1.0 files have no author list at all: there it is expected).
 */
export async function importAuthors(run: ImportRun): Promise<void> {
  const declared = [...run.scan.authors.values()];
  const undeclared: WxrAuthor[] = [...run.scan.undeclaredCreators].map((login) => ({ id: null, login, email: '', displayName: login, firstName: '', lastName: '' }));
  for (const a of undeclared) {
    if (run.scan.authors.size) run.report.warn({ kind: 'author', message: `"${a.login}" writes items but is not in the export's list of authors: made from the login alone` });
  }
  for (const a of [...declared, ...undeclared]) {
    run.report.add('author', 'found');
    const known = run.source('author', a.login);
    let userId = known && (await run.db.selectFrom('users').select('id').where('id', '=', known.targetId).executeTakeFirst())?.id;
    const email = a.email.trim().toLowerCase();
    if (!userId && email) userId = (await run.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst())?.id;
    if (userId) {
      run.report.add('author', 'skipped');
    } else {
      const name = a.displayName || [a.firstName, a.lastName].filter(Boolean).join(' ') || a.login;
      userId = await createAuthor(run.db, { displayName: name.slice(0, 200), slug: await freeUserSlug(run, a.login || name), email: email || null });
      run.report.add('author', 'imported');
    }
    if (!known || known.targetId !== userId) await run.remember('author', a.login, '', 'user', userId, digest(a));
    run.authorIds.set(a.login, userId);
    if (a.id !== null) run.wpUserIds.set(a.id, userId);
  }
}
