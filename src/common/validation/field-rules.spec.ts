import { Allow } from 'class-validator';
import { PartialType } from '@nestjs/swagger';
import {
  IsAmount,
  IsCategoryKey,
  IsChoice,
  IsCurrencyCode,
  IsDateOrDateTime,
  IsOptionalDay,
  IsQueryChoice,
  IsText,
} from './field-rules';
import { DATE_FORMAT, DATE_ONLY_FORMAT } from './messages';
import { checkBody } from './testing';

class Sample {
  @IsAmount({ required: true }) amount!: bigint;
  @IsCurrencyCode() currency?: string;
  @IsText({ max: 5 }) title?: string;
  @IsText({ max: 5, allowBlank: true, onNull: 'allow', nullAs: '' }) note?: string;
  @IsText({ max: 5, collapseSpaces: true }) name?: string;
  @IsText({ max: 5, keepSpaces: true }) raw?: string;
  @IsChoice(['a', 'b']) kind?: string;
  @IsChoice(['a', 'b'], { onNull: 'check', plainString: true }) plain?: string;
  @IsCategoryKey(8) category?: string;
  @IsDateOrDateTime() date?: string;
  @IsOptionalDay() day?: string | null;
  @Allow() anything?: unknown;
}

class SamplePatch extends PartialType(Sample, { skipNullProperties: false }) {}

class SampleQuery {
  @IsQueryChoice(['x', 'y']) status?: string;
  @IsQueryChoice(['x', 'y'], true) whole?: string;
}

const errorOf = async (field: string, value: unknown) =>
  (await checkBody(Sample, { amount: '1', [field]: value })).errors[field];
const valueOf = async (field: string, value: unknown) => {
  const { value: dto, errors } = await checkBody(Sample, { amount: '1', [field]: value });
  expect(errors).toEqual({});
  return (dto as unknown as Record<string, unknown>)[field];
};

describe('field rules: one DRF message per field', () => {
  it.each([
    ['amount', undefined, 'This field is required.'],
    ['amount', null, 'This field may not be null.'],
    ['amount', '1.234', 'Ensure that there are no more than 2 decimal places.'],
    ['amount', '-1', 'Ensure this value is greater than or equal to 0.01.'],
    ['amount', 'x', 'A valid number is required.'],
    ['currency', 'usdd', '"usdd" is not a valid choice.'],
    ['currency', { a: 1 }, '"{"a":1}" is not a valid choice.'],
    ['currency', null, 'This field may not be null.'],
    ['title', '', 'This field may not be blank.'],
    ['title', 7, 'Not a valid string.'],
    ['title', 'abcdef', 'Ensure this field has no more than 5 characters.'],
    ['title', null, 'This field may not be null.'],
    ['note', 'abcdef', 'Ensure this field has no more than 5 characters.'],
    ['name', 'ab      cdef', 'Ensure this field has no more than 5 characters.'],
    ['raw', ' abcd ', 'Ensure this field has no more than 5 characters.'],
    ['raw', '   ', 'This field may not be blank.'],
    ['kind', 'c', '"c" is not a valid choice.'],
    ['kind', ['a'], '"["a"]" is not a valid choice.'],
    ['kind', null, 'This field may not be null.'],
    ['plain', ['a', 'b'], '"a,b" is not a valid choice.'],
    ['plain', null, '"null" is not a valid choice.'],
    ['category', '  ', 'This field may not be blank.'],
    ['category', 3, 'Not a valid string.'],
    ['category', 'abcdefghi', '"abcdefghi" is not a valid choice.'],
    ['date', 'tomorrow', DATE_FORMAT],
    ['date', '2026-13-01', DATE_FORMAT],
    ['date', '2026-11-29T24:00', DATE_FORMAT],
    ['day', '2026-02-30', DATE_ONLY_FORMAT],
    ['day', '2026-11-29T10:00', DATE_ONLY_FORMAT],
    ['day', 5, DATE_ONLY_FORMAT],
  ])('%s = %j → %s', async (field, value, message) => {
    expect(await errorOf(field, value)).toEqual([message]);
  });

  it.each([
    ['amount', ' 12.50 ', 1250n],
    ['amount', 7, 700n],
    ['currency', ' eur ', 'EUR'],
    ['title', '  ok  ', 'ok'],
    ['note', null, ''],
    ['note', '   ', ''],
    ['name', ' a \n b ', 'a b'],
    ['raw', ' ab ', ' ab '],
    ['kind', 'b', 'b'],
    ['category', ' custom:x ', 'custom:x'],
    ['date', ' 2026-11-29 ', '2026-11-29'],
    ['date', '2026-11-29T10:00:00+05:00', '2026-11-29T10:00:00+05:00'],
    ['day', '', null],
    ['day', null, null],
    ['day', '2027-03-01', '2027-03-01'],
  ])('%s = %j becomes %p', async (field, value, typed) => {
    expect(await valueOf(field, value)).toEqual(typed);
  });

  it('PartialType (skipNullProperties: false) lifts "required" but keeps "may not be null"', async () => {
    expect((await checkBody(SamplePatch, {})).errors).toEqual({});
    expect((await checkBody(SamplePatch, { amount: null })).errors).toEqual({
      amount: ['This field may not be null.'],
    });
  });

  it.each([
    [{}, {}],
    [{ status: '' }, {}],
    [{ status: 'x' }, {}],
    [{ status: ['y', 'nope'] }, {}],
    [{ status: 'nope' }, { status: ['Select a valid choice. nope is not one of the available choices.'] }],
    [{ whole: ['x', 'y'] }, { whole: ['Select a valid choice. x,y is not one of the available choices.'] }],
  ])('query choice %j → %j', async (query, errors) => {
    expect((await checkBody(SampleQuery, query, 'query')).errors).toEqual(errors);
  });

  it('a query choice becomes its one value', async () => {
    const { value } = await checkBody(SampleQuery, { status: ['y', 'x'], whole: '' }, 'query');
    expect(value).toMatchObject({ status: 'y', whole: undefined });
  });
});
