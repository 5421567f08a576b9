/**
 * The planned payment's reminder is sent by notifications/ with its own two buttons; the bot must read their
 * callback_data as its own `planned` record / skip presses (keyboards/callback-data.ts).
 */
import { plannedReminderKeyboard } from '../../notifications/reminder-buttons';
import { decodeCallback, encodeCallback } from './callback-data';

describe("the reminder's buttons", () => {
  it.each(['ru', 'uz', 'en'] as const)('are read by the codec as record and skip (%s)', (lang) => {
    const [[record, skip]] = plannedReminderKeyboard(lang, 9_007_199_254_740_993n).inline_keyboard;
    expect(decodeCallback(record.callback_data)).toEqual({
      kind: 'planned',
      updateId: 9_007_199_254_740_993n,
      step: 'record',
    });
    expect(decodeCallback(skip.callback_data)).toEqual({
      kind: 'planned',
      updateId: 9_007_199_254_740_993n,
      step: 'skip',
    });
  });

  it('carry the strings the codec itself writes for those steps', () => {
    const [[record, skip]] = plannedReminderKeyboard('ru', 77n).inline_keyboard;
    expect(record.callback_data).toBe(encodeCallback({ kind: 'planned', updateId: 77n, step: 'record' }));
    expect(skip.callback_data).toBe(encodeCallback({ kind: 'planned', updateId: 77n, step: 'skip' }));
  });
});
