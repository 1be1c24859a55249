import type { Db } from '../../storage/database.js';
import { ContactError } from './contact.errors.js';

/** A contact message as the newsroom sees it. */
export interface InboxMessage {
  id: number;
  edition: string;
  name: string;
  email: string;
  subject: string;
  body: string;
  createdAt: string;
  readAt: string | null;
  archivedAt: string | null;
  ip: string | null;
}

export interface InboxFilter {
  /** the editions the reader of the inbox may see (already limited to their rights) */
  editions: string[];
  archived: boolean;
  page: number;
  perPage?: number;
}

type Row = { id: number; edition: string; name: string; email: string; subject: string; body: string; created_at: string; read_at: string | null; archived_at: string | null; ip: string | null };
const toMessage = (r: Row): InboxMessage => ({ id: Number(r.id), edition: r.edition, name: r.name, email: r.email, subject: r.subject, body: r.body, createdAt: r.created_at, readAt: r.read_at, archivedAt: r.archived_at, ip: r.ip });

/** One page of the inbox, newest first, with the total and the unread count of the same filter. */
export async function listInbox(db: Db, f: InboxFilter): Promise<{ messages: InboxMessage[]; total: number; unread: number }> {
  if (f.editions.length === 0) return { messages: [], total: 0, unread: 0 };
  const perPage = f.perPage ?? 25;
  const base = db
    .selectFrom('contact_messages')
    .where('edition', 'in', f.editions)
    .where('archived_at', f.archived ? 'is not' : 'is', null);
  const [rows, counts] = await Promise.all([
    base.selectAll().orderBy('id', 'desc').limit(perPage).offset((f.page - 1) * perPage).execute(),
    base
      .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('id').filterWhere('read_at', 'is', null).as('unread')])
      .executeTakeFirstOrThrow(),
  ]);
  return { messages: rows.map(toMessage), total: Number(counts.total), unread: Number(counts.unread) };
}

/** A message, if it is in one of the editions; otherwise not found (the same answer whether it exists or not). */
export async function getInboxMessage(db: Db, id: number, editions: string[]): Promise<InboxMessage> {
  const row = editions.length ? await db.selectFrom('contact_messages').selectAll().where('id', '=', id).where('edition', 'in', editions).executeTakeFirst() : undefined;
  if (!row) throw new ContactError('contact.not_found');
  return toMessage(row);
}

export type InboxAction = 'read' | 'unread' | 'archive' | 'unarchive';

/** Applies one action to the messages among `ids` that lie in the editions; returns how many changed. */
export async function updateInbox(db: Db, ids: number[], editions: string[], action: InboxAction, now: Date): Promise<number> {
  if (ids.length === 0 || editions.length === 0) return 0;
  const at = now.toISOString();
  const set =
    action === 'read' ? { read_at: at } : action === 'unread' ? { read_at: null } : action === 'archive' ? { archived_at: at } : { archived_at: null };
  let q = db.updateTable('contact_messages').set(set).where('id', 'in', ids).where('edition', 'in', editions);
  if (action === 'read') q = q.where('read_at', 'is', null);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
