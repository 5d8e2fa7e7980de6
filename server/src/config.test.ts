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

describe('TRUST_PROXY', () => {
  const trustProxy = (value?: string) =>
    loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).security.trustProxy;
  const refusal = (value: string) => {
    try {
      loadConfig({ TRUST_PROXY: value });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error(`TRUST_PROXY=${value} was accepted`);
  };

  it('trusts no proxy unless told', () => {
    expect(trustProxy()).toBe(false);
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('no')).toBe(false);
  });

  it('takes the proxies as addresses and CIDR ranges, comma-separated', () => {
    expect(trustProxy(' 127.0.0.1, 10.0.0.0/8 ,::1,fd00::/8')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
    expect(trustProxy('loopback')).toEqual(['loopback']);
  });

  it('refuses to trust every hop, saying what to write instead', () => {
    for (const value of ['true', 'yes', '1', '2']) {
      const message = refusal(value);
      expect(message).toContain('TRUST_PROXY');
      expect(message).toMatch(/name the proxies' addresses/);
    }
  });

  it('refuses what is not an address or a range, naming it', () => {
    for (const value of ['proxy.internal', '10.0.0.0/33', '300.1.1.1', '10.0.0.1/8/8', '::1/129', ',']) {
      const message = refusal(value);
      expect(message).toContain('TRUST_PROXY');
      expect(message).toContain('not an IP address or CIDR range');
    }
    expect(refusal('127.0.0.1,proxy.internal')).toContain('proxy.internal');
  });
});
