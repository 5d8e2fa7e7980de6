import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '@ikt/server/config';

const root = new URL('../../', import.meta.url);
interface ComposeService {
  image?: string;
  build?: string;
  depends_on?: unknown;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  command?: string[];
  healthcheck?: { test: string[] };
}
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8')) as {
  services: { db: ComposeService; 'db-roles': ComposeService; app: ComposeService };
  volumes: Record<string, unknown>;
};

/** `${NAME:?message}` and `${NAME:-default}` as compose would fill them in. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(
    /\$\{(\w+)(?::[?-]([^}]*))?\}/g,
    (_m, name: string, fallback?: string) => env[name] ?? fallback ?? '',
  );
}

describe('docker-compose.yml', () => {
  const { db, app } = compose.services;
  const roles = compose.services['db-roles'];
  const secrets = { POSTGRES_PASSWORD: 'secret', APP_DB_PASSWORD: 'app-secret' };

  it('runs PostgreSQL 16 with a health check and a persistent volume', () => {
    expect(db.image).toMatch(/^postgres:16(\.|-|$)/);
    expect(db.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(db.volumes?.[0]).toMatch(/^pgdata:\/var\/lib\/postgresql\/data$/);
    expect(compose.volumes).toHaveProperty('pgdata');
  });

  it('starts the app only once the database is healthy, built from the Dockerfile', () => {
    expect(app.depends_on).toEqual({
      db: { condition: 'service_healthy' },
      'db-roles': { condition: 'service_completed_successfully' },
    });
    expect(app.build).toBe('.');
    expect(existsSync(new URL('Dockerfile', root))).toBe(true);
    expect(readFileSync(new URL('Dockerfile', root), 'utf8')).toMatch(/CMD \["node", "server\/dist\/main\.js"\]/);
    expect(app.healthcheck?.test.join(' ')).toContain('/api/health');
  });

  it('gives the app a configuration its own validation accepts, pointing at the db service', () => {
    const env = Object.fromEntries(
      Object.entries(app.environment ?? {}).map(([key, value]) => [key, interpolate(String(value), secrets)]),
    );
    const config = loadConfig(env);
    expect(config.databaseOwnerUrl).toBe('postgres://ikt:secret@db:5432/ikt');
    expect(config.databaseUrl).toBe('postgres://ikt_app:app-secret@db:5432/ikt');
    expect(config.host).toBe('0.0.0.0');
    expect(config.seedDemo).toBe(false);
    expect(app.ports).toContain(`${config.port}:${config.port}`);
  });

  it('migrates as the owner (POSTGRES_USER) and serves requests as ikt_app, a role of its own with its own password', () => {
    const owner = new URL(interpolate(app.environment!.DATABASE_OWNER_URL!, secrets));
    const serving = new URL(interpolate(app.environment!.DATABASE_URL!, secrets));
    expect(owner.username).toBe(db.environment!.POSTGRES_USER);
    expect(owner.password).toBe('secret');
    expect(serving.username).toBe(roles.environment!.APP_DB_USER);
    expect(serving.username).not.toBe(owner.username);
    expect(serving.password).toBe('app-secret');
    // Neither password has a default: compose stops when one is missing.
    expect(app.environment!.DATABASE_URL).toContain('${APP_DB_PASSWORD:?');
    expect(app.environment!.DATABASE_OWNER_URL).toContain('${POSTGRES_PASSWORD:?');
  });

  it('makes the serving role with a one-shot service, as the owner, once the database is healthy', () => {
    expect(roles.image).toBe(db.image);
    expect(roles.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(roles.environment).toMatchObject({
      PGHOST: 'db',
      PGUSER: db.environment!.POSTGRES_USER,
      PGDATABASE: db.environment!.POSTGRES_DB,
      PGPASSWORD: '${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}',
      APP_DB_USER: 'ikt_app',
      APP_DB_PASSWORD: '${APP_DB_PASSWORD:?set APP_DB_PASSWORD}',
    });
    const [mount] = roles.volumes ?? [];
    const [source, target] = mount!.split(':');
    expect(roles.command).toEqual(['psql', '-X', '-q', '-f', target]);
    // The script test/integration/database-roles.test.ts runs to make its serving role.
    const script = readFileSync(new URL(source!, root), 'utf8');
    expect(script).toMatch(/ON_ERROR_STOP on/);
    expect(script).toMatch(/ALTER ROLE :"app_user" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE/);
  });
});
