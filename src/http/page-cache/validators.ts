/**
 * Conditional requests: does the client already hold this representation? If-None-Match wins
 * over If-Modified-Since (RFC 9110 §13.2.2); the comparison for If-None-Match is weak, so a
 * page matches whatever content coding the client's copy had. A malformed header matches nothing.
 */
export function notModified(ifNoneMatch: string | undefined, ifModifiedSince: string | undefined, hash: string, lastModified: Date): boolean {
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() === '*') return true;
    for (const m of ifNoneMatch.matchAll(/(?:W\/)?"([\x21\x23-\x7e\x80-\xff]*)"/g)) {
      const opaque = m[1]!;
      if (opaque === hash || opaque.startsWith(`${hash}-`)) return true;
    }
    return false;
  }
  if (ifModifiedSince !== undefined) {
    const since = Date.parse(ifModifiedSince);
    return Number.isFinite(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

/** The strong ETag of a body in one content coding: codings are different representations. */
export function entityTag(hash: string, coding: string | null): string {
  return coding ? `"${hash}-${coding === 'gzip' ? 'gz' : coding}"` : `"${hash}"`;
}
