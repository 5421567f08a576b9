import { checkBody } from '../../common/validation/testing';
import {
  HouseholdBodyDto,
  householdChanges,
  HouseholdPatchDto,
  JoinBodyDto,
  TransferBodyDto,
} from './households.dto';

describe('household bodies', () => {
  it('create: the name trimmed, the currency upper-cased', async () => {
    const { value, errors } = await checkBody(HouseholdBodyDto, { name: ' Oila ', currency: 'usd' });
    expect(errors).toEqual({});
    expect(householdChanges(value!)).toEqual({ name: 'Oila', currency: 'USD' });
  });

  it('create: every field error at once', async () => {
    expect((await checkBody(HouseholdBodyDto, { currency: 'x' })).errors).toEqual({
      name: ['This field is required.'],
      currency: ['"x" is not a valid choice.'],
    });
  });

  it.each([
    ['name', '  ', 'This field may not be blank.'],
    ['name', 'x'.repeat(101), 'Ensure this field has no more than 100 characters.'],
    ['name', null, 'This field may not be null.'],
    ['currency', null, 'This field may not be null.'],
  ])('refuses %s = %j', async (field, value, message) => {
    expect((await checkBody(HouseholdBodyDto, { name: 'Oila', [field]: value })).errors).toEqual({
      [field]: [message],
    });
  });

  it('PATCH: nothing required', async () => {
    expect((await checkBody(HouseholdPatchDto, {})).errors).toEqual({});
    expect((await checkBody(HouseholdPatchDto, { currency: 'eur' })).value!.currency).toBe('EUR');
  });

  it('join and transfer need their field', async () => {
    expect((await checkBody(JoinBodyDto, {})).errors).toEqual({ token: ['This field is required.'] });
    expect((await checkBody(TransferBodyDto, {})).errors).toEqual({ user_id: ['This field is required.'] });
  });
});
