import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canAdminister } from '../../modules/accounts/index.js';
import { checkContactSettings, contactPageChoices, contactSettings, ContactError, saveContactSettings } from '../../modules/contact/index.js';
import type { Edition } from '../../modules/editions/index.js';
import { editionSettings, saveEditionSettings, SettingsError, type EditionSettingsInput } from '../../modules/settings/index.js';
import { Csrf, Field, Select, TableWrap } from '../../themes/admin/form-fields.js';
import type { AdminContext } from './admin-context.js';
import { badRequest, forbidden } from './admin-errors.js';
import { sendAdminPage } from './admin-page.js';
import { formChecked, formOf, formText } from './form-values.js';
import { actorOfRequest } from './session-hooks.js';

const SOCIAL = [
  { key: 'facebook', label: 'Facebook page' },
  { key: 'twitter', label: 'X (Twitter) profile' },
  { key: 'instagram', label: 'Instagram profile' },
  { key: 'youtube', label: 'YouTube channel' },
] as const;
type SocialKey = (typeof SOCIAL)[number]['key'];

/** The form's fields as typed (strings), so a refused form shows what was entered. */
interface SettingsFormValues {
  tagline: string;
  listingShows: string;
  perPage: string;
  since: string;
  social: Record<SocialKey, string>;
  comments: { depth: string; closeAfterDays: string; autoApproveReturning: boolean; notifyModerators: boolean };
  contact: { email: string; pageId: string };
  feeds: { fullContent: boolean; items: string };
}

const LABELS: Record<string, string> = { tagline: 'Tagline', listingShows: 'Listings show', perPage: 'Items per page', since: 'First year', social: 'Social', 'comments.depth': 'Reply depth', 'comments.closeAfterDays': 'Close comments after', 'contact.email': 'Contact form messages go to', 'contact.pageId': 'Contact form on', feedItems: 'Items in each feed' };
for (const s of SOCIAL) LABELS[`social.${s.key}`] = s.label;

/** A typed number; '' and anything not a number become NaN, which validation refuses with the field's message. */
const numberOrMissing = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim()));

function inputOf(v: SettingsFormValues): EditionSettingsInput {
  const social: Partial<Record<SocialKey, string>> = {};
  for (const s of SOCIAL) if (v.social[s.key].trim()) social[s.key] = v.social[s.key].trim();
  const comments = { depth: numberOrMissing(v.comments.depth), closeAfterDays: numberOrMissing(v.comments.closeAfterDays), autoApproveReturning: v.comments.autoApproveReturning, notifyModerators: v.comments.notifyModerators };
  return { tagline: v.tagline, listingShows: v.listingShows as 'excerpt' | 'full', perPage: numberOrMissing(v.perPage), since: numberOrMissing(v.since), social, comments, feedFullContent: v.feeds.fullContent, feedItems: numberOrMissing(v.feeds.items) };
}

