import type { EditionDemo } from '../demo.types.js';
import { ar } from './ar/index.js';
import { en } from './en/index.js';
import { fa } from './fa/index.js';
import { sq } from './sq/index.js';

/** Demo content by edition code. */
export const demoEditions: Record<string, EditionDemo> = { en, ar, fa, sq };
