import { createHash } from 'node:crypto';
import { z } from 'zod';

/** The longest comment kept, in characters. */
export const MAX_BODY = 5000;
export const MAX_NAME = 100;
export const MAX_EMAIL = 254;

/** Control characters other than tab and newline, the replacement character (bytes that were not UTF-8), and lone surrogates: signs of binary, never text. */
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a text carries bytes no reader types. */
export function looksBinary(s: string): boolean {
  return BINARY.test(s);
}

/** A comment's text as stored: NFC, Unix line ends, no trailing spaces, at most one blank line in a row. */
export function normalizeBody(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A one-line field (name): NFC, inner whitespace collapsed. */
export function normalizeLine(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

const emailSchema = z.email();

/** An address mail can be sent to (the same check the mail outbox makes). */
export function isEmail(s: string): boolean {
  return s.length <= MAX_EMAIL && emailSchema.safeParse(s).success;
}

/** The same person posting the same text on the same item twice hashes the same, whatever the spacing or case of the address. */
export function contentHash(itemId: number, email: string, body: string): string {
  const text = body.replace(/\s+/g, ' ').toLowerCase();
  return createHash('sha256').update(`${itemId}\n${email.toLowerCase()}\n${text}`).digest('hex');
}
