/**
 * The `hreflang` links of a page that exists in several editions: one per version (in the order
 * given) and `x-default`, the version for readers whose language has none — the root edition's
 * when it has one, else the first edition in the configured order that does. Every version of a
 * page names the same x-default, as search engines expect. A page in one edition only gets none.
 *
 * `versions` maps edition codes to absolute URLs; `order` lists edition codes, root first.
 */
export function hreflangLinks(versions: ReadonlyMap<string, string>, order: readonly string[]): { hreflang: string; href: string }[] {
  if (versions.size < 2) return [];
  const links = [...versions].map(([hreflang, href]) => ({ hreflang, href }));
  const fallback = order.find((code) => versions.has(code));
  if (fallback) links.push({ hreflang: 'x-default', href: versions.get(fallback)! });
  return links;
}

/** Edition codes with the root edition (empty prefix) first, then the others as configured. */
export function hreflangOrder(editions: readonly { code: string; prefix: string }[]): string[] {
  return [...editions].sort((a, b) => Number(b.prefix === '') - Number(a.prefix === '')).map((e) => e.code);
}
