/** A posted form as @fastify/formbody parses it: a field is a string, or an array when repeated. */
export type FormBody = Record<string, unknown>;

/** The form of a request (an empty one when there is none). */
export function formOf(body: unknown): FormBody {
  return body && typeof body === 'object' ? (body as FormBody) : {};
}

/** One text field ('' when missing; the first when repeated), cut at `max` characters. */
export function formText(f: FormBody, name: string, max = 10_000): string {
  const v = f[name];
  const s = typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
  return s.slice(0, max);
}

/** Every value of a repeated field (checkboxes, ordered hidden fields). */
export function formList(f: FormBody, name: string): string[] {
  const v = f[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
}

/** Whether a checkbox was ticked. */
export function formChecked(f: FormBody, name: string): boolean {
  return formText(f, name) !== '';
}
