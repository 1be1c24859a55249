import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../../src/lib/clock.js';
import { enqueueMail, MailError, MailSender, outboxFor, retryDelayMs } from '../../../src/modules/mail/index.js';
import { migrateToLatest } from '../../../src/storage/migrations/index.js';
import { DIALECTS, dialectSkipReason, freshStorage } from '../../support/dialects.js';
import { freePort, mailText, startTestSmtp } from '../../support/smtp.js';

describe('retry delays', () => {
  it('double after each failure up to the cap', () => {
    assert.deepEqual([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000, 5000)), [1000, 2000, 4000, 5000]);
    assert.equal(retryDelayMs(500, 1000, 60_000), 60_000);
  });
});

for (const dialect of DIALECTS) {
  describe(`the mail outbox on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    async function withDb(fn: (db: Awaited<ReturnType<typeof freshStorage>>['storage']['db']) => Promise<void>) {
      const fresh = await freshStorage(dialect);
      try {
        await migrateToLatest(fresh.storage.db);
        await fn(fresh.storage.db);
      } finally {
        await fresh.dispose();
      }
    }

    it('refuses bad addresses and header injection and stores nothing', () =>
      withDb(async (db) => {
        for (const bad of [
          { to: 'not an address', subject: 's', text: 't' },
          { to: 'a@example.org\r\nBcc: b@example.org', subject: 's', text: 't' },
          { to: 'a@example.org', subject: 'Hi\r\nBcc: b@example.org', text: 't' },
          { to: 'a@example.org', subject: '', text: 't' },
          { to: 'a@example.org', subject: 's', text: '' },
        ]) {
          await assert.rejects(enqueueMail(db, bad), (err: unknown) => err instanceof MailError && err.code === 'mail.invalid_message');
        }
        assert.equal((await db.selectFrom('mail_outbox').select('id').execute()).length, 0);
      }));

    it('delivers a queued message by SMTP and marks it sent', () =>
      withDb(async (db) => {
        const smtp = await startTestSmtp();
        const clock = new ManualClock();
        const sender = new MailSender(db, { smtpUrl: smtp.url, from: 'nashr <no-reply@news.example>', clock });
        try {
          await enqueueMail(db, { to: 'desk@news.example', subject: 'سلام', text: 'پیام آزمایشی — hello' }, clock.now());
          assert.equal(await sender.sendDue(), 1);
          const [mail] = await smtp.waitFor(1);
          assert.deepEqual(mail!.to, ['desk@news.example']);
          assert.match(mailText(mail!.raw), /پیام آزمایشی — hello/);
          const [entry] = await outboxFor(db, 'desk@news.example');
          assert.ok(entry!.sentAt);
          assert.equal(entry!.attempts, 1);
          assert.equal(await sender.sendDue(), 0, 'a sent message is not sent again');
        } finally {
          await sender.close();
          await smtp.close();
        }
      }));

    it('keeps a message while the server is down, backs off, and delivers it once the server is up', () =>
      withDb(async (db) => {
        const port = await freePort();
        const clock = new ManualClock();
        const sender = new MailSender(db, { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'no-reply@news.example', clock, retryBaseMs: 60_000 });
        try {
          await enqueueMail(db, { to: 'desk@news.example', subject: 'Down', text: 'kept while down' }, clock.now());
          assert.equal(await sender.sendDue(), 0);
          let [entry] = await outboxFor(db, 'desk@news.example');
          assert.equal(entry!.sentAt, null);
          assert.equal(entry!.attempts, 1);
          assert.ok(entry!.lastError);
          assert.equal(Date.parse(entry!.nextAttemptAt) - clock.now().getTime(), 60_000);

          assert.equal(await sender.sendDue(), 0, 'not retried before its time');
          assert.equal((await outboxFor(db, 'desk@news.example'))[0]!.attempts, 1);

          clock.advance(60_000);
          await sender.sendDue();
          [entry] = await outboxFor(db, 'desk@news.example');
          assert.equal(entry!.attempts, 2);
          assert.equal(Date.parse(entry!.nextAttemptAt) - clock.now().getTime(), 120_000, 'the wait doubles');

          const smtp = await startTestSmtp(port);
          try {
            clock.advance(120_000);
            assert.equal(await sender.sendDue(), 1);
            const [mail] = await smtp.waitFor(1);
            assert.match(mailText(mail!.raw), /kept while down/);
            [entry] = await outboxFor(db, 'desk@news.example');
            assert.ok(entry!.sentAt);
            assert.equal(entry!.attempts, 3);
          } finally {
            await smtp.close();
          }
        } finally {
          await sender.close();
        }
      }));
  });
}
