import { z } from 'zod';
import type { Db } from '../../storage/database.js';
import { preparedStatement } from '../../storage/prepared-query.js';
import { MailError } from './mail.errors.js';

/** A plain-text message to one address. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

// Header injection: no line breaks in anything that becomes a header.
const oneLine = (max: number) => z.string().trim().min(1).max(max).refine((s) => !/[\r\n]/.test(s), 'must be one line');

const messageSchema = z.object({
  to: oneLine(320).pipe(z.email()),
  subject: oneLine(300),
  text: z.string().min(1).max(200_000),
});

/**
 * Stores a message in the outbox and returns its id. It never sends: the MailSender delivers
 * due messages in the background, so a caller's transaction or request never waits on SMTP and
 * a failing server loses nothing.
 */
export async function enqueueMail(db: Db, message: MailMessage, now: Date = new Date()): Promise<number> {
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) throw new MailError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const [row] = await insertMessage(db, { to: parsed.data.to, subject: parsed.data.subject, text: parsed.data.text, at: now.toISOString() });
  return Number(row!.id);
}

// (compiled once: a reader's comment queues one message per moderator)
const insertMessage = preparedStatement((db, a: { to: string; subject: string; text: string; at: string }) =>
  db.insertInto('mail_outbox').values({ to_address: a.to, subject: a.subject, text_body: a.text, created_at: a.at, next_attempt_at: a.at }).returning('id'),
);

/** One row of the outbox, as the sender and the tests see it. */
export interface OutboxEntry {
  id: number;
  to: string;
  subject: string;
  text: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  sentAt: string | null;
}

/** Messages not yet sent whose next attempt is due, oldest first. */
export async function dueMail(db: Db, now: Date, limit = 20): Promise<OutboxEntry[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toEntry);
}

/** Every outbox entry for an address (tests and the newsroom's view of what was sent). */
export async function outboxFor(db: Db, to: string): Promise<OutboxEntry[]> {
  const rows = await db.selectFrom('mail_outbox').selectAll().where('to_address', '=', to).orderBy('id').execute();
  return rows.map(toEntry);
}

function toEntry(r: { id: number; to_address: string; subject: string; text_body: string; attempts: number; last_error: string | null; next_attempt_at: string; sent_at: string | null }): OutboxEntry {
  return { id: Number(r.id), to: r.to_address, subject: r.subject, text: r.text_body, attempts: Number(r.attempts), lastError: r.last_error, nextAttemptAt: r.next_attempt_at, sentAt: r.sent_at };
}

/** Records a delivery. */
export async function markSent(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('mail_outbox').set((eb) => ({ sent_at: now.toISOString(), attempts: eb('attempts', '+', 1), last_error: null })).where('id', '=', id).execute();
}

/** Records a failed attempt and when to try again. */
export async function markFailed(db: Db, id: number, error: string, nextAttemptAt: Date): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 1000), next_attempt_at: nextAttemptAt.toISOString() }))
    .where('id', '=', id)
    .execute();
}
