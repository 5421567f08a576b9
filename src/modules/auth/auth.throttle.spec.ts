import { AuthThrottler } from './auth.throttle';

describe('AuthThrottler', () => {
  it('allows `limit` hits per window and key, then answers the seconds to wait', () => {
    const t = new AuthThrottler();
    t.limit = 3;
    const start = 1_000_000;
    expect([t.hit('a', start), t.hit('a', start + 1), t.hit('a', start + 2)]).toEqual([0, 0, 0]);
    expect(t.hit('a', start + 10_000)).toBe(50);
    expect(t.hit('b', start + 10_000)).toBe(0);
    expect(t.hit('a', start + 59_999)).toBe(1);
    expect(t.hit('a', start + 60_000)).toBe(0); // a new window
  });
});
