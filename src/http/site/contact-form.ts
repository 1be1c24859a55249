import type { Html } from '#jsx/jsx-runtime';
import type { ItemDetail } from '../../modules/content/index.js';
import { CONTACT_LIMITS, contactFormToken, contactSettings } from '../../modules/contact/index.js';
import { ContactForm, type ContactFormVM } from '../../themes/default/partials/contact-form.js';
import type { SiteContext } from './site-context.js';

/** What the contact page shows besides its body: the confirmation, or the form with what was typed and why it was refused. */
export interface ContactFormState {
  sent?: boolean;
  values?: ContactFormVM['values'];
  errors?: ContactFormVM['errors'];
  summary?: string;
}

const EMPTY = { name: '', email: '', subject: '', message: '' };

/** The form under a page, if the page is its edition's contact page (the edition setting `contactPageId`). */
export async function contactFormFor(ctx: SiteContext, item: ItemDetail, state: ContactFormState = {}): Promise<Html | null> {
  const { site } = ctx;
  const settings = await contactSettings(ctx.db, site.edition.code);
  if (settings.pageId !== item.id) return null;
  const form: ContactFormVM = {
    action: site.url('/contact'),
    token: await contactFormToken(ctx.db, site.edition.code, new Date()),
    values: state.values ?? EMPTY,
    errors: state.errors ?? {},
    summary: state.summary ?? null,
    sent: state.sent === true,
    maxMessage: CONTACT_LIMITS.message,
    maxMessageText: site.format.number(CONTACT_LIMITS.message),
  };
  return ContactForm({ form, t: site.t });
}
