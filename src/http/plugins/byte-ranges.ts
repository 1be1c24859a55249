/**
 * Whether a Range header asks for something this server will not serve, so the answer is 416
 * (RFC 9110 §14.2 lets a server refuse invalid ranges, and many ranges, that way): anything but
 * one well-formed `bytes=` range, a start past the end, an end before the start, an empty suffix.
 * A satisfiable single range is left to the file sender, which answers 206.
 */
export function unsatisfiableRange(header: string, size: number): boolean {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return true;
  const [, start = '', end = ''] = m;
  if (start === '' && end === '') return true;
  if (start === '') return Number(end) === 0 || size === 0;
  const first = Number(start);
  if (first >= size) return true;
  return end !== '' && Number(end) < first;
}

/** The header a 416 answer carries: the size of what could have been asked for. */
export function unsatisfiedContentRange(size: number): string {
  return `bytes */${size}`;
}
