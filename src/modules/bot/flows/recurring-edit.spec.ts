import { parsePhrase } from '../../nlu';
import { RECURRING_TEXTS } from '../../recurring/recurring.texts';
import { bareAmount } from './pending-amount';
import { splitEditAnswer } from './recurring-edit';

describe('splitEditAnswer', () => {
  it.each([
    ['4 млн', { amountText: '4 млн', day: null }],
    ['  150 тыс ', { amountText: '150 тыс', day: null }],
    ['4 млн, день: 15', { amountText: '4 млн', day: 15 }],
    ['День 15, 4 млн', { amountText: '4 млн', day: 15 }],
    ['5 mln kun: 3', { amountText: '5 mln', day: 3 }],
    ['$12 day 20', { amountText: '$12', day: 20 }],
    ['day=7', { amountText: '', day: 7 }],
    ['день: 40', { amountText: '', day: 40 }],
  ])('%s', (text, expected) => {
    expect(splitEditAnswer(text)).toEqual(expected);
  });

  it('a day word inside another word, or three digits, is no day', () => {
    expect(splitEditAnswer('holiday 15')).toEqual({ amountText: 'holiday 15', day: null });
    expect(splitEditAnswer('дней 15')).toEqual({ amountText: 'дней 15', day: null });
    expect(splitEditAnswer('день 150')).toEqual({ amountText: 'день 150', day: null });
    expect(splitEditAnswer('kunlik 5')).toEqual({ amountText: 'kunlik 5', day: null });
  });
});

describe('the examples the question gives are answers the bot reads', () => {
  it.each(
    (['ru', 'uz', 'en'] as const).flatMap((lang) =>
      (['month', 'week'] as const).map((every) => [lang, every] as const),
    ),
  )('%s, every %s', (lang, every) => {
    // the question's second quote, after the rule's name
    const example = [...RECURRING_TEXTS[lang].editAsk('x', 'y', every).matchAll(/[«“]([^»”]+)[»”]/g)][1][1];
    const { amountText, day } = splitEditAnswer(example);
    expect(day).toBe(every === 'month' ? 15 : 3);
    const parsed = parsePhrase(amountText, {
      language: 'auto',
      defaultCurrency: 'UZS',
      now: new Date('2026-12-15T07:00:00Z'),
      timeZone: 'Asia/Tashkent',
    });
    expect(bareAmount(parsed)?.amountMinor).toBe(every === 'month' ? 400_000_000n : 6_000_000n);
  });
});
