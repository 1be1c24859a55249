import type { Child } from '#jsx/jsx-runtime';

/** The hidden CSRF field every newsroom form carries. */
export function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

interface FieldProps {
  name: string;
  label: string;
  value?: string | null;
  type?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  dir?: string;
  lang?: string;
  autocomplete?: string;
  maxlength?: number;
  id?: string;
  inputmode?: string;
  /** the id of the form the control belongs to, when it stands outside it */
  form?: string;
  min?: number;
  max?: number;
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function Field(p: FieldProps) {
  const id = p.id ?? `f-${p.name}`;
  const described = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={p.error ? 'field field-error' : 'field'}>
      <label for={id}>{p.label}</label>
      <input id={id} name={p.name} type={p.type ?? 'text'} value={p.value ?? undefined} required={p.required} dir={p.dir} lang={p.lang}
        autocomplete={p.autocomplete} maxlength={p.maxlength} inputmode={p.inputmode} form={p.form} min={p.min} max={p.max} aria-describedby={described} aria-invalid={p.error ? 'true' : undefined} />
      {p.hint ? <p class="hint" id={`${id}-hint`}>{p.hint}</p> : null}
      {p.error ? <p class="error" id={`${id}-error`}>{p.error}</p> : null}
    </div>
  );
}

export function TextArea(p: FieldProps & { rows?: number; children?: Child; data?: Record<string, string> }) {
  const id = p.id ?? `f-${p.name}`;
  return (
    <div class={p.error ? 'field field-error' : 'field'}>
      <label for={id}>{p.label}</label>
      <textarea id={id} name={p.name} rows={p.rows ?? 3} dir={p.dir} lang={p.lang} maxlength={p.maxlength} required={p.required} form={p.form}
        aria-describedby={p.hint ? `${id}-hint` : undefined} aria-invalid={p.error ? 'true' : undefined} {...(p.data ?? {})}>{p.value ?? ''}</textarea>
      {p.hint ? <p class="hint" id={`${id}-hint`}>{p.hint}</p> : null}
      {p.error ? <p class="error" id={`${id}-error`}>{p.error}</p> : null}
    </div>
  );
}

export function Select(p: {
  name: string; label: string; value?: string | null; options: { value: string; label: string }[]; id?: string; hint?: string; multiple?: boolean; values?: string[];
  required?: boolean; form?: string; dir?: string; lang?: string; size?: number;
}) {
  const id = p.id ?? `f-${p.name}`;
  const chosen = new Set(p.values ?? (p.value !== undefined && p.value !== null ? [p.value] : []));
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <select id={id} name={p.name} multiple={p.multiple} required={p.required} form={p.form} dir={p.dir} lang={p.lang} size={p.size} aria-describedby={p.hint ? `${id}-hint` : undefined}>
        {p.options.map((o) => <option value={o.value} selected={chosen.has(o.value)}>{o.label}</option>)}
      </select>
      {p.hint ? <p class="hint" id={`${id}-hint`}>{p.hint}</p> : null}
    </div>
  );
}

/** Older/newer links for a newsroom list, keeping its filters. */
export function ListPager(p: { page: number; hasMore: boolean; href: (page: number) => string }) {
  if (p.page <= 1 && !p.hasMore) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {p.page > 1 ? <a href={p.href(p.page - 1)} rel="prev">← Previous</a> : <span></span>}
      <span>Page {p.page}</span>
      {p.hasMore ? <a href={p.href(p.page + 1)} rel="next">Next →</a> : <span></span>}
    </nav>
  );
}

/** A table that may scroll sideways on a phone: a named region the keyboard can reach and scroll. */
export function TableWrap(p: { label: string; class?: string; children?: Child }) {
  return <div class={p.class ? `table-wrap ${p.class}` : 'table-wrap'} role="region" aria-label={p.label} tabindex="0">{p.children}</div>;
}
