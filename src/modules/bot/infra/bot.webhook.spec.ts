import type { IncomingMessage } from 'node:http';
import { parseUpdate, secretCheck, webhookFilter, webhookOpenWithoutSecret } from './bot.webhook';
import { missingCommandEntity } from './command-entity.middleware';
import { normalizeContactPhone } from '../flows/bot.service';
import { commandArgument } from './read-update';

describe('parseUpdate', () => {
  const limits = { maxKeys: 100, maxDepth: 8 };
  it.each([
    ['{"update_id": 1, "message": {}}', 1],
    ['{"update_id": 0}', 0],
    ['{"update_id": 123456789, "edited_channel_post": {"text": "x"}}', 123456789],
  ])('accepts %s', (body, id) => {
    const parsed = parseUpdate(Buffer.from(body), limits);
    expect(parsed).toEqual({ ok: true, update: expect.objectContaining({ update_id: id }) });
  });

  it.each([
    [undefined, /empty/],
    ['', /empty/],
    ['{bad', /^JSON parse error/],
    ['[]', /Update object/],
    ['"text"', /Update object/],
    ['null', /Update object/],
    ['{"message": {}}', /update_id/],
    ['{"update_id": "1"}', /update_id/],
    ['{"update_id": 1.5}', /update_id/],
    ['{"update_id": -1}', /update_id/],
    ['{"update_id": 1e300}', /update_id/],
    [`{"update_id": 1, "message": ${'['.repeat(9)}${']'.repeat(9)}}`, /nesting deeper than 8 levels/],
    [
      JSON.stringify({
        update_id: 1,
        ...Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 0])),
      }),
      /more than 100 keys/,
    ],
    [
      Buffer.from([
        ...Buffer.from('{"update_id": 1, "message": {"text": "'),
        0xc3,
        0x28,
        ...Buffer.from('"}}'),
      ]),
      /not valid UTF-8/,
    ],
  ])('refuses %j', (body, detail) => {
    const parsed = parseUpdate(
      body === undefined ? undefined : typeof body === 'string' ? Buffer.from(body) : body,
      limits,
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.detail).toMatch(detail);
  });
});

describe('secretCheck', () => {
  it.each([
    ['s3cret', 's3cret', true],
    ['s3cret', 's3cret ', false],
    ['s3cret', 'S3CRET', false],
    ['s3cret', '', false],
    ['s3cret', undefined, false],
    [undefined, undefined, true], // no secret configured (DEBUG only)
    [undefined, 'anything', true],
  ])('expected %j, given %j → %s', (expected, given, result) => {
    expect(secretCheck(expected)(given)).toBe(result);
  });
});

describe('webhookFilter (telegraf callback, bound to its path)', () => {
  const filter = webhookFilter(secretCheck('s3cret')).bind({ path: '/telegram/webhook/' });
  const req = (method: string, url: string, secret?: string | string[]) =>
    ({
      method,
      url,
      headers: secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret },
    }) as unknown as IncomingMessage;

  it.each([
    ['POST', '/telegram/webhook/', 's3cret', true],
    ['GET', '/telegram/webhook/', 's3cret', false],
    ['POST', '/telegram/webhook', 's3cret', false],
    ['POST', '/telegram/webhook/?x=1', 's3cret', false],
    ['POST', '/telegram/webhook/', 'wrong', false],
    ['POST', '/telegram/webhook/', undefined, false],
    ['POST', '/telegram/webhook/', ['s3cret', 's3cret'], false],
  ])('%s %s secret %j → %s', (method, url, secret, result) => {
    expect(filter(req(method, url, secret))).toBe(result);
  });

  it('passes any secret when none is configured (DEBUG only)', () => {
    const open = webhookFilter(secretCheck(undefined)).bind({ path: '/telegram/webhook/' });
    expect(open(req('POST', '/telegram/webhook/'))).toBe(true);
  });
});

describe('webhookOpenWithoutSecret', () => {
  it.each([
    ['webhook', true, true],
    ['webhook', false, false],
    ['polling', true, false], // the README's dev setup: polling must not open a side door
    ['polling', false, false],
    ['none', true, false],
  ] as const)('mode %s, DEBUG=%s → %s', (mode, debug, open) => {
    expect(webhookOpenWithoutSecret({ debug, bot: { mode } })).toBe(open);
  });
});

describe('missingCommandEntity', () => {
  it.each([
    ['/start', undefined, { type: 'bot_command', offset: 0, length: 6 }],
    ['/phone +998901234567', undefined, { type: 'bot_command', offset: 0, length: 6 }],
    ['/help@ovozpay_bot', [], { type: 'bot_command', offset: 0, length: 17 }],
    ['/start', [{ type: 'bot_command' as const, offset: 0, length: 6 }], undefined],
    ['hello /start', undefined, undefined],
    ['/', undefined, undefined],
    ['/путь', undefined, undefined],
    ['50000 сум', undefined, undefined],
  ])('%j', (text, entities, expected) => {
    expect(missingCommandEntity(text, entities)).toEqual(expected);
  });
});

describe('small input helpers', () => {
  it.each([
    ['/phone +998901234567', '+998901234567'],
    ['/phone@ovozpay_bot  +998 90 123 45 67 ', '+998 90 123 45 67'],
    ['/phone', ''],
    ['/phone\n+998901234567', '+998901234567'],
  ])('commandArgument(%j) → %j', (text, arg) => {
    expect(commandArgument(text)).toBe(arg);
  });

  it.each([
    ['998901234567', '+998901234567'],
    ['+998901234567', '+998901234567'],
    [' 79001234567 ', '+79001234567'],
  ])('normalizeContactPhone(%j) → %j', (raw, phone) => {
    expect(normalizeContactPhone(raw)).toBe(phone);
  });
});
