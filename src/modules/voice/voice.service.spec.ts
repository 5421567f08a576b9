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

  it.each([['Потратил 50000 сум на продукты'], ['taksiga 20 ming berdim'], ['got paid 500 dollars'], ['50000'], ['кофе'], ['[музыка] потратил 5000 на кофе']])(
    '%j has words',
    (text) => {
      expect(isNoiseTranscript(text)).toBe(false);
    },
  );
});
