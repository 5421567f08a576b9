import { currencyQuestion, goalOffer, readAsideQuestion } from './asides.state';

const AT = new Date('2026-12-06T05:00:00Z');
const taxi = {
  type: 'expense' as const,
  amountMinor: 4_000_000n,
  category: 'transport',
  description: 'такси',
  date: '2026-12-06',
};

describe('aside questions in bot_sessions.state', () => {
  it('a currency question survives the JSON round trip (amounts as digit strings)', () => {
    const q = currencyQuestion(
      {
        updateId: 9_223_372_036_854_775_807n,
        sentAt: AT,
        source: 'voice',
        transcript: 'такси 40 тыс',
        choices: ['USD', 'UZS'],
      },
      [taxi],
    );
    const back = readAsideQuestion(JSON.parse(JSON.stringify(q)));
    expect(back).toEqual(q);
    expect(back).toMatchObject({
      awaiting: 'currency',
      updateId: '9223372036854775807',
      items: [{ amountMinor: '4000000' }],
      askedAt: AT.toISOString(),
    });
  });

  it('a goal offer survives the round trip, with or without a deadline', () => {
    for (const deadline of [null, '2027-06-01']) {
      const g = goalOffer(
        { updateId: 5n, sentAt: AT },
        { title: 'Ноутбук', amountMinor: 100_000n, currency: 'USD', deadline },
      );
      expect(readAsideQuestion(JSON.parse(JSON.stringify(g)))).toEqual(g);
    }
  });

  const good = JSON.parse(
    JSON.stringify(
      currencyQuestion({ updateId: 5n, sentAt: AT, source: 'text', choices: ['USD', 'UZS'] }, [taxi]),
    ),
  ) as Record<string, unknown>;
  it.each<[string, unknown]>([
    ['nothing', null],
    ['the amount question', { awaiting: 'amount', id: 'x', askedAt: AT.toISOString(), items: [] }],
    ['an unknown kind', { ...good, awaiting: 'colour' }],
    ['no id', { ...good, id: undefined }],
    ['a bad date', { ...good, askedAt: 'yesterday' }],
    ['a bad update id', { ...good, updateId: '12a' }],
    ['an unknown currency', { ...good, choices: ['USD', 'GBP'] }],
    ['no items', { ...good, items: [] }],
    ['a zero amount', { ...good, items: [{ ...taxi, amountMinor: '0' }] }],
    ['a fractional amount', { ...good, items: [{ ...taxi, amountMinor: '1.5' }] }],
    ['a bad source', { ...good, source: 'api' }],
    [
      'a goal without a title',
      { ...good, awaiting: 'goal', title: ' ', amountMinor: '100', currency: 'USD', deadline: null },
    ],
  ])('%s reads as no question', (_name, state) => {
    expect(readAsideQuestion(state)).toBeNull();
  });
});
