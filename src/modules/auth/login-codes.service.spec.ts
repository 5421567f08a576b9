import {
  generateLoginCode,
  hashLoginCode,
  LOGIN_CODE_ALPHABET,
  normalizeLoginCode,
} from './login-codes.service';

describe('login codes', () => {
  it('are 8 symbols of the unambiguous alphabet, and differ', () => {
    const codes = Array.from({ length: 200 }, generateLoginCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${LOGIN_CODE_ALPHABET}]{8}$`));
    expect(new Set(codes).size).toBe(codes.length);
    expect(LOGIN_CODE_ALPHABET).not.toMatch(/[IO01]/);
  });

  it('hash to sha256 hex of the normalised code', () => {
    expect(normalizeLoginCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(hashLoginCode('abcd-efgh')).toBe(hashLoginCode('ABCDEFGH'));
    expect(hashLoginCode('ABCDEFGH')).toBe(
      '9ac2197d9258257b1ae8463e4214e4cd0a578bc1517f2415928b91be4283fc48',
    );
  });
});
