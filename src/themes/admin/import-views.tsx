import type { Edition } from '../../modules/editions/index.js';
import type { ImportProgress, ImportReport } from '../../modules/import/index.js';
import { Field, Select, TableWrap } from './form-fields.js';

/** What the newsroom asked for. */
export interface ImportRequest {
  /** the uploaded file's own name, for people only */
  fileName: string;
  edition?: string;
  dryRun: boolean;
  uploadsDir?: string;
}

/** How an import ended: its report, or why it could not finish. */
export interface ImportOutcome {
  request: ImportRequest;
  startedAt: string;
  finishedAt: string;
  report?: ImportReport;
  error?: string;
}

const when = (iso: string) => `${iso.slice(0, 19).replace('T', ' ')} UTC`;

const PHASES: Record<string, string> = {
  starting: 'Starting',
  reading: 'Reading the export file',
  attachments: 'Copying attachments into the media library',
  items: 'Importing posts, pages and comments',
  done: 'Finishing',
};

/** The name of the step an import is at. */
export function phaseText(p: ImportProgress): string {
  return PHASES[p.phase] ?? p.phase;
}

/** How far into the step: "120 of 500", or '' when the step has no count. */
export function countText(p: ImportProgress): string {
  return p.total ? `${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')}` : '';
}

export interface ImportFormVM {
  edition: string;
  uploadsDir: string;
  dryRun: boolean;
  errors: Partial<Record<'file' | 'edition' | 'uploadsDir', string>>;
}

function Options(p: { request: ImportRequest; editions: readonly Edition[] }) {
  const r = p.request;
  const edition = r.edition ? (p.editions.find((e) => e.code === r.edition)?.name ?? r.edition) : 'from the file (Polylang/WPML), else the first edition';
  return (
    <dl class="import-options">
      <dt>File</dt><dd dir="auto">{r.fileName || '(no name)'}</dd>
      <dt>Edition</dt><dd>{edition}</dd>
      <dt>Uploads folder</dt><dd dir="ltr">{r.uploadsDir || 'none (attachments are reported as missing)'}</dd>
      <dt>Dry run</dt><dd>{r.dryRun ? 'yes: nothing was written' : 'no'}</dd>
    </dl>
  );
}

/** The upload form, with what the last import did. */
export function ImportFormView(p: { csrf: string; editions: readonly Edition[]; values: ImportFormVM; last: ImportOutcome | null; maxBytesText: string }) {
  const v = p.values;
  return (
    <>
      <p>Bring a WordPress site over: its posts, pages, categories, tags, authors, comments and attachments, with a redirect from every old address. Importing the same file again changes nothing; items changed in WordPress since are updated.</p>
      <form method="post" action={`/admin/import?_csrf=${encodeURIComponent(p.csrf)}`} enctype="multipart/form-data" class="narrow import-form">
        <div class={v.errors.file ? 'field field-error' : 'field'}>
          <label for="f-file">WordPress export file (WXR)</label>
          <input id="f-file" name="file" type="file" accept=".xml,text/xml,application/xml" required aria-describedby={v.errors.file ? 'f-file-hint f-file-error' : 'f-file-hint'} aria-invalid={v.errors.file ? 'true' : undefined} />
          <p class="hint" id="f-file-hint">In WordPress: Tools → Export → All content. Up to {p.maxBytesText}.</p>
          {v.errors.file ? <p class="error" id="f-file-error">{v.errors.file}</p> : null}
        </div>
        <Select name="edition" label="Edition" value={v.edition} hint="Where the items go. Automatic follows Polylang or WPML languages in the file; one site per language: choose its edition."
          options={[{ value: '', label: 'Automatic (from the file)' }, ...p.editions.map((e) => ({ value: e.code, label: `${e.name} (${e.code})` }))]} />
        {v.errors.edition ? <p class="error">{v.errors.edition}</p> : null}
        <Field name="uploadsDir" label="Uploads folder on the server (optional)" value={v.uploadsDir} maxlength={1000} dir="ltr" error={v.errors.uploadsDir}
          hint="The full path of a copy of the site's wp-content/uploads on this server, like /srv/wordpress/wp-content/uploads. Without it, attachments are listed as missing in the report." />
        <div class="checks">
          <label><input type="checkbox" name="dryRun" value="1" checked={v.dryRun} /> Dry run: read the file and report what would happen, write nothing</label>
        </div>
        <button type="submit" class="primary">Start import</button>
      </form>
      {p.last ? <LastImport last={p.last} /> : null}
    </>
  );
}

