import { loadConfig } from './app-config';
import { ConfigValidationError, validateEnv } from './env.validation';
import { parseTrustProxy } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, ['loopback']],
    ['', ['loopback']],
    ['false', false],
    ['None', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['10.0.0.5', ['10.0.0.5']],
    ['loopback, 172.18.0.0/16', ['loopback', '172.18.0.0/16']],
    ['uniquelocal,LinkLocal', ['uniquelocal', 'linklocal']],
    ['fd00::/8, ::1', ['fd00::/8', '::1']],
    ['0.0.0.0/0', ['0.0.0.0/0']],
  ])('%p → %p', (raw, value) => {
    expect(parseTrustProxy(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['true', /must name the proxies/],
    ['*', /must name the proxies/],
    ['all', /must name the proxies/],
    ['11', /hop count above 10/],
    ['proxy.internal', /"proxy.internal" is not an IP address/],
    ['10.0.0.0/33', /prefix length outside 0-32/],
    ['fd00::/129', /prefix length outside 0-128/],
    ['10.0.0.0/8/1', /is not an IP address/],
    ['loopback,,10.0.0.1', /empty entry/],
  ])('%p is refused', (raw, reason) => {
    const parsed = parseTrustProxy(raw);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });

  it('reaches AppConfig, and a bad value stops the start with one line naming the variable', () => {
    const base = { SECRET_KEY: 'a-very-long-secret-key-123' };
    expect(loadConfig(base).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(() => validateEnv({ ...base, TRUST_PROXY: 'true' })).toThrow(ConfigValidationError);
    expect(() => validateEnv({ ...base, TRUST_PROXY: 'true' })).toThrow(
      /^Invalid configuration: TRUST_PROXY must name the proxies/,
    );
  });
});
