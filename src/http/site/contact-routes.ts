import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyFormbody from '@fastify/formbody';
import { getAnyItem, getPublished } from '../../modules/content/index.js';
import { CONTACT_LIMITS, ContactError, ContactLimiter, contactSettings, submitContactMessage, type ContactFormInput } from '../../modules/contact/index.js';
import type { Db } from '../../storage/database.js';
import type { ContactFormState } from './contact-form.js';
import { notFound } from './not-found.js';
import { renderItemPage } from './item-routes.js';
import type { SiteContext } from './site-context.js';

type Field = 'name' | 'email' | 'subject' | 'message';

/** The contact form's status per refusal. A filled honeypot is not here: it gets the success answer. */
const STATUS: Record<ContactError['code'], number> = {
  'contact.invalid_input': 400,
  'contact.bad_token': 400,
  'contact.too_fast': 400,
  'contact.expired': 400,
  'contact.rate_limited': 429,
  'contact.not_found': 404,
  'contact.invalid_settings': 400,
};

const SUMMARY: Partial<Record<ContactError['code'], string>> = {
  'contact.invalid_input': 'contactErrorSummary',
  'contact.bad_token': 'contactErrorToken',
  'contact.too_fast': 'contactErrorTooFast',
  'contact.expired': 'contactErrorExpired',
  'contact.rate_limited': 'contactErrorRateLimited',
};

const FIELD_MESSAGE: Record<string, string> = {
  required: 'contactErrorRequired',
  too_long: 'contactErrorTooLong',
  not_email: 'contactErrorEmail',
  not_text: 'contactErrorNotText',
  one_line: 'contactErrorOneLine',
};

// One limiter per database, shared by every edition's scope: the limit is per address, not per language.
const limiters = new WeakMap<Db, ContactLimiter>();
const limiterFor = (db: Db) => {
  let l = limiters.get(db);
  if (!l) limiters.set(db, (l = new ContactLimiter()));
  return l;
};

const str = (body: Record<string, unknown>, key: string, max: number) => {
  const v = body[key];
  return typeof v === 'string' ? v.slice(0, max) : '';
};

/**
 * POST /contact under the edition's prefix, in its own scope: the public site has no body parser
 * and gets none from here. Public pages have no session, so there is no session-bound CSRF token;
 * the form's signed timestamp stands in for one (a post must carry a token this site made, for
 * this edition, less than a day ago), a cross-site Origin is refused, and the per-address rate
 * limit bounds what a replayed token can do. Nothing a forged post could do is more than spam.
 */
export async function contactRoutes(app: FastifyInstance, opts: { ctx: SiteContext }): Promise<void> {
  const { ctx } = opts;
  const { site } = ctx;
  await app.register(fastifyFormbody, { bodyLimit: 64 * 1024 });

  app.post('/contact', async (req: FastifyRequest, reply: FastifyReply) => {
    const settings = await contactSettings(ctx.db, site.edition.code);
    const any = settings.pageId !== null ? await getAnyItem(ctx.db, settings.pageId) : undefined;
    const page = any && any.edition === site.edition.code ? await getPublished(ctx.db, site.edition.code, any.slug) : undefined;
    if (!page) return notFound(ctx, req, reply);

    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    // Kept a little past the limits, so "too long" is reported rather than silently cut.
    const values = {
      name: str(body, 'name', CONTACT_LIMITS.name + 1),
      email: str(body, 'email', CONTACT_LIMITS.email + 1),
      subject: str(body, 'subject', CONTACT_LIMITS.subject + 1),
      message: str(body, 'message', CONTACT_LIMITS.message + 1),
    };
    const input: ContactFormInput = { ...values, website: str(body, 'website', 1000), token: str(body, 'token', 200) };
    const shown = { name: values.name.slice(0, CONTACT_LIMITS.name), email: values.email.slice(0, CONTACT_LIMITS.email), subject: values.subject.slice(0, CONTACT_LIMITS.subject), message: values.message.slice(0, CONTACT_LIMITS.message) };

    const origin = req.headers.origin;
    const originHost = typeof origin === 'string' && origin !== 'null' ? hostOf(origin) : null;
    if (originHost !== null && originHost !== req.host && originHost !== new URL(site.baseUrl).host) {
      return renderItemPage(ctx, reply, page, false, { contact: { values: shown, summary: site.t('contactErrorToken') }, status: 403 });
    }
    try {
      await submitContactMessage(ctx.db, { edition: site.edition.code, input, ip: req.ip, now: new Date(), limiter: limiterFor(ctx.db), baseUrl: site.baseUrl });
    } catch (err) {
      if (!(err instanceof ContactError)) throw err;
      const errors: ContactFormState['errors'] = {};
      for (const i of err.issues) {
        const key = FIELD_MESSAGE[i.message];
        if (key && ['name', 'email', 'subject', 'message'].includes(i.path)) {
          errors[i.path as Field] ??= site.t(key, { max: site.format.number(CONTACT_LIMITS[i.path as Field]) });
        }
      }
      const summary = site.t(SUMMARY[err.code] ?? 'contactErrorSummary');
      return renderItemPage(ctx, reply, page, false, { contact: { values: shown, errors, summary }, status: STATUS[err.code] });
    }
    return reply.redirect(`${site.item(page.slug)}?sent=1#contact-sent-title`, 303);
  });
}

function hostOf(origin: string): string | undefined {
  // An unreadable Origin is refused like a foreign one.
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
