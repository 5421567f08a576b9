import {
  hashInviteToken,
  inviteLink,
  looksLikeInviteToken,
  newInviteToken,
  successorOf,
} from './households.rules';

describe('household rules', () => {
  it('tokens are 32 random bytes in base64url, different every time', () => {
    const a = newInviteToken();
    const b = newInviteToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(looksLikeInviteToken(a)).toBe(true);
    expect(looksLikeInviteToken(`${a}x`)).toBe(false);
    expect(looksLikeInviteToken('a'.repeat(42) + '=')).toBe(false);
  });

  it('stores the SHA-256 of a token, never the token', () => {
    const token = newInviteToken();
    expect(hashInviteToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInviteToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('the deep link opens the bot with join_<token>', () => {
    expect(inviteLink('OvozPayBot', 'T0k')).toBe('https://t.me/OvozPayBot?start=join_T0k');
  });

  describe('successorOf', () => {
    const at = (iso: string) => new Date(iso);
    it('the longest-standing other member', () => {
      expect(
        successorOf(
          [
            { userId: 'owner', joinedAt: at('2026-01-01T00:00:00Z') },
            { userId: 'c', joinedAt: at('2026-03-01T00:00:00Z') },
            { userId: 'b', joinedAt: at('2026-02-01T00:00:00Z') },
          ],
          'owner',
        ),
      ).toBe('b');
    });

    it('ties go to the smaller user id', () => {
      const same = at('2026-02-01T00:00:00Z');
      expect(
        successorOf(
          [
            { userId: 'z', joinedAt: same },
            { userId: 'owner', joinedAt: at('2026-01-01T00:00:00Z') },
            { userId: 'y', joinedAt: same },
          ],
          'owner',
        ),
      ).toBe('y');
    });

    it('nobody when the owner is alone', () => {
      expect(successorOf([{ userId: 'owner', joinedAt: at('2026-01-01T00:00:00Z') }], 'owner')).toBeNull();
      expect(successorOf([], 'owner')).toBeNull();
    });
  });
});