function LastImport(p: { last: ImportOutcome }) {
  const l = p.last;
  return (
    <section aria-labelledby="last-import">
      <h2 id="last-import">Last import</h2>
      <p>
        <span dir="auto">{l.request.fileName || '(no name)'}</span>, {l.request.dryRun ? 'dry run, ' : ''}finished <time datetime={l.finishedAt}>{when(l.finishedAt)}</time>:{' '}
        {l.error ? <strong>it failed.</strong> : `${l.report!.warnings.length} warning(s).`} <a href="/admin/import/report">Read the report</a>
      </p>
    </section>
  );
}

/** The running import: a bar the script moves every second (and the page reloads itself without scripts). */
export function ImportProgressView(p: { request: ImportRequest; startedAt: string; progress: ImportProgress; editions: readonly Edition[] }) {
  const { progress } = p;
  const value = progress.total ? Math.min(progress.done, progress.total) : undefined;
  return (
    <section class="import-progress" data-import-progress="/admin/import/status" aria-labelledby="import-now">
      <h2 id="import-now">Importing since <time datetime={p.startedAt}>{when(p.startedAt)}</time></h2>
      <p><strong id="import-phase" role="status">{phaseText(progress)}</strong> <span id="import-count">{countText(progress)}</span></p>
      <progress id="import-bar" max={progress.total ? String(progress.total) : undefined} value={value !== undefined ? String(value) : undefined} aria-labelledby="import-phase"></progress>
      <p class="hint">You can leave this page: the import goes on, and its report will be here.</p>
      <noscript><p class="hint">This page reloads itself every 2 seconds.</p></noscript>
      <Options request={p.request} editions={p.editions} />
    </section>
  );
}

const KIND_LABELS: Record<string, string> = {
  article: 'Articles (posts)',
  page: 'Pages',
  category: 'Categories',
  tag: 'Tags',
  author: 'Authors',
  comment: 'Comments',
  attachment: 'Attachments',
  redirect: 'Redirects',
};

/** What the last import did: counts per kind, every warning with its item, unknown shortcodes. */
export function ImportReportView(p: { outcome: ImportOutcome; editions: readonly Edition[] }) {
  const o = p.outcome;
  const r = o.report;
  const order = Object.keys(KIND_LABELS);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const kinds = r ? Object.entries(r.counts).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)) : [];
  const shortcodes = r ? Object.entries(r.unknownShortcodes).sort((a, b) => b[1] - a[1]) : [];
  return (
    <>
      <p>
        Started <time datetime={o.startedAt}>{when(o.startedAt)}</time>, finished <time datetime={o.finishedAt}>{when(o.finishedAt)}</time>.{' '}
        {r?.dryRun ? <strong>Dry run: nothing was written.</strong> : null}
      </p>
      <Options request={o.request} editions={p.editions} />
      {o.error ? <p class="notice notice-error" role="alert">The import did not run to its end: {o.error}</p> : null}
      {r ? (
        <>
          <h2 id="import-report-counts">Counts</h2>
          <TableWrap label="Counts per kind">
            <table class="import-counts">
              <thead>
                <tr><th scope="col">Kind</th><th scope="col">Found</th><th scope="col">Imported</th><th scope="col">Updated</th><th scope="col">Skipped</th></tr>
              </thead>
              <tbody>
                {kinds.map(([kind, c]) => (
                  <tr>
                    <th scope="row">{KIND_LABELS[kind] ?? kind}</th>
                    <td>{String(c.found)}</td><td>{String(c.imported)}</td><td>{String(c.updated)}</td><td>{String(c.skipped)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <h2>Warnings ({String(r.warnings.length)})</h2>
          {r.warnings.length === 0 ? <p class="empty">No warnings.</p> : (
            <TableWrap label="Warnings">
              <table class="import-warnings">
                <thead>
                  <tr><th scope="col">Kind</th><th scope="col">WordPress id</th><th scope="col">Item</th><th scope="col">What happened</th></tr>
                </thead>
                <tbody>
                  {r.warnings.map((w) => (
                    <tr>
                      <td>{KIND_LABELS[w.kind] ?? w.kind}</td>
                      <td>{w.wpId !== undefined ? String(w.wpId) : '—'}</td>
                      <td dir="auto">{w.title ?? '—'}</td>
                      <td dir="auto">{w.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <h2>Unknown shortcodes</h2>
          {shortcodes.length === 0 ? <p class="empty">None: every shortcode was converted.</p> : (
            <>
              <p class="hint">These were kept as plain text in the bodies. Edit the items that use them, or ask for them to be supported.</p>
              <ul class="import-shortcodes">
                {shortcodes.map(([name, n]) => <li><code>[{name}]</code> — {String(n)} time(s)</li>)}
              </ul>
            </>
          )}
        </>
      ) : null}
      <p><a class="button" href="/admin/import">Import another file</a> <a href="/admin/redirects">Redirects</a></p>
    </>
  );
}
