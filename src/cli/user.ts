import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Config } from '../config/config.js';
import { migrateToLatest } from '../storage/migrations/index.js';
import { AccountError, createUser, isRole, listUsers, ROLES } from '../modules/accounts/index.js';
import { openDatabase } from '../storage/database.js';
import { CliUsageError } from './cli-errors.js';

export const USER_USAGE = `nashr user create --email EMAIL --name "NAME" --role ${ROLES.join('|')} [--editions fa,ar] [--password-stdin]
nashr user list`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** `nashr user create|list`: newsroom accounts from the command line (the first administrator, or a lost one). */
export async function user(config: Config, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'create' && sub !== 'list') throw new CliUsageError(`usage:\n  ${USER_USAGE.replace('\n', '\n  ')}`);
  let options: { email?: string; name?: string; role?: string; editions?: string; 'password-stdin'?: boolean } = {};
  if (sub === 'create') {
    try {
      options = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, editions: { type: 'string' }, 'password-stdin': { type: 'boolean' } } }).values;
    } catch (err) {
      throw new CliUsageError(`${(err as Error).message}\nusage: ${USER_USAGE}`);
    }
    if (!options.email || !options.role) throw new CliUsageError(`--email and --role are required\nusage: ${USER_USAGE}`);
    if (!isRole(options.role)) throw new CliUsageError(`--role must be one of ${ROLES.join(', ')}`);
    const known = config.editions.map((e) => e.code);
    const unknown = (options.editions ?? '').split(',').filter((e) => e && !known.includes(e));
    if (unknown.length) throw new CliUsageError(`unknown edition(s): ${unknown.join(', ')} (this site has ${known.join(', ')})`);
  }
  const storage = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(storage.db);
    if (sub === 'list') {
      for (const u of await listUsers(storage.db)) {
        if (u.role !== 'none') console.log(`${u.id}\t${u.email ?? ''}\t${u.role}\t${u.editions?.join(',') ?? 'all editions'}${u.disabled ? '\tdisabled' : ''}`);
      }
      return;
    }
    const generated = !options['password-stdin'];
    const password = generated ? randomBytes(12).toString('base64url') : await readStdin();
    const editions = options.editions ? options.editions.split(',').filter(Boolean) : null;
    try {
      await createUser(storage.db, { email: options.email!, displayName: options.name ?? options.email!.split('@')[0]!, role: options.role as (typeof ROLES)[number], editions, password });
    } catch (err) {
      if (err instanceof AccountError) throw new CliUsageError(err.message);
      throw err;
    }
    console.log(`created ${options.role} ${options.email}${editions ? ` for ${editions.join(', ')}` : ''}`);
    if (generated) console.log(`password (shown only this once): ${password}`);
  } finally {
    await storage.close();
  }
}
