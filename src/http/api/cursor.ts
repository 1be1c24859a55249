import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Opaque page cursors: the position after which the next page starts, with the order it belongs
 * to, signed with an HMAC of the site secret. A client cannot forge, edit or cut one short
 * without it being refused (400), so a cursor can never turn into an unchecked query value.
 */
export interface CursorPosition {
  /** the listing and order the cursor walks: `items:published`, `items:updated`, `tags`, `categories` */
  order: string;
  /** the sort value of the last item sent ('' when the order is by id alone) */
  key: string;
  id: number;
}

function mac(secret: Buffer, payload: string): Buffer {
  return createHmac('sha256', secret).update(`nashr-api-cursor\n${payload}`).digest();
}

export function encodeCursor(secret: Buffer, p: CursorPosition): string {
  const payload = JSON.stringify([p.order, p.key, p.id]);
  return `${Buffer.from(payload).toString('base64url')}.${mac(secret, payload).toString('base64url')}`;
}

/** The position a cursor holds, or undefined when it was not made here for this order. */
export function decodeCursor(secret: Buffer, cursor: string, order: string): CursorPosition | undefined {
  const m = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/.exec(cursor);
  if (!m) return undefined;
  const payload = Buffer.from(m[1]!, 'base64url').toString('utf8');
  const sent = Buffer.from(m[2]!, 'base64url');
  const expected = mac(secret, payload);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return undefined;
  const [o, key, id] = parsed as unknown[];
  if (o !== order || typeof key !== 'string' || !Number.isSafeInteger(id) || (id as number) < 0) return undefined;
  return { order, key, id: id as number };
}
