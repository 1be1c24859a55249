import type { Translator } from '../../../i18n/translator.js';

/** The contact form as the page shows it: values typed so far and messages per field (already translated). */
export interface ContactFormVM {
  action: string;
  token: string;
  values: { name: string; email: string; subject: string; message: string };
  errors: Partial<Record<'name' | 'email' | 'subject' | 'message', string>>;
  /** why the whole form was refused, above the fields */
  summary: string | null;
  /** the message was received: show the confirmation instead of the form */
  sent: boolean;
  maxMessage: number;
  /** the same number in the edition's digits */
  maxMessageText: string;
}

function FieldError(props: { id: string; error: string | undefined }) {
  return props.error ? <small class="field-error" id={props.id}>{props.error}</small> : null;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/**
 * The contact form, which works without script. The honeypot field is moved off-screen for
 * sighted readers but stays labelled for screen-reader users, who are told to leave it empty;
 * the hidden token carries the time the form was made, signed.
 */
export function ContactForm(props: { form: ContactFormVM; t: Translator }) {
  const { form: f, t } = props;
  if (f.sent) {
    return (
      <section class="contact-sent" role="status" aria-labelledby="contact-sent-title">
        <h2 id="contact-sent-title">{t('contactSentTitle')}</h2>
        <p>{t('contactSentText')}</p>
      </section>
    );
  }
  const e = f.errors;
  return (
    <form class="contact-form" method="post" action={f.action} aria-labelledby="contact-form-title">
      <h2 id="contact-form-title">{t('contactFormTitle')}</h2>
      {f.summary ? <p class="form-errors" role="alert">{f.summary}</p> : null}
      <input type="hidden" name="token" value={f.token} />
      <p class="contact-field">
        <label for="contact-name">{t('contactName')}</label>
        <input id="contact-name" name="name" type="text" required maxlength={100} autocomplete="name" dir="auto" value={f.values.name} aria-invalid={e.name ? 'true' : undefined} aria-describedby={describedBy(e.name && 'contact-name-error')} />
        <FieldError id="contact-name-error" error={e.name} />
      </p>
      <p class="contact-field">
        <label for="contact-email">{t('contactEmail')}</label>
        <input id="contact-email" name="email" type="email" required maxlength={254} autocomplete="email" dir="ltr" value={f.values.email} aria-invalid={e.email ? 'true' : undefined} aria-describedby={describedBy('contact-email-hint', e.email && 'contact-email-error')} />
        <small id="contact-email-hint">{t('contactEmailHint')}</small>
        <FieldError id="contact-email-error" error={e.email} />
      </p>
      <p class="contact-field">
        <label for="contact-subject">{t('contactSubject')}</label>
        <input id="contact-subject" name="subject" type="text" maxlength={200} dir="auto" value={f.values.subject} aria-invalid={e.subject ? 'true' : undefined} aria-describedby={describedBy(e.subject && 'contact-subject-error')} />
        <FieldError id="contact-subject-error" error={e.subject} />
      </p>
      <p class="contact-field">
        <label for="contact-message">{t('contactMessage')}</label>
        <textarea id="contact-message" name="message" rows={8} required maxlength={f.maxMessage} dir="auto" aria-invalid={e.message ? 'true' : undefined} aria-describedby={describedBy('contact-message-hint', e.message && 'contact-message-error')}>{f.values.message}</textarea>
        <small id="contact-message-hint">{t('contactMessageHint', { max: f.maxMessageText })}</small>
        <FieldError id="contact-message-error" error={e.message} />
      </p>
      <p class="contact-hp">
        <label for="contact-website">{t('contactHoneypot')}</label>
        <input id="contact-website" name="website" type="text" tabindex="-1" autocomplete="off" value="" />
      </p>
      <p><button type="submit">{t('contactSend')}</button></p>
    </form>
  );
}
