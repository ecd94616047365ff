/**
 * One validated schema over the environment. Each entry documents itself; `docs/configuration.md`
 * and the README table are printed from this list by `cozum config --markdown`.
 * An invalid value stops the process with a message naming the variable and what it expects.
 */
import path from 'node:path';
import { DEFAULT_TIME_ZONE, isTimeZone, TIME_ZONE_EXPECTED } from '@cozum/domain';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  databaseUrl: string | null;
  dataDir: string;
  pgliteSharedBuffersMb: number;
  port: number;
  host: string;
  publicUrl: string;
  /** Empty until the server's start-up resolves it (see resolveSessionSecret in main.ts); only serving needs it. */
  sessionSecret: string;
  sessionTtlHours: number;
  /** Null: not given, so the server picks by where its output goes (`http/log-output.ts`). */
  logLevel: LogLevel | null;
  bodyLimitBytes: number;
  demoAccounts: boolean;
  ctiToken: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  smsUrl: string | null;
  smsProvider: 'json' | 'netgsm';
  smsUser: string | null;
  smsPassword: string | null;
  smsSender: string;
  devOutbox: boolean;
  workers: boolean;
  retentionIntervalDays: number;
  corsOrigins: string[];
  trustProxy: string;
  mapTileUrl: string | null;
  mapTileAttribution: string;
  cityTimeZone: string;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, readonly expected: string, readonly got: string) {
    super(`${variable}=${JSON.stringify(got)} is invalid: expected ${expected}`);
    this.name = 'ConfigError';
  }
}

interface Setting<K extends keyof Config> {
  key: K;
  env: string;
  doc: string;
  default: string | null;
  expects: string;
  parse: (raw: string) => Config[K] | undefined;
}

const int = (min: number, max: number) => (raw: string) => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};
const bool = (raw: string) => (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase()) ? true : ['0', 'false', 'no', 'off'].includes(raw.toLowerCase()) ? false : undefined);
const url = (protocols: string[]) => (raw: string) => {
  try {
    const u = new URL(raw);
    return protocols.includes(u.protocol) ? raw : undefined;
  } catch {
    return undefined;
  }
};
const oneOf = <T extends string>(values: readonly T[]) => (raw: string) => (values as readonly string[]).includes(raw) ? (raw as T) : undefined;

const setting = <K extends keyof Config>(s: Setting<K>) => s;

