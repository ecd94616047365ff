import type { Config } from '../config.js';
import type { Database } from '../db/client.js';

/** What the HTTP layer needs, passed in explicitly (tests build their own). */
export interface Deps {
  config: Config;
  database: Database;
  now: () => Date;
  /** Folder of the built web app; null when it is not served (API-only tests). */
  webDist: string | null;
  /** Where the JSON log lines go; standard output when absent (tests read them). */
  logStream?: { write(line: string): void };
}
