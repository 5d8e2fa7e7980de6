import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** proxy-addr's names for whole ranges, which Fastify's trustProxy accepts beside addresses. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

/**
 * `false`, or the proxies whose X-Forwarded-* headers are believed: addresses and CIDR ranges,
 * comma-separated. `true` (or a hop count) is refused: it would believe any client that sends
 * the headers itself whenever the port is reachable other than through the proxy.
 */
const trustedProxies = z.string().transform((value, context): false | string[] => {
  const flag = value.trim().toLowerCase();
  if (flag === 'false' || flag === '0' || flag === 'no') return false;
  if (flag === 'true' || flag === 'yes' || /^\d+$/.test(flag)) {
    context.addIssue({
      code: 'custom',
      message:
        "name the proxies' addresses instead of true (comma-separated addresses or CIDR ranges, e.g. 127.0.0.1 or 10.0.0.0/8): true would believe X-Forwarded-For and X-Forwarded-Proto from any client",
    });
    return z.NEVER;
  }
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const wrong = entries.filter((entry) => !isProxyAddress(entry));
  if (entries.length === 0 || wrong.length > 0) {
    context.addIssue({
      code: 'custom',
      message: `not an IP address or CIDR range: ${wrong.join(', ') || value} (use false, or e.g. 127.0.0.1,10.0.0.0/8)`,
    });
    return z.NEVER;
  }
  return entries;
});

/** Every setting the server reads from the environment, validated once at boot. */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** The role requests are served as (with DATABASE_OWNER_URL: one that owns nothing). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
    .optional(),
  /** The owner of the schema: migrations, seeds and grants at boot, then closed. */
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
    .optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  /** Unset: demo data on the embedded database's first start, never on a real one. */
  SEED_DEMO: booleanFlag.optional(),
  DEMO_PASSWORD: z.string().min(8).default('riga-demo-2027'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A signed-in session ends after this long without a request… */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  /** …and after this long in any case. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Failed sign-ins allowed per account in LOGIN_WINDOW_MINUTES; then 429 until the oldest leaves the window. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  /** Failed sign-ins from one address in the window before its attempts are slowed down (never refused). */
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  /** The longest a slowed-down address waits between two attempts (the wait doubles from 1 s up to it). */
  LOGIN_ADDRESS_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Behind a TLS-terminating proxy: the proxies whose X-Forwarded-* headers are believed (Secure cookies, HSTS, client IP). */
  TRUST_PROXY: trustedProxies.default(false),
  /** Extra origins allowed to make state-changing requests (comma-separated), besides the app's own. */
  PUBLIC_ORIGIN: z.string().optional(),
  /** Exports and imports one user may have under way at once, per app instance; the next is answered 429. */
  EXPENSIVE_REQUESTS_PER_USER: z.coerce.number().int().min(1).default(2),
  /** …and all users together, per app instance (each may take a few hundred MB at its peak). */
  EXPENSIVE_REQUESTS_TOTAL: z.coerce.number().int().min(1).default(6),
  CLIENT_DIST: z
    .string()
    .min(1)
    .default(fileURLToPath(new URL('../../client/dist', import.meta.url))),
});

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databaseOwnerUrl: string | undefined;
  dataDir: string;
  seedDemo: boolean;
  demoPassword: string;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  clientDist: string;
  security: SecurityConfig;
}

export interface SecurityConfig {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  /** The first wait between attempts from an address past its failures, doubled with each further one… */
  loginAddressDelayMs: number;
  /** …up to this. */
  loginAddressMaxDelayMs: number;
  loginWindowMinutes: number;
  /**
   * The proxies (addresses, CIDR ranges) whose X-Forwarded-* headers are believed, or false. The
   * environment cannot say `true`; code may (tests that inject from loopback).
   */
  trustProxy: boolean | string[];
  allowedOrigins: string[];
  /** Exports and imports under way at once, per user and in all (this instance's; kept in memory). */
  expensiveRequestsPerUser: number;
  expensiveRequestsTotal: number;
}

export const DEFAULT_SECURITY: SecurityConfig = {
  sessionIdleMinutes: 60,
  sessionMaxHours: 12,
  loginMaxFailuresPerAccount: 5,
  loginMaxFailuresPerAddress: 20,
  loginAddressDelayMs: 1000,
  loginAddressMaxDelayMs: 10_000,
  loginWindowMinutes: 15,
  trustProxy: false,
  allowedOrigins: [],
  expensiveRequestsPerUser: 2,
  expensiveRequestsTotal: 6,
};

export class ConfigError extends Error {}

/** Reads the environment; a wrong value stops the boot with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable means "not set", as operators expect from `FOO= npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_OWNER_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_URL: required beside DATABASE_OWNER_URL (the role that serves requests)',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL,
    dataDir: e.DATA_DIR,
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    demoPassword: e.DEMO_PASSWORD,
    logLevel: e.LOG_LEVEL,
    clientDist: e.CLIENT_DIST,
    security: {
      sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
      sessionMaxHours: e.SESSION_MAX_HOURS,
      loginMaxFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      loginMaxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
      loginAddressDelayMs: DEFAULT_SECURITY.loginAddressDelayMs,
      loginAddressMaxDelayMs: e.LOGIN_ADDRESS_MAX_DELAY_SECONDS * 1000,
      loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
      trustProxy: e.TRUST_PROXY,
      allowedOrigins: (e.PUBLIC_ORIGIN ?? '')
        .split(',')
        .map((origin) => origin.trim().replace(/\/$/, ''))
        .filter(Boolean),
      expensiveRequestsPerUser: e.EXPENSIVE_REQUESTS_PER_USER,
      expensiveRequestsTotal: e.EXPENSIVE_REQUESTS_TOTAL,
    },
  };
}
