import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, readPseudonymisationKey } from '../../src/config.js';
import { ConfigError, OlinpeError } from '../../src/errors.js';

const cwd = mkdtempSync(join(tmpdir(), 'olinpe-config-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('configuration', () => {
  it('has defaults, frozen', () => {
    const c = loadConfig({}, { cwd, env: {} });
    expect(c.dataDir).toBe(join(cwd, 'data'));
    expect(c.inboxDir).toBe(join(cwd, 'data', 'inbox'));
    expect(c.pseudonymisationMethod).toBe('hmac-sha256');
    expect(c.catalogUrl).toBeNull();
    expect(c.keepReceivedFiles).toBe(false);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('takes the file, then the environment, then options', () => {
    writeFileSync(join(cwd, 'olinpe.config.json'), JSON.stringify({ dataDir: 'from-file', workers: 3 }));
    const env = { OLINPE_DATA_DIR: 'from-env', OLINPE_KEEP_RECEIVED_FILES: 'true' };
    expect(loadConfig({}, { cwd, env }).dataDir).toBe(join(cwd, 'from-env'));
    expect(loadConfig({}, { cwd, env }).workers).toBe(3);
    expect(loadConfig({}, { cwd, env }).keepReceivedFiles).toBe(true);
    expect(loadConfig({ dataDir: '/abs/opt' }, { cwd, env }).dataDir).toBe('/abs/opt');
    rmSync(join(cwd, 'olinpe.config.json'));
  });

  it('names what is wrong', () => {
    expect(() => loadConfig({}, { cwd, env: { OLINPE_PSEUDONYMISATION_METHOD: 'md5' } })).toThrow(
      /pseudonymisationMethod must be one of hmac-sha256, giped-sha1/,
    );
    writeFileSync(join(cwd, 'olinpe.config.json'), JSON.stringify({ dataDri: 'x' }));
    expect(() => loadConfig({}, { cwd, env: {} })).toThrow(ConfigError);
    expect(() => loadConfig({}, { cwd, env: {} })).toThrow(/unknown configuration keys: dataDri/);
    rmSync(join(cwd, 'olinpe.config.json'));
  });

  it('reads the key from the environment, else the key file, and says what is missing', () => {
    const c = loadConfig({}, { cwd, env: {} });
    expect(readPseudonymisationKey(c, { OLINPE_PSEUDONYMISATION_KEY: 'k1' })).toBe('k1');
    expect(() => readPseudonymisationKey(c, {})).toThrow(OlinpeError);
    expect(() => readPseudonymisationKey(c, {})).toThrow(/OLINPE_PSEUDONYMISATION_KEY/);
    const keyFile = join(cwd, 'key');
    writeFileSync(keyFile, 'k2\n');
    expect(readPseudonymisationKey(loadConfig({ keyFile }, { cwd, env: {} }), {})).toBe('k2');
  });
});
