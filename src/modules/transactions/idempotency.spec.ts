import { canonicalJson, inKeyOrder, readIdempotencyKey, requestHash } from './idempotency';

describe('idempotency helpers', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: { d: [3, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"y":2,"z":1}]}}'],
    [{ a: undefined, b: 'x' }, '{"b":"x"}'],
    [[1, 'two', null], '[1,"two",null]'],
    ['text', '"text"'],
    [null, 'null'],
  ])('canonicalJson(%j) = %s', (value, json) => {
    expect(canonicalJson(value)).toBe(json);
  });

  it('hashes equal requests alike and different ones apart', () => {
    const a = requestHash('POST', '/api/transactions/', { type: 'expense', amount: '10.00' });
    expect(requestHash('post', '/api/transactions/', { amount: '10.00', type: 'expense' })).toBe(a);
    expect(requestHash('POST', '/api/transactions/', { type: 'expense', amount: '10.01' })).not.toBe(a);
    expect(requestHash('POST', '/api/transactions/', { type: 'expense', amount: 10 })).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    [undefined, {}],
    ['7f1c2a3e-1111-4222-8333-944455556666', { key: '7f1c2a3e-1111-4222-8333-944455556666' }],
    ['  abc  ', { key: 'abc' }],
    [['k1'], { key: 'k1' }],
  ])('reads header %j', (header, expected) => {
    expect(readIdempotencyKey(header)).toEqual(expected);
  });

  it.each(['', '   ', 'has space', 'ключ', 'x'.repeat(256)])('refuses key %j', (header) => {
    expect(readIdempotencyKey(header).error).toMatch(/Idempotency-Key/);
  });

  it('refuses two headers', () => {
    expect(readIdempotencyKey(['a', 'b']).error).toMatch(/one Idempotency-Key/);
  });

  it('restores key order', () => {
    expect(Object.keys(inKeyOrder({ c: 1, a: 2, b: 3, z: 0 }, ['a', 'b', 'c']))).toEqual([
      'a',
      'b',
      'c',
      'z',
    ]);
  });
});