export const SETTINGS = [
  setting({ key: 'databaseUrl', env: 'DATABASE_URL', default: null, expects: 'a postgres:// or postgresql:// URL', doc: 'PostgreSQL (15 or newer) connection. Unset: the embedded PGlite database in DATA_DIR.', parse: url(['postgres:', 'postgresql:']) }),
  setting({ key: 'dataDir', env: 'DATA_DIR', default: './data', expects: 'a folder path', doc: 'Folder for the embedded database (pglite/) and attachments (files/). Created when missing.', parse: (raw) => (raw.trim() ? path.resolve(raw) : undefined) }),
  setting({ key: 'pgliteSharedBuffersMb', env: 'PGLITE_SHARED_BUFFERS_MB', default: '64', expects: 'an integer from 16 to 4096', doc: "Megabytes of the embedded database's page cache (PostgreSQL's shared_buffers), held in the server's own memory; the operating system caches the files beyond it. Ignored with DATABASE_URL.", parse: int(16, 4096) }),
  setting({ key: 'port', env: 'PORT', default: '3153', expects: 'an integer from 0 to 65535', doc: 'HTTP port.', parse: int(0, 65535) }),
  setting({ key: 'host', env: 'HOST', default: '127.0.0.1', expects: 'a host name or IP address', doc: 'Address to listen on; 0.0.0.0 for all interfaces.', parse: (raw) => (/^[\w.:-]+$/.test(raw) ? raw : undefined) }),
  setting({ key: 'publicUrl', env: 'PUBLIC_URL', default: null, expects: 'an http:// or https:// URL', doc: 'Address citizens and staff use, for links in messages. Default: http://HOST:PORT.', parse: url(['http:', 'https:']) }),
  setting({ key: 'sessionSecret', env: 'SESSION_SECRET', default: null, expects: 'at least 32 characters', doc: 'Key for the HMAC under which session tokens are stored, so a copy of the database alone cannot be matched to cookies. Required by `cozum serve` with DATABASE_URL (other commands do not read it); with PGlite a random one is kept in DATA_DIR.', parse: (raw) => (raw.length >= 32 ? raw : undefined) }),
  setting({ key: 'sessionTtlHours', env: 'SESSION_TTL_HOURS', default: '12', expects: 'an integer from 1 to 720', doc: 'Hours a staff session lasts without activity.', parse: int(1, 720) }),
  setting({ key: 'logLevel', env: 'LOG_LEVEL', default: null, expects: 'one of fatal, error, warn, info, debug, trace, silent', doc: 'Log level of the server\'s JSON log lines (at info, one line per HTTP request). Unset: on a terminal only warnings and errors, one readable line each, so the address and demo accounts printed at start stay on screen; otherwise (systemd, containers, a pipe) JSON at info.', parse: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const) }),
  setting({ key: 'bodyLimitBytes', env: 'BODY_LIMIT_BYTES', default: '1048576', expects: 'an integer from 1024 to 104857600', doc: 'Largest JSON request body accepted (attachments have their own limit).', parse: int(1024, 100 * 1024 * 1024) }),
  setting({ key: 'demoAccounts', env: 'DEMO_ACCOUNTS', default: null, expects: 'true or false', doc: 'Create one demo account per role at start. Default: true on PGlite, false with DATABASE_URL.', parse: bool }),
  setting({ key: 'ctiToken', env: 'CTI_TOKEN', default: null, expects: 'at least 16 characters', doc: 'Bearer token the PBX sends to the CTI webhook (POST /api/v1/cti/events). Unset: the webhook is closed.', parse: (raw) => (raw.length >= 16 ? raw : undefined) }),
  setting({ key: 'smtpUrl', env: 'SMTP_URL', default: null, expects: 'an smtp:// or smtps:// URL', doc: 'Mail server for e-mail to citizens and staff, e.g. smtp://user:pass@mail.example.org:587. Unset: e-mail waits in the outbox for a process that has one, or goes to the development outbox (DEV_OUTBOX).', parse: url(['smtp:', 'smtps:']) }),
  setting({ key: 'mailFrom', env: 'MAIL_FROM', default: 'Çözüm Merkezi <cozum@localhost>', expects: 'an e-mail address, optionally with a name', doc: 'Sender of outgoing e-mail.', parse: (raw) => (raw.includes('@') ? raw : undefined) }),
  setting({ key: 'smsUrl', env: 'SMS_URL', default: null, expects: 'an http:// or https:// URL', doc: "SMS provider endpoint. Unset: SMS goes to the development outbox (DEV_OUTBOX), or else waits in the outbox for a process that has one, and this process's citizen portal says that codes by SMS are not available here (it refuses them with portal.sms_unavailable).", parse: url(['http:', 'https:']) }),
  setting({ key: 'smsProvider', env: 'SMS_PROVIDER', default: 'json', expects: 'json or netgsm', doc: "SMS adapter: 'json' posts {to, text, sender, reference}; 'netgsm' speaks Netgsm's XML API.", parse: oneOf(['json', 'netgsm'] as const) }),
  setting({ key: 'smsUser', env: 'SMS_USER', default: null, expects: 'a user name', doc: 'SMS provider user (Netgsm usercode; sent as HTTP basic auth by the json adapter).', parse: (raw) => raw }),
  setting({ key: 'smsPassword', env: 'SMS_PASSWORD', default: null, expects: 'a password', doc: 'SMS provider password.', parse: (raw) => raw }),
  setting({ key: 'smsSender', env: 'SMS_SENDER', default: 'COZUM', expects: '1 to 11 letters, digits or spaces', doc: 'SMS sender name (header).', parse: (raw) => (/^[A-Za-z0-9 ]{1,11}$/.test(raw) ? raw : undefined) }),
  setting({ key: 'devOutbox', env: 'DEV_OUTBOX', default: null, expects: 'true or false', doc: 'Development mode for messages: SMS without SMS_URL and e-mail without SMTP_URL are not sent but kept, marked sent, in the development outbox that administrators read at /admin/dev-outbox, and the citizen portal\'s one-time codes are printed in the server log (the phone number masked). Never on a server citizens use. Default: true on PGlite unless NODE_ENV=production, false with DATABASE_URL.', parse: bool }),
  setting({ key: 'workers', env: 'WORKERS', default: 'true', expects: 'true or false', doc: 'Run the background loops in this process: the outbox dispatcher, the deadline sweeper, retention, satisfaction-survey invitations and idempotency-key clean-up (any number of processes may; docs/architecture.md, Workers).', parse: bool }),
  setting({ key: 'retentionIntervalDays', env: 'RETENTION_INTERVAL_DAYS', default: '30', expects: 'an integer from 1 to 182', doc: 'Days between runs of the retention policy by the workers (KVKK: at least every 6 months, so at most 182).', parse: int(1, 182) }),
  setting({ key: 'trustProxy', env: 'TRUST_PROXY', default: 'loopback', expects: 'comma-separated addresses or CIDR ranges, or loopback, linklocal, uniquelocal', doc: 'Proxies whose X-Forwarded-For is believed, so rate limits and the audit log see the real client address. Others cannot pretend to be another address.', parse: (raw) => (/^[\w.:/, -]+$/.test(raw) ? raw : undefined) }),
  setting({ key: 'corsOrigins', env: 'CORS_ORIGINS', default: null, expects: 'comma-separated origins such as https://portal.example.org', doc: 'Other web origins allowed to call the API from a browser. Unset: none (Open311 GETs are open to any origin).', parse: (raw) => { const list = raw.split(',').map((o) => o.trim()).filter(Boolean); return list.every((o) => /^https?:\/\/[^/\s]+$/.test(o)) ? list : undefined; } }),
  setting({ key: 'mapTileUrl', env: 'MAP_TILE_URL', default: null, expects: 'an https:// URL template with {z}, {x} and {y} in its path', doc: "Map tiles drawn under the citizen portal's district map, e.g. https://tiles.example.org/{z}/{x}/{y}.png (mind the tile server's usage policy). Unset: the map shows the district boundaries only.", parse: (raw) => (/^https:\/\/[^/{}\s]+\/\S*\{z\}\S*\{x\}\S*\{y\}/.test(raw) ? raw : undefined) }),
  setting({ key: 'mapTileAttribution', env: 'MAP_TILE_ATTRIBUTION', default: '© OpenStreetMap contributors', expects: 'a line of text', doc: 'Attribution shown under the map tiles, as the tile server requires.', parse: (raw) => (raw.trim() ? raw.trim() : undefined) }),
  setting({ key: 'cityTimeZone', env: 'CITY_TIME_ZONE', default: DEFAULT_TIME_ZONE, expects: TIME_ZONE_EXPECTED, doc: "The city's time zone: report days and months, KPI periods, deadlines in office hours, dates in messages and on screen. Daylight saving time is followed. Changing it re-counts the monthly report tables at the next start.", parse: (raw) => (isTimeZone(raw) ? raw : undefined) }),
] as const;

