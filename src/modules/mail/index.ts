export { enqueueMail, dueMail, outboxFor, type MailMessage, type OutboxEntry } from './outbox.js';
export { MailSender, retryDelayMs, type MailSenderOptions } from './mail-sender.js';
export { MailError } from './mail.errors.js';
