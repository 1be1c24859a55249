import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from '../../lib/clock.js';
import type { Db } from '../../storage/database.js';
import { dueMail, markFailed, markSent } from './outbox.js';

export interface MailSenderOptions {
  /** `smtp://user:pass@host:587` or `smtps://…` (nodemailer's connection URL) */
  smtpUrl: string;
  /** the From header of every message */
  from: string;
  clock: Clock;
  /** the wait after the first failure; doubled after each further one */
  retryBaseMs?: number;
  /** the longest wait between two attempts */
  retryMaxMs?: number;
  /** messages sent per run at most */
  batchSize?: number;
  /** reports each failure (the app's logger) */
  onError?: (err: unknown, id: number) => void;
}

/** The wait before attempt number `attempts + 1`, after `attempts` failures: base·2^(attempts-1), capped. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
}

/**
 * Delivers the outbox over SMTP. Each message is marked sent only after the server accepted it;
 * a failure records the error and the next attempt time (exponential backoff) and the message
 * waits in the outbox, so nothing is lost while the server is down.
 */
export class MailSender {
  private readonly transport: Transporter;
  private running: Promise<number> | undefined;
  private readonly baseMs: number;
  private readonly maxMs: number;

  constructor(private readonly db: Db, private readonly options: MailSenderOptions) {
    // nodemailer waits minutes on a silent server by default; a run should end well before the next one.
    this.transport = nodemailer.createTransport({ url: options.smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 }, { from: options.from });
    this.baseMs = options.retryBaseMs ?? 30_000;
    this.maxMs = options.retryMaxMs ?? 6 * 3_600_000;
  }

  /** Sends every due message once; returns how many were delivered. Overlapping calls share one run. */
  sendDue(): Promise<number> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<number> {
    const due = await dueMail(this.db, this.options.clock.now(), this.options.batchSize ?? 20);
    let sent = 0;
    for (const m of due) {
      try {
        await this.transport.sendMail({ from: this.options.from, to: m.to, subject: m.subject, text: m.text });
        await markSent(this.db, m.id, this.options.clock.now());
        sent++;
      } catch (err) {
        const attempts = m.attempts + 1;
        const next = new Date(this.options.clock.now().getTime() + retryDelayMs(attempts, this.baseMs, this.maxMs));
        await markFailed(this.db, m.id, err instanceof Error ? err.message : String(err), next);
        this.options.onError?.(err, m.id);
      }
    }
    return sent;
  }

  /** Waits for a run in progress and closes the SMTP connections. */
  async close(): Promise<void> {
    await this.running?.catch(() => {});
    this.transport.close();
  }
}
