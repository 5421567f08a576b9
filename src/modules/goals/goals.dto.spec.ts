import { checkBody } from '../../common/validation/testing';
import { AmountBodyDto, GoalBodyDto, goalChanges, GoalListQueryDto, GoalPatchDto } from './goals.dto';

const DATE_ONLY = 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.';

describe('GoalBodyDto', () => {
  it('reads a full body', async () => {
    const { value, errors } = await checkBody(GoalBodyDto, {
      title: ' Телефон ',
      target_amount: 1200,
      currency: 'usd',
      deadline: '2027-03-01',
    });
    expect(errors).toEqual({});
    expect(goalChanges(value!)).toEqual({
      title: 'Телефон',
      targetMinor: 120_000n,
      currency: 'USD',
      deadline: '2027-03-01',
      status: undefined,
    });
  });

  it('reports every field at once, in order', async () => {
    const { errors } = await checkBody(GoalBodyDto, { status: 'done', deadline: 'soon', currency: 'x' });
    expect(JSON.stringify(errors)).toBe(
      JSON.stringify({
        title: ['This field is required.'],
        target_amount: ['This field is required.'],
        currency: ['"x" is not a valid choice.'],
        deadline: [DATE_ONLY],
        status: ['"done" is not a valid choice.'],
      }),
    );
  });

  it.each([
    ['title', '  ', 'This field may not be blank.'],
    ['title', 'x'.repeat(101), 'Ensure this field has no more than 100 characters.'],
    ['title', null, 'This field may not be null.'],
    ['target_amount', '0', 'Ensure this value is greater than or equal to 0.01.'],
    ['target_amount', null, 'This field may not be null.'],
    ['deadline', '2027-02-30', DATE_ONLY],
    ['status', null, '"null" is not a valid choice.'],
  ])('refuses %s = %j', async (field, value, message) => {
    const body = { title: 'T', target_amount: '1', [field]: value };
    expect((await checkBody(GoalBodyDto, body)).errors).toEqual({ [field]: [message] });
  });

  it('PATCH: nothing required, "" or null deadline clears it', async () => {
    expect((await checkBody(GoalPatchDto, {})).errors).toEqual({});
    expect((await checkBody(GoalPatchDto, { deadline: '' })).value!.deadline).toBeNull();
    expect((await checkBody(GoalPatchDto, { deadline: null })).value!.deadline).toBeNull();
  });

  it('contribute: the amount is required', async () => {
    expect((await checkBody(AmountBodyDto, {})).errors).toEqual({ amount: ['This field is required.'] });
    expect((await checkBody(AmountBodyDto, { amount: '2.5' })).value!.amount).toBe(250n);
  });

  it.each([
    [{ status: 'nope' }, { status: ['Select a valid choice. nope is not one of the available choices.'] }],
    [{ status: '' }, {}],
    [{ status: 'active', page: '2' }, {}],
  ])('list query %j', async (query, errors) => {
    expect((await checkBody(GoalListQueryDto, query, 'query')).errors).toEqual(errors);
  });
});
