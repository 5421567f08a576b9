import { MAX_JSON_DEPTH, refuseBadStrings, refuseDeepNesting } from './bootstrap';

describe('JSON body guards', () => {
  const depth = (n: number) => Buffer.from('['.repeat(n) + ']'.repeat(n));
  it.each([
    ['flat object', '{"a": 1, "b": "x"}', false],
    [`${MAX_JSON_DEPTH} levels`, depth(MAX_JSON_DEPTH).toString(), false],
    [`${MAX_JSON_DEPTH + 1} levels`, depth(MAX_JSON_DEPTH + 1).toString(), true],
    ['brackets inside strings do not count', JSON.stringify({ a: '['.repeat(1000) }), false],
    ['escaped quotes inside strings', JSON.stringify({ a: '\\"[[[[' + '['.repeat(100) }), false],
  ])('refuseDeepNesting: %s', (_name, body, refused) => {
    const run = () => refuseDeepNesting(undefined, undefined, Buffer.from(body));
    if (refused) expect(run).toThrow(/nesting deeper than/);
    else expect(run).not.toThrow();
  });

  it.each([
    ['plain text', 'кофе 18000 ☕', false],
    ['a NUL', 'a\u0000b', true],
    ['a lone high surrogate', 'a\ud800b', true],
    ['a lone low surrogate', '\udc00', true],
    ['a real surrogate pair (emoji)', '😀', false],
  ])('refuseBadStrings: %s', (_name, value, refused) => {
    const run = () => refuseBadStrings('k', value);
    if (refused) expect(run).toThrow(SyntaxError);
    else expect(run()).toBe(value);
  });
});
