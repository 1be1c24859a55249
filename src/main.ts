import { loadConfig } from './config/config.js';
import { serve } from './cli/serve.js';

/** `npm start`: the server with the configuration from the environment. */
serve(loadConfig()).catch((err: unknown) => {
  console.error(`nashr could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
