import { type Kysely } from 'kysely';
import { emptyText, withId } from './schema-helpers.js';

/**
 * The mail outbox (every message is stored before any attempt to send it, so a failed send is
 * retried, never lost) and the contact form's newsroom inbox.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('mail_outbox'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['sent_at', 'next_attempt_at']).execute();

  await withId(db, db.schema.createTable('contact_messages'))
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(emptyText))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('contact_messages_inbox').on('contact_messages').columns(['edition', 'archived_at', 'id']).execute();
  await db.schema.createIndex('contact_messages_ip').on('contact_messages').columns(['ip', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contact_messages').execute();
  await db.schema.dropTable('mail_outbox').execute();
}
