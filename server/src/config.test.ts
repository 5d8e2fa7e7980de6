import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs on the embedded database with demo data when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: './.data', seedDemo: true });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.demoPassword).toBe('riga-demo-2027');
  });

  it('never loads demo data on a real database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/ikt' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/ikt', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it('stops the boot naming every wrong variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO: 'sometimes' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('SEED_DEMO');
  });
});
