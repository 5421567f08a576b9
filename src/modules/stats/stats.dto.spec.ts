import { checkBody } from '../../common/validation/testing';
import { SummaryQueryDto } from './stats.dto';

const errorsOf = async (query: object) => (await checkBody(SummaryQueryDto, query, 'query')).errors;

describe('SummaryQueryDto', () => {
  it.each([
    [{}],
    [{ period: 'week' }],
    [{ date_from: '2026-11-01', date_to: '2026-11-30' }],
    [{ period: ['year', 'nope'], type: 'income', currency: 'usd' }],
  ])('accepts %j', async (query) => {
    expect(await errorsOf(query)).toEqual({});
  });

  it.each([
    [
      { period: 'decade' },
      { period: ['Select a valid choice. decade is not one of the available choices.'] },
    ],
    [
      { period: 'custom' },
      {
        date_from: ['This field is required when period is custom.'],
        date_to: ['This field is required when period is custom.'],
      },
    ],
    [{ date_from: '2026-11-30', date_to: '2026-11-01' }, { date_to: ['Must not be before date_from.'] }],
    [{ period: 'week', date_to: '2026-11-01' }, { date_to: ['Allowed only when period is custom.'] }],
    [
      { currency: 'x', type: 'gift', date_from: '2026-02-30' },
      {
        date_from: ['Enter a valid date in the format YYYY-MM-DD.'],
        date_to: ['This field is required when period is custom.'],
        type: ['Select a valid choice. gift is not one of the available choices.'],
        currency: ['Select a valid choice. x is not one of the available choices.'],
      },
    ],
  ])('refuses %j', async (query, errors) => {
    expect(JSON.stringify(await errorsOf(query))).toBe(JSON.stringify(errors));
  });
});
