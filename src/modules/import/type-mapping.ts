import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ImportError } from './import.errors.js';

/** The nashr types a WordPress post type can become (issues need a periodical, so they are not offered). */
export const MAPPABLE_TYPES = ['article', 'page', 'cartoon', 'newspic', 'gallery', 'video', 'book'] as const;
export type MappedType = (typeof MAPPABLE_TYPES)[number];

/** WordPress post type → nashr type, or 'skip'. Posts and pages are mapped unless the file says otherwise. */
export type TypeMapping = ReadonlyMap<string, MappedType | 'skip'>;

const target = z.enum([...MAPPABLE_TYPES, 'skip']);
const mappingSchema = z.union([z.object({ types: z.record(z.string().min(1).max(100), target) }).strict(), z.record(z.string().min(1).max(100), target)]);

export const DEFAULT_MAPPING: TypeMapping = new Map([
  ['post', 'article'],
  ['page', 'page'],
]);

/**
 * Reads a mapping file: `{ "types": { "book": "book", "portfolio": "gallery", "product": "skip" } }`
 * (or the same object without `types`). Unlisted post types other than post and page are not imported.
 */
export async function readTypeMapping(path: string | undefined): Promise<TypeMapping> {
  if (!path) return DEFAULT_MAPPING;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new ImportError(`the mapping file ${path} cannot be read as JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = mappingSchema.safeParse(json);
  if (!parsed.success) {
    throw new ImportError(`the mapping file ${path} should be {"types": {"<WordPress post type>": "<${[...MAPPABLE_TYPES, 'skip'].join('|')}>"}}`);
  }
  const types = 'types' in parsed.data && typeof parsed.data.types === 'object' ? (parsed.data.types as Record<string, MappedType | 'skip'>) : (parsed.data as Record<string, MappedType | 'skip'>);
  return new Map([...DEFAULT_MAPPING, ...Object.entries(types)]);
}
