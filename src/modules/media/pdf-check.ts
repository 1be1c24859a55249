import { readFile } from 'node:fs/promises';
import { MediaError } from './media.errors.js';

/**
 * A PDF the site can offer readers: complete (its last `%%EOF` is there — an interrupted upload
 * loses it), not encrypted (readers could not open it without a password, and covers cannot be
 * made from it), and readable by a PDF parser.
 */
export async function checkPdf(file: string): Promise<void> {
  const bytes = await readFile(file);
  const tail = bytes.subarray(Math.max(0, bytes.length - 2048)).toString('latin1');
  if (!tail.includes('%%EOF')) throw new MediaError('media.corrupt', 'The PDF is incomplete (it does not end as a PDF does); upload it again.');
  const { PDFDocument } = await import('pdf-lib');
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    if (doc.getPageCount() === 0) throw new MediaError('media.corrupt', 'The PDF has no pages.');
  } catch (error) {
    if (error instanceof MediaError) throw error;
    // pdf-lib's errors are ES5 classes that `instanceof` cannot tell apart: its message says it.
    if (error instanceof Error && /is encrypted/.test(error.message)) throw new MediaError('media.encrypted', 'The PDF is password-protected or encrypted; upload a version readers can open.', { cause: error });
    throw new MediaError('media.corrupt', 'The PDF is damaged and cannot be read.', { cause: error });
  }
}
