import { loadConfig } from '../config/config.js';
import { migrate } from './migrate.js';
import { seed } from './seed.js';
import { serve } from './serve.js';
import { user, USER_USAGE } from './user.js';
import { reindex } from './reindex.js';
import { backup } from './backup.js';
import { importCommand, IMPORT_USAGE } from './import.js';
import { CliUsageError } from './cli-errors.js';

const USAGE = `usage: nashr <command>

commands:
  serve     start the web server (migrates, and adds the demo content to an empty database)
  migrate   bring the database schema up to date
  seed      add the demo content to an empty database
  reindex   rebuild the search index of every edition (progress on stderr)
  backup    copy the SQLite database, while the site runs: nashr backup FILE
  import    move a WordPress site over: ${IMPORT_USAGE}
  user      newsroom accounts: ${USER_USAGE.replaceAll('\n', '\n            ')}

configuration comes from the environment: PORT, HOST, NASHR_DATA_DIR, NASHR_DATABASE_URL, NASHR_BASE_URL, NODE_ENV`;

const commands: Record<string, (config: ReturnType<typeof loadConfig>, args: string[]) => Promise<void>> = { serve, migrate, seed, user, reindex, backup, import: importCommand };

async function run(argv: string[]): Promise<number> {
  const [name] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`nashr: unknown command '${name}'\n\n${USAGE}`);
    return 2;
  }
  await command(loadConfig(), argv.slice(1));
  return 0;
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`nashr: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = err instanceof CliUsageError ? 2 : 1;
  },
);
