import type { Edition } from './edition.js';

/** The configured editions, with lookups by code and URL prefix, built once at start-up. */
export class EditionRegistry {
  private readonly byCode = new Map<string, Edition>();

  constructor(readonly all: readonly Edition[]) {
    for (const e of all) this.byCode.set(e.code, e);
  }

  get(code: string): Edition | undefined {
    return this.byCode.get(code);
  }

  /** The edition at the root of the site (empty prefix). */
  get root(): Edition {
    return this.all.find((e) => e.prefix === '')!;
  }

  /** The edition whose prefix starts this path: "/fa/x/" → fa; anything else → the root edition. */
  fromPath(path: string): Edition {
    const first = '/' + (path.split('/')[1] ?? '');
    return this.all.find((e) => e.prefix !== '' && e.prefix === first) ?? this.root;
  }
}

const NOTHING_TO_ENCODE = /^[A-Za-z0-9\-._~/]*$/;

/** Percent-encodes each segment of a path so Persian or Arabic slugs travel safely on the wire. */
export function encodePath(path: string): string {
  if (NOTHING_TO_ENCODE.test(path)) return path;
  return path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}
