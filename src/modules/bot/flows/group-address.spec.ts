import { readGroupText } from './group-address';

const BOT = { id: 700, username: 'OvozPayBot' };

describe('readGroupText', () => {
  it('reads a command for this bot, with or without its username', () => {
    expect(readGroupText({ text: '/balance' }, BOT)).toEqual({
      kind: 'command',
      command: 'balance',
      explicit: false,
    });
    expect(readGroupText({ text: '/Balance@ovozpaybot now' }, BOT)).toEqual({
      kind: 'command',
      command: 'balance',
      explicit: true,
    });
  });

  it('leaves a command for another bot alone', () => {
    expect(readGroupText({ text: '/balance@OtherBot' }, BOT)).toBeNull();
  });

  it('a mention entity addresses the bot and is removed from the text', () => {
    const text = '@OvozPayBot продукты 50000';
    expect(readGroupText({ text, entities: [{ type: 'mention', offset: 0, length: 11 }] }, BOT)).toEqual({
      kind: 'text',
      text: 'продукты 50000',
      addressed: true,
    });
  });

  it('a mention of someone else does not address the bot', () => {
    const text = '@alice продукты 50000';
    expect(readGroupText({ text, entities: [{ type: 'mention', offset: 0, length: 6 }] }, BOT)).toEqual({
      kind: 'text',
      text,
      addressed: false,
    });
  });

  it('without entities, the @username as a whole word addresses the bot', () => {
    expect(readGroupText({ text: 'такси 20000 @ovozpaybot' }, BOT)).toEqual({
      kind: 'text',
      text: 'такси 20000',
      addressed: true,
    });
    expect(readGroupText({ text: 'такси @OvozPayBot2' }, BOT)).toMatchObject({ addressed: false });
  });

  it('a reply to the bot is addressed to it; a reply to someone else is not', () => {
    expect(readGroupText({ text: 'привет', replyToUserId: 700 }, BOT)).toMatchObject({ addressed: true });
    expect(readGroupText({ text: 'привет', replyToUserId: 5 }, BOT)).toMatchObject({ addressed: false });
  });
});
