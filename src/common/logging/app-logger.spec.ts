import { AppLogger, redact } from './app-logger';

describe('log redaction', () => {
  it.each([
    [
      'https://api.telegram.org/file/bot8115661165:AAHWkrF_VVfppRcGjxu5ATlt0uOs5qWLJSw/voice/file_1.oga',
      '<bot-token>',
    ],
    ['refresh eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoiMSJ9.c2lnbmF0dXJl', '<jwt>'],
    ['init_data query_id=AAH&user=%7B%22id%22%3A1%7D&auth_date=1700000000&hash=abcdef', 'hash=<redacted>'],
  ])('removes secrets from %s', (line, marker) => {
    const clean = redact(line);
    expect(clean).toContain(marker);
    expect(clean).not.toMatch(/AAHWkrF|c2lnbmF0dXJl|abcdef|%7B%22id/);
  });

  it('leaves ordinary lines alone', () => {
    const line =
      'Telegram аутентификация: chat_id=123456789, user_id=550e8400-e29b-41d4-a716-446655440000, new_user=True';
    expect(redact(line)).toBe(line);
  });
});

describe('AppLogger (JSON)', () => {
  it.each([
    ['log', 'INFO'],
    ['warn', 'WARNING'],
    ['error', 'ERROR'],
  ] as const)('writes %s as one JSON line with level %s, redacted', (method, level) => {
    const chunks: string[] = [];
    const spyOut = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((c: string | Uint8Array) => (chunks.push(String(c)), true));
    const spyErr = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((c: string | Uint8Array) => (chunks.push(String(c)), true));
    try {
      new AppLogger('info', 'json')[method](
        'token 8115661165:AAHWkrF_VVfppRcGjxu5ATlt0uOs5qWLJSw used',
        'Test',
      );
    } finally {
      spyOut.mockRestore();
      spyErr.mockRestore();
    }
    expect(chunks).toHaveLength(1);
    const line = JSON.parse(chunks[0]) as Record<string, unknown>;
    expect(line).toMatchObject({ level, context: 'Test', message: 'token <bot-token> used' });
    expect(typeof line.time).toBe('string');
  });
});
