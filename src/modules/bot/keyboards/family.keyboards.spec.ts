import { familyCardText } from '../texts/family.texts';
import { decodeFamily } from './callback-data';
import { confirmKeyboard, familyKeyboard, joinKeyboard, MEMBER_BUTTONS_MAX } from './family.keyboards';

type Markup = { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> };
const datas = (m: Markup) => m.inline_keyboard.map((row) => row.map((b) => b.callback_data));
const B = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('the household card', () => {
  it('a member sees the toggle, the notification and leave; an owner also invite, rename, per-member and dissolve', () => {
    const member = familyKeyboard('en', {
      isOwner: false,
      others: [],
      recordsToHousehold: true,
      notifyOn: true,
    });
    expect(datas(member as Markup)).toEqual([['hf:w:0'], ['hf:o', 'hf:o:0'], ['hf:l']]);
    const owner = familyKeyboard('en', {
      isOwner: true,
      others: [{ userId: B, firstName: 'Bobur' }],
      recordsToHousehold: false,
      notifyOn: false,
    });
    expect((owner as Markup).inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([
      ['🔗 Invite', '✏️ Rename'],
      ['➖ Remove Bobur', '👑 Hand over to Bobur'],
      ['Record to the family by default: off'],
      ['🔔 Notify me of expenses over…'],
      ['🚪 Leave the family', '🗑 Dissolve the family'],
    ]);
    for (const row of (owner as Markup).inline_keyboard)
      for (const b of row) expect(decodeFamily(b.callback_data)).not.toBeNull();
  });

  it('caps the per-member buttons and clips long names', () => {
    const others = Array.from({ length: MEMBER_BUTTONS_MAX + 5 }, (_, i) => ({
      userId: B.replace(/e$/, String(i % 10)),
      firstName: 'N'.repeat(60),
    }));
    const k = familyKeyboard('ru', {
      isOwner: true,
      others,
      recordsToHousehold: false,
      notifyOn: false,
    }) as Markup;
    expect(k.inline_keyboard).toHaveLength(MEMBER_BUTTONS_MAX + 4);
    expect(k.inline_keyboard[1][0].text.length).toBeLessThanOrEqual(40);
  });

  it('confirmations go back to the card; the invitation has one Join button', () => {
    expect(datas(confirmKeyboard('uz', 'Ha', { kind: 'leave', confirmed: true }) as Markup)).toEqual([
      ['hf:L', 'hf:v'],
    ]);
    expect(datas(joinKeyboard('en', 'x'.repeat(43)) as Markup)).toEqual([[`hf:j:${'x'.repeat(43)}`]]);
  });

  it('draws the card with the owner marked and the reader’s settings', () => {
    expect(
      familyCardText('en', {
        name: 'Home',
        currency: 'USD',
        members: [
          { firstName: 'Ann', role: 'owner' },
          { firstName: 'Bob', role: 'member' },
        ],
        recordsToHousehold: true,
        notifyOverMinor: 5_000n,
      }),
    ).toBe(
      [
        '🏠 Family “Home” · USD',
        '',
        'Members:',
        '👑 Ann — owner',
        '• Bob',
        '',
        'Your records by default: to the family',
        'Tell me of family expenses over 50.00 USD',
      ].join('\n'),
    );
  });
});
