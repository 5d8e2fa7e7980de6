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
  healthcheck: { test: string[] };
}
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8')) as {
  services: { db: ComposeService; app: ComposeService };
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

  it('runs PostgreSQL 16 with a health check and a persistent volume', () => {
    expect(db.image).toMatch(/^postgres:16(\.|-|$)/);
    expect(db.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(db.volumes?.[0]).toMatch(/^pgdata:\/var\/lib\/postgresql\/data$/);
    expect(compose.volumes).toHaveProperty('pgdata');
  });

  it('starts the app only once the database is healthy, built from the Dockerfile', () => {
    expect(app.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(app.build).toBe('.');
    expect(existsSync(new URL('Dockerfile', root))).toBe(true);
    expect(readFileSync(new URL('Dockerfile', root), 'utf8')).toMatch(/server\/src\/main\.ts/);
    expect(app.healthcheck.test.join(' ')).toContain('/api/health');
  });

  it('gives the app a configuration its own validation accepts, pointing at the db service', () => {
    const env = Object.fromEntries(
      Object.entries(app.environment ?? {}).map(([key, value]) => [
        key,
        interpolate(String(value), { POSTGRES_PASSWORD: 'secret' }),
      ]),
    );
    const config = loadConfig(env);
    expect(config.databaseUrl).toBe('postgres://ikt:secret@db:5432/ikt');
    expect(config.host).toBe('0.0.0.0');
    expect(config.seedDemo).toBe(false);
    expect(app.ports).toContain(`${config.port}:${config.port}`);
  });
});
