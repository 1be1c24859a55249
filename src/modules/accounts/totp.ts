import { Secret, TOTP } from 'otpauth';

/** RFC 6238 codes: 6 digits, 30 s, SHA-1 (what every authenticator app understands). */
function totp(secret: string, label: string): TOTP {
  return new TOTP({ issuer: 'nashr', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads from a QR code. */
export function totpUri(secret: string, label: string): string {
  return totp(secret, label).toString();
}

/** Whether `code` is right at `now`, one step of clock drift allowed either way. */
export function verifyTotp(secret: string, code: string, now: Date): boolean {
  const clean = code.replace(/\s+/g, '');
  if (!/^[0-9]{6}$/.test(clean)) return false;
  return totp(secret, 'check').validate({ token: clean, timestamp: now.getTime(), window: 1 }) !== null;
}

/** The current code (tests and the CLI's own checks). */
export function currentTotp(secret: string, now: Date): string {
  return totp(secret, 'check').generate({ timestamp: now.getTime() });
}
