import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { WxrItem } from './wxr.types.js';

/**
 * The items of an export as JSON lines in a temporary file, written while the export is checked:
 * the import then reads them back (JSON parses several times faster than XML) instead of
 * parsing the XML a second time, one line at a time, so memory stays bounded.
 */
export class ItemSpool {
  private readonly out: WriteStream;
  count = 0;

  constructor(readonly path: string) {
    this.out = createWriteStream(path, { mode: 0o600 });
  }

  async write(item: WxrItem): Promise<void> {
    this.count++;
    if (!this.out.write(`${JSON.stringify({ ...item, meta: [...item.meta] })}\n`)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }

  async *read(): AsyncGenerator<WxrItem> {
    const lines = createInterface({ input: createReadStream(this.path, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      const raw = JSON.parse(line) as Omit<WxrItem, 'meta'> & { meta: [string, string][] };
      yield { ...raw, meta: new Map(raw.meta) };
    }
  }

  async dispose(): Promise<void> {
    if (!this.out.closed) this.out.destroy();
    await rm(this.path, { force: true });
  }
}
