import { QUOTE_MAX_CHARS, voiceReplyText } from '../bot/texts/voice.texts';
import { isNoiseTranscript } from './voice.service';

describe('isNoiseTranscript: nothing to record when the recogniser heard no words', () => {
  it.each([
    [''],
    ['   '],
    ['...'],
    ['…'],
    ['?!'],
    ['[музыка]'],
    ['[Music]'],
    ['(silence)'],
    ['(тишина)'],
    ['♪♪'],
    ['♪ ♪ ♪'],
    ['*шум*'],
    ['— —'],
  ])('%j is noise', (text) => {
    expect(isNoiseTranscript(text)).toBe(true);
  });

  it.each([
    ['Потратил 50000 сум на продукты'],
    ['taksiga 20 ming berdim'],
    ['got paid 500 dollars'],
    ['50000'],
    ['кофе'],
    ['[музыка] потратил 5000 на кофе'],
  ])('%j has words', (text) => {
    expect(isNoiseTranscript(text)).toBe(false);
  });
});

describe('voiceReplyText: the quoted transcript', () => {
  it('quotes a short transcript as heard', () => {
    expect(voiceReplyText('ru', 'кофе 5000', '✅ Записано')).toBe('🎙 «кофе 5000»\n\n✅ Записано');
  });

  it('shortens a long one with an ellipsis', () => {
    const text = voiceReplyText('en', 'word '.repeat(400), 'answer');
    const quote = /^🎙 «(.*)»\n\nanswer$/s.exec(text)?.[1] ?? '';
    expect(quote.length).toBeLessThanOrEqual(QUOTE_MAX_CHARS);
    expect(quote.endsWith('…')).toBe(true);
  });
});
