import type { EditorChoices, ItemState } from '../../modules/content/index.js';
import type { Edition } from '../../modules/editions/index.js';
import { Csrf, Field, Select, TextArea } from './form-fields.js';
import { STATUS_NAMES } from './item-table.js';

export interface ItemEditorVM {
  /** null for a new item */
  id: number | null;
  edition: Edition;
  type: string;
  values: ItemState;
  choices: EditorChoices;
  statuses: string[];
  canAssignAuthor: boolean;
  /** where the form posts */
  action: string;
  translationOf: number | null;
  /** other editions: the linked translation, or a way to make or link one */
  translations: { edition: Edition; item: { id: number; title: string; status: string } | null; candidates: { id: number; title: string }[] }[];
  publicUrl: string | null;
  error?: string | null;
}

function TranslationsPanel(p: { vm: ItemEditorVM; csrf: string }) {
  const { vm } = p;
  if (vm.id === null) return null;
  return (
    <fieldset>
      <legend>Translations</legend>
      <ul class="translations">
        {vm.translations.map((t) => (
          <li>
            {t.edition.name}:{' '}
            {t.item ? (
              <a href={`/admin/items/${t.item.id}`} lang={t.edition.locale} dir={t.edition.dir}>{t.item.title}</a>
            ) : (
              <>
                <a href={`/admin/items/new?edition=${t.edition.code}&type=${vm.type}&translationOf=${vm.id}`}>Create translation draft</a>
                {t.candidates.length ? (
                  // The controls belong to a form outside the editor's own (forms cannot nest).
                  <div class="link-translation">
                    <label for={`link-${t.edition.code}`}>or link an existing one</label>
                    <select id={`link-${t.edition.code}`} name="otherId" form={`link-form-${t.edition.code}`} lang={t.edition.locale} dir={t.edition.dir}>
                      {t.candidates.map((c) => <option value={String(c.id)}>{c.title}</option>)}
                    </select>
                    <button type="submit" form={`link-form-${t.edition.code}`}>Link</button>
                  </div>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The editor for articles and pages: writing on the left, publishing on the right. */
export function ItemEditor(p: { vm: ItemEditorVM; csrf: string }) {
  const { vm } = p;
  const v = vm.values;
  const e = vm.edition;
  const lang = { dir: e.dir, lang: e.locale };
  return (
    <>
      <form method="post" action={vm.action} class="editor" id="item-form">
        <Csrf token={p.csrf} />
        {vm.translationOf ? <input type="hidden" name="translationOf" value={String(vm.translationOf)} /> : null}
        <div class="editor-layout">
          <div class="editor-main">
            <div class="title-field"><Field name="title" label="Title" value={v.title} required maxlength={500} {...lang} /></div>
            <Field name="slug" label="Slug" value={v.slug} maxlength={200} {...lang} hint="Part of the address. Leave empty to make it from the title; letters of any script, digits and hyphens." />
            <TextArea name="excerpt" label="Excerpt" value={v.excerpt} rows={3} maxlength={2000} {...lang} hint="A sentence or two for listings and search results." />
            <TextArea name="bodyHtml" id="f-body" label="Body" value={v.bodyHtml} rows={18} {...lang} data={{ 'data-rich-editor': '' }}
              hint="Headings, lists, quotes, links, images and references. Anything else is removed when you save." />
            <Field name="sourceLine" label="Source line" value={v.sourceLine} maxlength={500} {...lang} hint="Shown under the article, e.g. the agency or original publication." />
            <fieldset>
              <legend>Search engines and sharing</legend>
              <Field name="seoTitle" label="SEO title" value={v.seoTitle} maxlength={300} {...lang} hint="Empty: the title." />
              <TextArea name="seoDescription" label="SEO description" value={v.seoDescription} rows={2} maxlength={500} {...lang} hint="Empty: the excerpt." />
            </fieldset>
          </div>
          <div class="editor-side">
            <fieldset>
              <legend>Publishing</legend>
              <p>{e.name} · {vm.type}</p>
              <Select name="status" label="Status" value={v.status} options={vm.statuses.map((s) => ({ value: s, label: STATUS_NAMES[s] ?? s }))}
                hint="Published with a future date is scheduled." />
              <Field name="publishedAt" label="Publish date (UTC)" type="datetime-local" value={v.publishedAt ? v.publishedAt.slice(0, 16) : ''} hint="Empty: now." />
              {vm.canAssignAuthor ? (
                <Select name="authorId" label="Author" value={v.authorId === null ? '' : String(v.authorId)} options={[{ value: '', label: '— me —' }, ...vm.choices.people.map((u) => ({ value: String(u.id), label: u.name }))]} />
              ) : null}
              <div class="actions">
                <button type="submit" class="primary">Save</button>
                {vm.id !== null ? <a class="button secondary" href={`/admin/items/${vm.id}/preview`} target="_blank">Preview</a> : null}
              </div>
              {vm.publicUrl ? <p><a href={vm.publicUrl}>View on the site</a></p> : null}
            </fieldset>
            <fieldset>
              <legend>Placement</legend>
              {vm.type === 'page' ? (
                <Select name="parentId" label="Parent page" value={v.parentId === null ? '' : String(v.parentId)} options={[{ value: '', label: '— none —' }, ...vm.choices.pages.map((pg) => ({ value: String(pg.id), label: pg.title }))]} />
              ) : (
                <Select name="categoryId" label="Category" value={v.categoryId === null ? '' : String(v.categoryId)}
                  options={[{ value: '', label: '— none —' }, ...vm.choices.categories.map((c) => ({ value: String(c.id), label: `${'— '.repeat(c.depth)}${c.label}` }))]} />
              )}
              {vm.type === 'page' || !vm.choices.tags.length ? null : (
                <div class="field">
                  <span class="label" id="tags-label">Tags</span>
                  <div class="checks" role="group" aria-labelledby="tags-label">
                    {vm.choices.tags.map((t) => (
                      <label><input type="checkbox" name="tagIds" value={String(t.id)} checked={v.tagIds.includes(t.id)} /> <span {...lang}>{t.name}</span></label>
                    ))}
                  </div>
                </div>
              )}
              <Select name="featuredMediaId" label="Featured image" value={v.featuredMediaId === null ? '' : String(v.featuredMediaId)}
                options={[{ value: '', label: '— none —' }, ...vm.choices.images.map((m) => ({ value: String(m.id), label: m.label }))]}
                hint="Upload images under Media first." />
              {v.featuredMediaId !== null ? (() => {
                const img = vm.choices.images.find((m) => m.id === v.featuredMediaId);
                return img ? <img class="thumb" src={`/media/${img.path}`} alt={img.label} /> : null;
              })() : null}
            </fieldset>
            <TranslationsPanel vm={vm} csrf={p.csrf} />
            {vm.id !== null ? (
              <p class="actions">
                <a href={`/admin/items/${vm.id}/revisions`}>Revisions</a>
                <a href={`/admin/items/${vm.id}/delete`}>Delete…</a>
              </p>
            ) : null}
          </div>
        </div>
      </form>
      {vm.id !== null
        ? vm.translations.filter((t) => !t.item && t.candidates.length).map((t) => (
            <form id={`link-form-${t.edition.code}`} method="post" action={`/admin/items/${vm.id}/translations`}><Csrf token={p.csrf} /></form>
          ))
        : null}
    </>
  );
}