function EditionsTable(p: { editions: readonly Edition[] }) {
  return (
    <section aria-labelledby="editions-heading">
      <h2 id="editions-heading">Editions</h2>
      <TableWrap label="Table of editions">
        <table>
          <thead>
            <tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Own name</th><th scope="col">Direction</th><th scope="col">Address prefix</th><th scope="col">Locale</th></tr>
          </thead>
          <tbody>
            {p.editions.map((e) => (
              <tr>
                <td><code>{e.code}</code></td>
                <td>{e.name}</td>
                <td lang={e.locale} dir={e.dir}>{e.nativeName}</td>
                <td>{e.dir === 'rtl' ? 'Right to left' : 'Left to right'}</td>
                <td><code>{e.prefix || '/'}</code></td>
                <td><code>{e.locale}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p class="hint">Editions are configured by the server's administrator in the JSON file named by <code>NASHR_EDITIONS_FILE</code> (see the README), and take effect after a restart.</p>
    </section>
  );
}

/** Site settings per edition, and the editions themselves (read only): administrators only. */
export async function settingsRoutes(app: FastifyInstance, opts: { ctx: AdminContext }): Promise<void> {
  const { ctx } = opts;

  app.addHook('preHandler', async (req) => {
    if (!canAdminister(actorOfRequest(req))) throw forbidden('Only administrators change site settings.');
  });

  const editionOf = (raw: unknown): Edition => {
    if (raw === undefined || raw === '') return ctx.editions[0]!;
    const edition = ctx.editions.find((e) => e.code === raw);
    if (!edition) throw badRequest('There is no such edition.');
    return edition;
  };

  const page = async (req: FastifyRequest, reply: FastifyReply, edition: Edition, v: SettingsFormValues, errors: Record<string, string> = {}, error?: string) => {
    const contactPages = await contactPageChoices(ctx.db, edition.code);
    return sendAdminPage(ctx, req, reply, { title: 'Settings', section: 'settings', error }, (csrf) => (
      <>
        <nav class="tabs" aria-label="Editions">
          <ul>
            {ctx.editions.map((e) => (
              <li><a href={`/admin/settings?edition=${e.code}`} aria-current={e.code === edition.code ? 'page' : undefined}>{e.name}</a></li>
            ))}
          </ul>
        </nav>
        <form method="post" action="/admin/settings" class="narrow">
          <Csrf token={csrf} />
          <input type="hidden" name="edition" value={edition.code} />
          <h2>{edition.name} edition <span lang={edition.locale} dir={edition.dir}>{edition.nativeName}</span></h2>
          <Field name="tagline" label="Tagline" value={v.tagline} maxlength={200} dir={edition.dir} lang={edition.locale} hint="One line under the site's name." error={errors.tagline} />
          <Select name="listingShows" label="Listings show" value={v.listingShows} options={[{ value: 'excerpt', label: 'The excerpt of each item' }, { value: 'full', label: 'The full text of each item' }]} />
          <Field name="perPage" label="Items per page" inputmode="numeric" maxlength={3} value={v.perPage} hint="1 to 100." error={errors.perPage} />
          <Field name="since" label="First year" inputmode="numeric" maxlength={4} value={v.since} hint="The start of the copyright years in the footer." error={errors.since} />
          <fieldset>
            <legend>Social links</legend>
            <p class="hint">Full addresses starting with https://. Leave empty to show none.</p>
            {SOCIAL.map((s) => (
              <Field name={`social.${s.key}`} label={s.label} inputmode="url" value={v.social[s.key]} maxlength={500} error={errors[`social.${s.key}`]} />
            ))}
          </fieldset>
          <fieldset>
            <legend>Comments</legend>
            <Field name="comments.depth" label="Reply depth" inputmode="numeric" maxlength={2} value={v.comments.depth} hint="How many levels replies nest: 1 means no replies, 3 is usual (1 to 10)." error={errors['comments.depth']} />
            <Field name="comments.closeAfterDays" label="Close comments after (days)" inputmode="numeric" maxlength={5} value={v.comments.closeAfterDays} hint="Days after publication; 0 keeps comments open." error={errors['comments.closeAfterDays']} />
            <div class="field">
              <label class="check"><input type="checkbox" name="comments.autoApproveReturning" value="1" checked={v.comments.autoApproveReturning} /> Publish at once the comments of people with an earlier approved comment</label>
            </div>
            <div class="field">
              <label class="check"><input type="checkbox" name="comments.notifyModerators" value="1" checked={v.comments.notifyModerators} /> Email the edition's editors and administrators about each comment held for moderation</label>
            </div>
          </fieldset>
          <fieldset>
            <legend>Contact form</legend>
            <Select name="contact.pageId" label="Contact form on" value={v.contact.pageId} dir={edition.dir} lang={edition.locale}
              options={[{ value: '', label: 'No page (no contact form)' }, ...contactPages.map((p) => ({ value: String(p.id), label: p.title }))]} hint="The page of this edition that shows the contact form under its text." />
            <Field name="contact.email" label="Contact form messages go to" type="email" inputmode="email" maxlength={254} value={v.contact.email} error={errors['contact.email']}
              hint="The newsroom's email address for this edition. Every message is kept in the Inbox; it is also mailed here when mail is configured. Leave empty for the Inbox only." />
          </fieldset>
          <fieldset>
            <legend>Feeds</legend>
            <Field name="feedItems" label="Items in each feed" inputmode="numeric" maxlength={3} value={v.feeds.items} hint="The newest items each RSS, Atom and JSON feed carries (1 to 100)." error={errors.feedItems} />
            <div class="field">
              <label class="check"><input type="checkbox" name="feedFullContent" value="1" checked={v.feeds.fullContent} /> Feeds carry the full text of each item (otherwise its excerpt)</label>
            </div>
          </fieldset>
          <button type="submit" class="primary">Save settings</button>
        </form>
        <EditionsTable editions={ctx.editions} />
      </>
    ));
  };

  const currentContactValues = async (code: string): Promise<SettingsFormValues['contact']> => {
    const c = await contactSettings(ctx.db, code);
    return { email: c.email, pageId: c.pageId === null ? '' : String(c.pageId) };
  };

  const currentCommentValues = async (code: string): Promise<SettingsFormValues['comments']> => {
    const c = (await editionSettings(ctx.db, code)).comments;
    return { depth: String(c.depth), closeAfterDays: String(c.closeAfterDays), autoApproveReturning: c.autoApproveReturning, notifyModerators: c.notifyModerators };
  };

  const currentFeedValues = async (code: string): Promise<SettingsFormValues['feeds']> => {
    const s = await editionSettings(ctx.db, code);
    return { fullContent: s.feedFullContent, items: String(s.feedItems) };
  };

  app.get('/settings', async (req, reply) => {
    const edition = editionOf((req.query as Record<string, unknown>).edition);
    const s = await editionSettings(ctx.db, edition.code);
    const social = Object.fromEntries(SOCIAL.map((k) => [k.key, s.social[k.key] ?? ''])) as Record<SocialKey, string>;
    return page(req, reply, edition, { tagline: s.tagline, listingShows: s.listingShows, perPage: String(s.perPage), since: String(s.since), social, comments: await currentCommentValues(edition.code), contact: await currentContactValues(edition.code), feeds: { fullContent: s.feedFullContent, items: String(s.feedItems) } });
  });

  app.post('/settings', async (req, reply) => {
    const f = formOf(req.body);
    const edition = editionOf(formText(f, 'edition', 20));
    const values: SettingsFormValues = {
      tagline: formText(f, 'tagline', 1000),
      listingShows: formText(f, 'listingShows', 20),
      perPage: formText(f, 'perPage', 20),
      since: formText(f, 'since', 20),
      social: Object.fromEntries(SOCIAL.map((s) => [s.key, formText(f, `social.${s.key}`, 1000)])) as Record<SocialKey, string>,
      // A form from before the comment settings existed leaves them as they are.
      comments: !('comments.depth' in f) ? await currentCommentValues(edition.code) : {
        depth: formText(f, 'comments.depth', 20),
        closeAfterDays: formText(f, 'comments.closeAfterDays', 20),
        autoApproveReturning: formChecked(f, 'comments.autoApproveReturning'),
        notifyModerators: formChecked(f, 'comments.notifyModerators'),
      },
      // Likewise a form from before the contact settings existed.
      contact: !('contact.email' in f) ? await currentContactValues(edition.code) : { email: formText(f, 'contact.email', 1000), pageId: formText(f, 'contact.pageId', 20) },
      // And a form from before the feed settings existed.
      feeds: !('feedItems' in f) ? await currentFeedValues(edition.code) : { items: formText(f, 'feedItems', 20), fullContent: formChecked(f, 'feedFullContent') },
    };
    const contact = { email: values.contact.email, pageId: /^[1-9][0-9]{0,9}$/.test(values.contact.pageId) ? Number(values.contact.pageId) : null };
    try {
      // The contact settings are checked first, so a refusal of either part saves nothing.
      await checkContactSettings(ctx.db, edition.code, contact);
      await saveEditionSettings(ctx.db, edition.code, inputOf(values));
      await saveContactSettings(ctx.db, edition.code, contact);
    } catch (err) {
      const issues = err instanceof SettingsError ? err.issues : err instanceof ContactError ? err.issues.map((i) => ({ path: `contact.${i.path}`, message: i.message })) : undefined;
      if (!issues) throw err;
      const errors = Object.fromEntries(issues.map((i) => [i.path, i.message]));
      const summary = issues.map((i) => `${LABELS[i.path] ?? i.path}: ${i.message}`).join('; ');
      return page(req, reply, edition, values, errors, `Nothing was saved. ${summary}`);
    }
    return reply.redirect(`/admin/settings?edition=${edition.code}&notice=saved`, 303);
  });
}
