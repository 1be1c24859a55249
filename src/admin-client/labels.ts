/**
 * UI strings of the newsroom scripts. English defaults; the server passes its translations as a
 * JSON object in a `data-labels` attribute on the enhanced element (keys as below, any subset).
 */
export function readLabels<T extends Record<string, string>>(el: Element, defaults: T): T {
  const raw = el.getAttribute('data-labels');
  if (!raw) return defaults;
  try {
    const given: unknown = JSON.parse(raw);
    if (!given || typeof given !== 'object') return defaults;
    const out = { ...defaults };
    for (const key of Object.keys(defaults) as (keyof T)[]) {
      const value = (given as Record<string, unknown>)[key as string];
      if (typeof value === 'string') out[key] = value as T[keyof T];
    }
    return out;
  } catch {
    return defaults;
  }
}

/** Fills `{name}` placeholders. */
export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The CSRF token the server put in `<meta name="csrf-token" content="…">`. */
export function csrfToken(): string {
  return document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
}
