import { jsonBodyProblem, refuseBadStrings, unsupportedMediaType } from './json-body';

describe('jsonBodyProblem', () => {
  const limits = { maxKeys: 5, maxDepth: 4 };
  const depth = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const keys = (n: number) =>
    JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])));
  const bytes = (...parts: Array<string | number[]>) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
  it.each([
    ['a flat object', bytes('{"a": 1, "b": "x"}'), undefined],
    ['4 levels', bytes(depth(4)), undefined],
    ['5 levels', bytes(depth(5)), /^JSON parse error - nesting deeper than 4 levels\.$/],
    ['brackets inside strings do not count', bytes(JSON.stringify({ a: '['.repeat(1000) })), undefined],
    ['escaped quotes inside strings', bytes(JSON.stringify({ a: '\\"[[[[' + '['.repeat(100) })), undefined],
    ['5 keys', bytes(keys(5)), undefined],
    ['6 keys', bytes(keys(6)), /^JSON parse error - more than 5 keys\.$/],
    [
      'keys counted at every level',
      bytes('{"a": {"b": {"c": 1}}, "d": [{"e": 1, "f": 2}]}'),
      /more than 5 keys/,
    ],
    ['colons inside strings are not keys', bytes(JSON.stringify({ a: '::::::::::' })), undefined],
    ['UTF-8 Cyrillic and emoji', bytes(JSON.stringify({ text: 'кофе 18000 ☕ 😀' })), undefined],
    [
      'a broken two-byte sequence',
      bytes('{"text": "', [0xc3, 0x28], '"}'),
      /^JSON parse error - the body is not valid UTF-8\.$/,
    ],
    ['a lone continuation byte', bytes('{"text": "', [0x80], '"}'), /not valid UTF-8/],
    ['an overlong encoding of "/"', bytes('{"text": "', [0xc0, 0xaf], '"}'), /not valid UTF-8/],
    ['an encoded surrogate', bytes('{"text": "', [0xed, 0xa0, 0x80], '"}'), /not valid UTF-8/],
    ['Latin-1 bytes', bytes('{"text": "caf', [0xe9], '"}'), /not valid UTF-8/],
  ])('%s', (_name, body, problem) => {
    const found = jsonBodyProblem(body, limits);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });

  it('scans a 1 MB key bomb in milliseconds, stopping at the limit', () => {
    const bomb = Buffer.from(
      `{${Array.from({ length: 131_070 }, (_, i) => `"${(i + 46_656).toString(36)}":0`).join(',')}}`,
    );
    const started = process.hrtime.bigint();
    expect(jsonBodyProblem(bomb, { maxKeys: 1000, maxDepth: 32 })).toMatch(/more than 1000 keys/);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(50);
  });
});

describe('refuseBadStrings', () => {
  it.each([
    ['plain text', 'кофе 18000 ☕', false],
    ['a NUL', 'a\u0000b', true],
    ['a lone high surrogate', 'a\ud800b', true],
    ['a lone low surrogate', '\udc00', true],
    ['a real surrogate pair (emoji)', '😀', false],
  ])('%s', (_name, value, refused) => {
    const run = () => refuseBadStrings('k', value);
    if (refused) expect(run).toThrow(SyntaxError);
    else expect(run()).toBe(value);
  });
});

describe('unsupportedMediaType', () => {
  it.each([
    ['application/json', true, undefined],
    ['application/json; charset=utf-8', true, undefined],
    ['application/json; charset=UTF8', true, undefined],
    ['application/vnd.api+json', true, undefined],
    ['text/plain', false, 'Unsupported media type "text/plain" in request.'],
    [
      'multipart/form-data; boundary=x',
      false,
      'Unsupported media type "multipart/form-data; boundary=x" in request.',
    ],
    [
      'application/json; charset=utf-16',
      true,
      'Unsupported media type "application/json; charset=utf-16" in request.',
    ],
    [
      'application/json; charset=klingon',
      true,
      'Unsupported media type "application/json; charset=klingon" in request.',
    ],
    [undefined, false, 'Unsupported media type "" in request: send the body as application/json.'],
  ])('%j', (contentType, isJson, message) => {
    expect(unsupportedMediaType(contentType, isJson)).toBe(message);
  });
});
