import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config';
import { ConfigValidationError } from './env.validation';
import { localSecretKey } from './secret-key';

describe('the local SECRET_KEY (npm start with nothing set)', () => {
  const fresh = () => join(mkdtempSync(join(tmpdir(), 'ovozpay-key-')), 'data', 'secret-key');

  it('generates a key once, keeps it with mode 0600 in a new directory, and reuses it', () => {
    const path = fresh();
    const first = localSecretKey({}, path);
    expect(first).toEqual({ key: expect.stringMatching(/^[0-9a-f]{64}$/), path, created: true });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').trim()).toBe(first!.key);

    const second = localSecretKey({ NODE_ENV: 'development' }, path);
    expect(second).toEqual({ key: first!.key, path, created: false });
    expect(loadConfig({ SECRET_KEY: second!.key }).secretKey).toBe(first!.key);
  });

  it('is not used when SECRET_KEY is set, nor in production (where SECRET_KEY stays required)', () => {
    const path = fresh();
    expect(localSecretKey({ SECRET_KEY: 'a-very-long-secret-key-123' }, path)).toBeUndefined();
    expect(localSecretKey({ NODE_ENV: 'production' }, path)).toBeUndefined();
    expect(() => statSync(path)).toThrow();
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      'Invalid configuration: SECRET_KEY is required when DEBUG=False',
    );
  });

  it('treats an empty SECRET_KEY as not set', () => {
    expect(localSecretKey({ SECRET_KEY: '' }, fresh())?.created).toBe(true);
  });

  it('refuses a kept file that holds no usable key instead of replacing it', () => {
    const path = fresh();
    localSecretKey({}, path);
    writeFileSync(path, 'short\n');
    expect(() => localSecretKey({}, path)).toThrow(ConfigValidationError);
    expect(readFileSync(path, 'utf8')).toBe('short\n');
  });
});
