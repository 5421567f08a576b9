import { checkBody } from '../../common/validation/testing';
import { profilePatch, UpdateMeDto } from './users.dto';

const patch = (body: object) => checkBody(UpdateMeDto, body);

describe('UpdateMeDto', () => {
  it('reads a full body as the typed profile change', async () => {
    const { value, errors } = await patch({
      phone_number: '+998 90 123 45 67',
      language: 'uz',
      currency: 'USD',
      timezone: 'Europe/Moscow',
      daily_reminder: true,
      reminder_time: ' 20:30 ',
    });
    expect(errors).toEqual({});
    expect(profilePatch(value!)).toEqual({
      phone_number: '+998901234567',
      language: 'uz',
      currency: 'USD',
      timezone: 'Europe/Moscow',
      daily_reminder: true,
      reminder_time: '20:30',
    });
  });

  it.each([[null], ['']])('phone %j removes the number', async (phone_number) => {
    expect(profilePatch((await patch({ phone_number })).value!)).toEqual({ phone_number: null });
  });

  it('reports every field at once, in order', async () => {
    const { errors } = await patch({
      reminder_time: '25:00',
      daily_reminder: 'yes',
      timezone: 'Mars/Base',
      currency: 'usd',
      language: null,
      phone_number: 998,
    });
    expect(JSON.stringify(errors)).toBe(
      JSON.stringify({
        phone_number: ['Not a valid string.'],
        language: ['"null" is not a valid choice. Choose one of: ru, uz, en.'],
        currency: ['"usd" is not a valid choice. Choose one of: UZS, USD, RUB, EUR.'],
        timezone: ['Enter a valid IANA time zone, e.g. Asia/Tashkent.'],
        daily_reminder: ['Must be a valid boolean.'],
        reminder_time: ['Time has wrong format. Use HH:MM, e.g. 21:00.'],
      }),
    );
  });

  it.each([
    ['+1', 'Enter a valid international phone number, e.g. +998901234567.'],
    ['998901234567', 'Phone number must start with "+" and be in international format, e.g. +998901234567.'],
    ['   ', 'This field may not be blank.'],
  ])('refuses phone %j', async (phone_number, message) => {
    expect((await patch({ phone_number })).errors).toEqual({ phone_number: [message] });
  });

  it('an empty body changes nothing', async () => {
    expect(profilePatch((await patch({})).value!)).toEqual({});
  });
});