/** Reads and validates the whole environment; throws ConfigError on the first bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const out: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    const raw = env[s.env];
    const value = raw === undefined || raw === '' ? s.default : raw;
    if (value === null) {
      out[s.key] = null;
      continue;
    }
    const parsed = (s.parse as (raw: string) => unknown)(value);
    if (parsed === undefined) throw new ConfigError(s.env, s.expects, value);
    out[s.key] = parsed;
  }
  const config = out as unknown as Config;
  config.publicUrl ??= `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  config.demoAccounts ??= !config.databaseUrl;
  config.devOutbox ??= !config.databaseUrl && env.NODE_ENV !== 'production';
  config.sessionSecret ??= '';
  config.corsOrigins ??= [];
  return config;
}

/** Where the development outbox is read (DEV_OUTBOX), in the web app. */
export const DEV_OUTBOX_PAGE = '/admin/dev-outbox';

/**
 * How SMS leave this process: through the provider (SMS_URL), into the development outbox
 * (DEV_OUTBOX, portal codes also in the log), or not at all: then the portal offers no codes.
 */
export type SmsDelivery = 'provider' | 'development' | 'unavailable';
export const smsDelivery = (config: Pick<Config, 'smsUrl' | 'devOutbox'>): SmsDelivery => (config.smsUrl ? 'provider' : config.devOutbox ? 'development' : 'unavailable');

/** How e-mail leaves this process: over SMTP, into the development outbox, or it waits in the outbox for a process with SMTP. */
export type EmailDelivery = 'smtp' | 'development' | 'waiting';
export const emailDelivery = (config: Pick<Config, 'smtpUrl' | 'devOutbox'>): EmailDelivery => (config.smtpUrl ? 'smtp' : config.devOutbox ? 'development' : 'waiting');

export function configMarkdown(): string {
  const rows = SETTINGS.map((s) => `| \`${s.env}\` | ${s.default === null ? '—' : `\`${s.default}\``} | ${s.doc} |`);
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}
