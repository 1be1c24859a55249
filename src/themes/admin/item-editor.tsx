import type { EditorChoices, ItemState } from '../../modules/content/index.js';
import type { Edition } from '../../modules/editions/index.js';
import { Csrf, Field, Select, TableWrap, TextArea } from './form-fields.js';
import { STATUS_NAMES } from './item-table.js';
import { IMAGE_LABELS, typeName } from './item-types.js';

export interface ItemEditorVM {
  /** null for a new item */
  id: number | null;
  edition: Edition;
  type: string;
  values: ItemState;
  choices: EditorChoices;
  statuses: string[];
  canAssignAuthor: boolean;
  /** the type is listed on the edition's home page, so it can be pinned there */
  canPin: boolean;
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

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const numStr = (v: unknown): string => (typeof v === 'number' && v >= 0 ? String(v) : '');
const idStr = (v: unknown): string => (typeof v === 'number' && v > 0 ? String(v) : '');
type Lang = { dir: string; lang: string };

/** Types whose items are placed in categories and carry tags. */
const CATEGORIZED = new Set(['article', 'cartoon', 'newspic', 'gallery', 'video']);
/** Types shown with a source line (the others have a credit, or none). */
const SOURCED = new Set(['article', 'page']);
/** How many empty "Inside this issue" rows the form offers (more with JavaScript). */
const EMPTY_CONTENT_ROWS = 3;

function CaptionFields(p: { vm: ItemEditorVM; lang: Lang }) {
  const d = p.vm.values.details;
  return (
    <fieldset>
      <legend>{p.vm.type === 'cartoon' ? 'Cartoon' : 'NewsPic'}</legend>
      <TextArea name="caption" label="Caption" value={str(d.caption)} rows={3} maxlength={2000} {...p.lang} hint="Shown with the image." />
      <Field name="credit" label="Credit" value={str(d.credit)} maxlength={300} {...p.lang} hint={p.vm.type === 'cartoon' ? 'The cartoonist.' : 'The photographer or agency.'} />
    </fieldset>
  );
}

function VideoFields(p: { vm: ItemEditorVM; lang: Lang }) {
  const d = p.vm.values.details;
  return (
    <fieldset>
      <legend>Video</legend>
      <Select name="videoMediaId" label="Uploaded video" value={idStr(d.videoMediaId)}
        options={[{ value: '', label: '— none —' }, ...p.vm.choices.videos.map((m) => ({ value: String(m.id), label: m.label }))]}
        hint="MP4 or WebM files uploaded under Media." />
      <Field name="externalUrl" label="Or a video address" type="url" value={str(d.externalUrl)} maxlength={2000} dir="ltr"
        hint="A YouTube or Vimeo page, or a direct .mp4/.webm address. Used when no uploaded video is chosen." />
      <Field name="credit" label="Credit" value={str(d.credit)} maxlength={300} {...p.lang} />
    </fieldset>
  );
}

function BookFields(p: { vm: ItemEditorVM; lang: Lang }) {
  const d = p.vm.values.details;
  const year = typeof d.year === 'number' ? String(d.year) : '';
  return (
    <fieldset>
      <legend>Book</legend>
      <Field name="bookAuthor" label="Author" value={str(d.bookAuthor)} maxlength={300} {...p.lang} hint="Who wrote the book (not the person entering it)." />
      <Field name="publisher" label="Publisher" value={str(d.publisher)} maxlength={300} {...p.lang} />
      <div class="field-row">
        <Field name="year" label="Year" type="number" value={year} min={1000} max={2200} inputmode="numeric" />
        <Field name="language" label="Language" value={str(d.language)} maxlength={100} {...p.lang} hint="e.g. Farsi, English" />
      </div>
      <Select name="pdfMediaId" label="PDF" value={idStr(d.pdfMediaId)}
        options={[{ value: '', label: '— none —' }, ...p.vm.choices.pdfs.map((m) => ({ value: String(m.id), label: m.label }))]}
        hint="For download; upload it under Media first." />
      <Field name="purchaseUrl" label="Where to buy it" type="url" value={str(d.purchaseUrl)} maxlength={2000} dir="ltr" hint="An http(s) address." />
    </fieldset>
  );
}

interface ContentRow {
  key: string;
  title: string;
  itemId: string;
}

function ContentRowFields(p: { row: ContentRow; articles: { value: string; label: string }[]; lang: Lang }) {
  const k = p.row.key;
  return (
    <li class="content-row">
      <input type="hidden" name="contentsRow" value={k} />
      <Field id={`contents-${k}-title`} name={`contents[${k}][title]`} label="Entry title" value={p.row.title} maxlength={500} {...p.lang} />
      <Select id={`contents-${k}-item`} name={`contents[${k}][itemId]`} label="Links to" value={p.row.itemId} options={p.articles} {...p.lang} />
      <button type="button" class="secondary" data-remove-row hidden>Remove entry</button>
    </li>
  );
}

function IssueFields(p: { vm: ItemEditorVM; lang: Lang }) {
  const d = p.vm.values.details;
  const contents = Array.isArray(d.contents) ? (d.contents as { title?: unknown; itemId?: unknown }[]) : [];
  const rows: ContentRow[] = contents.map((c, i) => ({ key: String(i), title: str(c.title), itemId: idStr(c.itemId) }));
  for (let i = 0; i < EMPTY_CONTENT_ROWS; i++) rows.push({ key: String(contents.length + i), title: '', itemId: '' });
  const articles = [{ value: '', label: '— no link —' }, ...p.vm.choices.articles.map((a) => ({ value: String(a.id), label: a.title }))];
  return (
    <>
      <fieldset>
        <legend>Issue</legend>
        <div class="field-row">
          <Field name="number" label="Number" type="number" value={numStr(d.number)} min={0} max={1_000_000} inputmode="numeric" />
          <Select name="pdfMediaId" label="PDF" value={idStr(d.pdfMediaId)}
            options={[{ value: '', label: '— none —' }, ...p.vm.choices.pdfs.map((m) => ({ value: String(m.id), label: m.label }))]} />
        </div>
        <p class="hint">The issue date is set under Publishing. Upload the PDF under Media first.</p>
      </fieldset>
      <fieldset class="contents-rows">
        <legend>Inside this issue</legend>
        <p class="hint">Each entry has a title and, if you like, the article it leads to (published articles of this edition). Empty entries are dropped.</p>
        <ol class="rows" data-repeat-rows>
          {rows.map((row) => <ContentRowFields row={row} articles={articles} lang={p.lang} />)}
        </ol>
        <template data-row-template>
          <ContentRowFields row={{ key: '__KEY__', title: '', itemId: '' }} articles={articles} lang={p.lang} />
        </template>
        <button type="button" data-add-row hidden>Add an entry</button>
      </fieldset>
    </>
  );
}

/** A photo of the gallery: thumbnail, caption and credit (saved with the editor's form), remove, move. */
function PhotoRow(p: { index: string; mediaId: string; src: string; alt: string; label: string; caption: string; credit: string; lang: Lang; movable: boolean; lazy?: boolean }) {
  const k = p.index;
  return (
    <li id={`photo-${k}`} data-id={k} data-label={p.label} class="photo-row">
      <input type="hidden" name="photoRow" value={k} form="item-form" />
      <input type="hidden" name={`photos[${k}][mediaId]`} value={p.mediaId} form="item-form" data-photo-id />
      {p.src ? <img class="photo-thumb" src={p.src} alt={p.alt} loading={p.lazy ? 'lazy' : undefined} data-photo-img /> : <span class="photo-thumb missing" data-photo-img>{p.mediaId ? 'No such file' : ''}</span>}
      <div class="photo-fields">
        <TextArea id={`photo-${k}-caption`} name={`photos[${k}][caption]`} label="Caption" value={p.caption} rows={2} maxlength={2000} form="item-form" {...p.lang} />
        <Field id={`photo-${k}-credit`} name={`photos[${k}][credit]`} label="Credit" value={p.credit} maxlength={300} form="item-form" {...p.lang} />
        <label class="check"><input type="checkbox" name={`photos[${k}][remove]`} value="1" form="item-form" /> Remove from the gallery</label>
      </div>
      {p.movable ? (
        <div class="photo-move">
          <button type="submit" name="move" value={`up:${k}`} form="photo-move">Move up</button>
          <button type="submit" name="move" value={`down:${k}`} form="photo-move">Move down</button>
        </div>
      ) : null}
    </li>
  );
}

function GalleryPhotos(p: { vm: ItemEditorVM; csrf: string; lang: Lang }) {
  const { vm } = p;
  const media = new Map(vm.choices.photoMedia.map((m) => [m.id, m]));
  const inGallery = new Set(vm.values.photos.map((ph) => ph.mediaId));
  const addable = vm.choices.images.filter((m) => !inGallery.has(m.id));
  return (
    <section class="panel photos" id="photos" aria-labelledby="photos-heading">
      <h2 id="photos-heading">Photos</h2>
      {vm.id === null ? (
        <p class="hint">Save the gallery once to upload photos straight into it. You can pick photos already in the library now.</p>
      ) : (
        <form method="post" action={`/admin/items/${vm.id}/photos?_csrf=${encodeURIComponent(p.csrf)}`} enctype="multipart/form-data" data-media-upload data-gallery-upload class="photo-upload">
          <div class="drop-zone" data-drop-zone>
            <label for="photo-files">Drop photos here, or choose them</label>
            <input id="photo-files" type="file" name="file" multiple accept="image/jpeg,image/png,image/webp,image/avif,image/gif" />
            <p class="hint">Many at once. Each photo joins the end of the gallery as soon as it is uploaded.</p>
          </div>
          <ul data-upload-list aria-live="polite"></ul>
          <button type="submit">Upload</button>
        </form>
      )}
      {vm.values.photos.length ? null : <p class="empty" data-photos-empty>No photos yet.</p>}
      <ol class="photo-list" data-sortable data-order-name="photoRow" data-photo-list data-moved-label="{name}: photo {position} of {total}">
        {vm.values.photos.map((ph, i) => {
          const m = media.get(ph.mediaId);
          return <PhotoRow index={String(i)} mediaId={String(ph.mediaId)} src={m ? `/media/${m.path}` : ''} alt={m?.alt ?? ''} label={m?.label ?? `#${ph.mediaId}`}
            caption={ph.caption} credit={ph.credit} lang={p.lang} movable={vm.id !== null} lazy={i >= 12} />;
        })}
      </ol>
      <template data-photo-template>
        <PhotoRow index="__KEY__" mediaId="" src="" alt="" label="" caption="" credit="" lang={p.lang} movable={vm.id !== null} />
      </template>
      {vm.values.photos.length > 1 ? <p class="hint">Drag photos, or use Move up and Move down, to change their order; then save. Without JavaScript a move is saved at once.</p> : null}
      {addable.length ? (
        <Select name="addPhotoIds" id="f-addPhotoIds" label="Add photos from the library" multiple size={6} form="item-form" values={[]}
          options={addable.map((m) => ({ value: String(m.id), label: m.label }))} hint="Choose one or more (Ctrl or ⌘ + click); they join the end when you save." />
      ) : null}
      <div class="actions"><button type="submit" form="item-form" class="primary">Save</button></div>
      {vm.id !== null ? <form id="photo-move" method="post" action={`/admin/items/${vm.id}/photos/move`}><Csrf token={p.csrf} /></form> : null}
    </section>
  );
}

function PeriodicalIssues(p: { vm: ItemEditorVM }) {
  const { vm } = p;
  const e = vm.edition;
  return (
    <section class="panel" aria-labelledby="issues-heading">
      <h2 id="issues-heading">Issues</h2>
      {vm.id === null ? <p class="hint">Save the periodical first; then add its issues here.</p> : (
        <>
          <p><a class="button" href={`/admin/items/new?edition=${e.code}&type=issue&parent=${vm.id}`}>New issue</a></p>
          {vm.choices.issues.length ? (
            <TableWrap label="Table of issues">
              <table>
                <thead><tr><th scope="col">Number</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Date (UTC)</th></tr></thead>
                <tbody>
                  {vm.choices.issues.map((i) => (
                    <tr>
                      <td>{i.number === null ? '—' : String(i.number)}</td>
                      <td><a href={`/admin/items/${i.id}`} lang={e.locale} dir={e.dir}>{i.title}</a></td>
                      <td><span class={`status status-${i.status}`}>{STATUS_NAMES[i.status] ?? i.status}</span></td>
                      <td><time datetime={i.publishedAt}>{i.publishedAt.slice(0, 10)}</time></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : <p class="empty">No issues yet.</p>}
        </>
      )}
    </section>
  );
}

/** Fields a type does not show keep their stored values (a type's form never clears what it hides). */
function KeptValues(p: { vm: ItemEditorVM }) {
  const { vm } = p;
  const v = vm.values;
  const kept: { name: string; value: string }[] = [];
  if (!CATEGORIZED.has(vm.type)) {
    if (vm.type !== 'page' && v.categoryId !== null) kept.push({ name: 'categoryId', value: String(v.categoryId) });
    for (const t of v.tagIds) kept.push({ name: 'tagIds', value: String(t) });
  }
  if (!SOURCED.has(vm.type) && v.sourceLine) kept.push({ name: 'sourceLine', value: v.sourceLine });
  return <>{kept.map((k) => <input type="hidden" name={k.name} value={k.value} />)}</>;
}

function Placement(p: { vm: ItemEditorVM; lang: Lang }) {
  const { vm } = p;
  const v = vm.values;
  const e = vm.edition;
  const imageLabel = IMAGE_LABELS[vm.type] ?? 'Featured image';
  const needsImage = vm.type === 'cartoon' || vm.type === 'newspic';
  return (
    <fieldset>
      <legend>{vm.type === 'issue' ? 'Periodical and cover' : CATEGORIZED.has(vm.type) || vm.type === 'page' ? 'Placement' : 'Cover'}</legend>
      {vm.type === 'page' ? (
        <Select name="parentId" label="Parent page" value={v.parentId === null ? '' : String(v.parentId)} options={[{ value: '', label: '— none —' }, ...vm.choices.pages.map((pg) => ({ value: String(pg.id), label: pg.title }))]} />
      ) : null}
      {vm.type === 'issue' ? (
        vm.choices.periodicals.length ? (
          <Select name="parentId" label="Periodical" required value={v.parentId === null ? '' : String(v.parentId)} {...p.lang}
            options={[{ value: '', label: '— choose —' }, ...vm.choices.periodicals.map((pg) => ({ value: String(pg.id), label: pg.title }))]} />
        ) : (
          <p class="notice notice-error">This edition has no periodical yet. <a href={`/admin/items/new?edition=${e.code}&type=periodical`}>Create one</a> first.</p>
        )
      ) : null}
      {CATEGORIZED.has(vm.type) ? (
        <Select name="categoryId" label="Category" value={v.categoryId === null ? '' : String(v.categoryId)}
          options={[{ value: '', label: '— none —' }, ...vm.choices.categories.map((c) => ({ value: String(c.id), label: `${'— '.repeat(c.depth)}${c.label}` }))]} />
      ) : null}
      {CATEGORIZED.has(vm.type) && vm.choices.tags.length ? (
        <div class="field">
          <span class="label" id="tags-label">Tags</span>
          <div class="checks" role="group" aria-labelledby="tags-label">
            {vm.choices.tags.map((t) => (
              <label><input type="checkbox" name="tagIds" value={String(t.id)} checked={v.tagIds.includes(t.id)} /> <span {...p.lang}>{t.name}</span></label>
            ))}
          </div>
        </div>
      ) : null}
      <Select name="featuredMediaId" label={imageLabel} value={v.featuredMediaId === null ? '' : String(v.featuredMediaId)}
        options={[{ value: '', label: '— none —' }, ...vm.choices.images.map((m) => ({ value: String(m.id), label: m.label }))]}
        hint={needsImage ? 'Required to publish. Upload images under Media first.' : 'Upload images under Media first.'} />
      {v.featuredMediaId !== null ? (() => {
        const img = vm.choices.images.find((m) => m.id === v.featuredMediaId);
        return img ? <img class="thumb" src={`/media/${img.path}`} alt={img.label} /> : null;
      })() : null}
    </fieldset>
  );
}

/** The editor for every content type: writing on the left, publishing on the right, the type's own fields where they belong. */
export function ItemEditor(p: { vm: ItemEditorVM; csrf: string }) {
  const { vm } = p;
  const v = vm.values;
  const e = vm.edition;
  const lang = { dir: e.dir, lang: e.locale };
  const isText = vm.type === 'article' || vm.type === 'page';
  return (
    <>
      <form method="post" action={vm.action} class="editor" id="item-form">
        <Csrf token={p.csrf} />
        {vm.translationOf ? <input type="hidden" name="translationOf" value={String(vm.translationOf)} /> : null}
        <KeptValues vm={vm} />
        <div class="editor-layout">
          <div class="editor-main">
            <div class="title-field"><Field name="title" label="Title" value={v.title} required maxlength={500} {...lang} /></div>
            <Field name="slug" label="Slug" value={v.slug} maxlength={200} {...lang} hint="Part of the address. Leave empty to make it from the title; letters of any script, digits and hyphens." />
            <TextArea name="excerpt" label="Excerpt" value={v.excerpt} rows={3} maxlength={2000} {...lang} hint="A sentence or two for listings and search results." />
            {vm.type === 'cartoon' || vm.type === 'newspic' ? <CaptionFields vm={vm} lang={lang} /> : null}
            {vm.type === 'video' ? <VideoFields vm={vm} lang={lang} /> : null}
            {vm.type === 'book' ? <BookFields vm={vm} lang={lang} /> : null}
            {vm.type === 'issue' ? <IssueFields vm={vm} lang={lang} /> : null}
            <TextArea name="bodyHtml" id="f-body" label={isText ? 'Body' : 'Description'} value={v.bodyHtml} rows={isText ? 18 : 8} {...lang} data={{ 'data-rich-editor': '' }}
              hint={isText ? 'Headings, lists, quotes, links, images and references. Anything else is removed when you save.' : `What the ${typeName(vm.type)} is about, shown on its page. Headings, lists, quotes and links.`} />
            {SOURCED.has(vm.type) ? <Field name="sourceLine" label="Source line" value={v.sourceLine} maxlength={500} {...lang} hint="Shown under the article, e.g. the agency or original publication." /> : null}
            <fieldset>
              <legend>Search engines and sharing</legend>
              <Field name="seoTitle" label="SEO title" value={v.seoTitle} maxlength={300} {...lang} hint="Empty: the title." />
              <TextArea name="seoDescription" label="SEO description" value={v.seoDescription} rows={2} maxlength={500} {...lang} hint="Empty: the excerpt." />
            </fieldset>
          </div>
          <div class="editor-side">
            <fieldset>
              <legend>Publishing</legend>
              <p>{e.name} · {typeName(vm.type)}</p>
              <Select name="status" label="Status" value={v.status} options={vm.statuses.map((s) => ({ value: s, label: STATUS_NAMES[s] ?? s }))}
                hint="Published with a future date is scheduled." />
              <Field name="publishedAt" label={vm.type === 'issue' ? 'Issue date (UTC)' : 'Publish date (UTC)'} type="datetime-local" value={v.publishedAt ? v.publishedAt.slice(0, 16) : ''} hint="Empty: now." />
              {vm.canAssignAuthor ? (
                <Select name="authorId" label={vm.type === 'book' ? 'Entered by' : 'Author'} value={v.authorId === null ? '' : String(v.authorId)} options={[{ value: '', label: '— me —' }, ...vm.choices.people.map((u) => ({ value: String(u.id), label: u.name }))]} />
              ) : null}
              {vm.canPin ? (
                <label class="check"><input type="checkbox" name="pinned" value="1" checked={v.pinned} /> Pin to the top of the edition home</label>
              ) : null}
              <div class="actions">
                <button type="submit" class="primary">Save</button>
                {vm.id !== null ? <a class="button secondary" href={`/admin/items/${vm.id}/preview`} target="_blank">Preview</a> : null}
              </div>
              {vm.publicUrl ? <p><a href={vm.publicUrl}>View on the site</a></p> : null}
            </fieldset>
            <Placement vm={vm} lang={lang} />
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
      {vm.type === 'gallery' ? <GalleryPhotos vm={vm} csrf={p.csrf} lang={lang} /> : null}
      {vm.type === 'periodical' ? <PeriodicalIssues vm={vm} /> : null}
      {vm.id !== null
        ? vm.translations.filter((t) => !t.item && t.candidates.length).map((t) => (
            <form id={`link-form-${t.edition.code}`} method="post" action={`/admin/items/${vm.id}/translations`}><Csrf token={p.csrf} /></form>
          ))
        : null}
    </>
  );
}
