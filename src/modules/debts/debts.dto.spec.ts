import { checkBody } from '../../common/validation/testing';
import { DebtBodyDto, debtChanges, DebtListQueryDto, DebtPatchDto } from './debts.dto';

describe('DebtBodyDto', () => {
  it('reads a full body', async () => {
    const { value, errors } = await checkBody(DebtBodyDto, {
      direction: 'lent',
      counterparty: ' Алишер ',
      amount: '200',
      currency: 'usd',
      due_date: '',
      description: null,
      status: 'open',
    });
    expect(errors).toEqual({});
    expect(debtChanges(value!)).toEqual({
      direction: 'lent',
      counterparty: 'Алишер',
      amountMinor: 20_000n,
      currency: 'USD',
      dueDate: null,
      description: '',
      status: 'open',
    });
  });

  it('reports every field at once, in order', async () => {
    const { errors } = await checkBody(DebtBodyDto, { status: null, description: 5, direction: null });
    expect(JSON.stringify(errors)).toBe(
      JSON.stringify({
        direction: ['"null" is not a valid choice.'],
        counterparty: ['This field is required.'],
        amount: ['This field is required.'],
        description: ['Not a valid string.'],
        status: ['This field may not be null.'],
      }),
    );
  });

  it('PATCH: nothing required, the rules stay', async () => {
    expect((await checkBody(DebtPatchDto, {})).errors).toEqual({});
    expect((await checkBody(DebtPatchDto, { direction: 'given' })).errors).toEqual({
      direction: ['"given" is not a valid choice.'],
    });
  });

  it('list query: every bad filter at once', async () => {
    expect((await checkBody(DebtListQueryDto, { direction: 'x', status: 'y' }, 'query')).errors).toEqual({
      status: ['Select a valid choice. y is not one of the available choices.'],
      direction: ['Select a valid choice. x is not one of the available choices.'],
    });
  });
});
