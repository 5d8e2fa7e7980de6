import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Every setting the server reads from the environment, validated once at boot. */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
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
  /** Failed sign-ins allowed in LOGIN_WINDOW_MINUTES, per account and per address. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Behind a TLS-terminating proxy: trust its X-Forwarded-* headers (Secure cookies, client IP). */
  TRUST_PROXY: booleanFlag.default(false),
  /** Extra origins allowed to make state-changing requests (comma-separated), besides the app's own. */
  PUBLIC_ORIGIN: z.string().optional(),
  CLIENT_DIST: z
    .string()
    .min(1)
    .default(fileURLToPath(new URL('../../client/dist', import.meta.url))),
});

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
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
  loginWindowMinutes: number;
  trustProxy: boolean;
  allowedOrigins: string[];
}

export const DEFAULT_SECURITY: SecurityConfig = {
  sessionIdleMinutes: 60,
  sessionMaxHours: 12,
  loginMaxFailuresPerAccount: 5,
  loginMaxFailuresPerAddress: 20,
  loginWindowMinutes: 15,
  trustProxy: false,
  allowedOrigins: [],
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
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
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
      loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
      trustProxy: e.TRUST_PROXY,
      allowedOrigins: (e.PUBLIC_ORIGIN ?? '')
        .split(',')
        .map((origin) => origin.trim().replace(/\/$/, ''))
        .filter(Boolean),
    },
  };
}
