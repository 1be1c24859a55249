import { z } from 'zod';
import type { Db } from '../../storage/database.js';
import { enqueueMail } from '../mail/index.js';
import { ContactError } from './contact.errors.js';
import type { ContactLimiter } from './contact-limiter.js';
import { contactSettings } from './contact-settings.js';
import { checkFormToken, issueFormToken } from './form-token.js';
import { siteSecret } from './site-secret.js';

/** The fields of the contact form as posted (all text). `website` is the honeypot: people leave it empty. */
export interface ContactFormInput {
  name: string;
  email: string;
  subject: string;
  message: string;
  website: string;
  token: string;
}

export const CONTACT_LIMITS = { name: 100, email: 254, subject: 200, message: 5000 } as const;

// Text a person types: no control characters but tab and line breaks, and no U+FFFD, which is what
// bytes that are not UTF-8 decode to (refuses binary uploads pasted into the form).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD\uFFFE\uFFFF]/;
const text = (max: number, required: boolean) => {
  const base = z.string().trim().max(max, `too_long`).refine((s) => !CONTROL.test(s), 'not_text');
  return required ? base.refine((s) => s.length > 0, 'required') : base;
};
const oneLine = (max: number, required: boolean) => text(max, required).refine((s) => !/[\r\n]/.test(s), 'one_line');

const schema = z.object({
  name: oneLine(CONTACT_LIMITS.name, true),
  email: z.string().trim().refine((s) => s.length > 0, 'required').pipe(z.email('not_email').max(CONTACT_LIMITS.email, 'too_long')),
  subject: oneLine(CONTACT_LIMITS.subject, false),
  message: text(CONTACT_LIMITS.message, true),
});

const scopeOf = (edition: string) => `contact:${edition}`;

/** A fresh token for the form of an edition's contact page. */
export async function contactFormToken(db: Db, edition: string, now: Date): Promise<string> {
  return issueFormToken(await siteSecret(db), scopeOf(edition), now);
}

export type ContactOutcome = { status: 'stored'; id: number } | { status: 'discarded' };

/**
 * Takes a message from an edition's contact form. Order matters: the rate limit and the token are
 * checked before the fields (a robot learns nothing), the message is stored in the inbox before
 * its mail is queued, and the mail is only queued (the outbox sends and retries), so an SMTP
 * failure can never lose it. A filled honeypot is answered like a success but nothing is kept.
 * Refusals throw a ContactError and store nothing.
 */
export async function submitContactMessage(
  db: Db,
  a: { edition: string; input: ContactFormInput; ip: string; now: Date; limiter: ContactLimiter; /** the site's public address, for the inbox link in the mail */ baseUrl: string },
): Promise<ContactOutcome> {
  if (!a.limiter.attempt(a.ip, a.now.getTime())) throw new ContactError('contact.rate_limited');
  const check = checkFormToken(await siteSecret(db), scopeOf(a.edition), a.input.token, a.now);
  if (check === 'forged') throw new ContactError('contact.bad_token');
  if (check === 'expired') throw new ContactError('contact.expired');
  if (a.input.website.trim() !== '') return { status: 'discarded' };
  if (check === 'too_fast') throw new ContactError('contact.too_fast');
  const parsed = schema.safeParse(a.input);
  if (!parsed.success) throw new ContactError('contact.invalid_input', parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message })));
  const m = parsed.data;
  const row = await db
    .insertInto('contact_messages')
    .values({ edition: a.edition, name: m.name, email: m.email, subject: m.subject, body: m.message, created_at: a.now.toISOString(), ip: a.ip })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  const { email } = await contactSettings(db, a.edition);
  if (email) {
    await enqueueMail(
      db,
      {
        to: email,
        subject: `[${a.edition}] ${m.subject || `Message from ${m.name}`}`.slice(0, 300),
        text: `From: ${m.name} <${m.email}>\nEdition: ${a.edition}\nSubject: ${m.subject || '—'}\n\n${m.message}\n\n— Sent through the contact form; reply to the address above. In the newsroom: ${a.baseUrl}/admin/inbox/${id}\n`,
      },
      a.now,
    );
  }
  return { status: 'stored', id };
}
