import type { HouseholdEvent } from '../households/households.events';
import { householdNewsText } from './household-news.texts';

const base = { householdName: 'Oila', subjectName: 'Aziza', recipients: ['u2', 'u3'] };

describe('what household members are told', () => {
  it.each<[HouseholdEvent, string, string]>([
    [{ ...base, kind: 'joined' }, 'u2', '👋 Aziza присоединяется к семье «Oila».'],
    [{ ...base, kind: 'left' }, 'u2', '🚪 Aziza выходит из семьи «Oila».'],
    [
      { ...base, kind: 'left', newOwnerName: 'Bobur', subjectId: 'u2' },
      'u3',
      '🚪 Aziza выходит из семьи «Oila».\nТеперь владелец — Bobur.',
    ],
    [
      { ...base, kind: 'erased', newOwnerName: 'Bobur', subjectId: 'u2' },
      'u2',
      '🚪 Aziza удаляет свои данные и выходит из семьи «Oila».\nТеперь владелец — вы. Управление: /family',
    ],
    [
      { ...base, kind: 'removed', subjectId: 'u2' },
      'u2',
      '🚪 Владелец исключил вас из семьи «Oila». Ваши личные записи остаются с вами.',
    ],
    [
      { ...base, kind: 'removed', subjectId: 'u2' },
      'u3',
      '🚪 Aziza больше не в семье «Oila»: владелец исключил участника.',
    ],
    [{ ...base, kind: 'transferred', subjectId: 'u2' }, 'u3', '👑 Aziza теперь владелец семьи «Oila».'],
  ])('%#: ru', (event, recipient, text) => {
    expect(householdNewsText('ru', event, recipient)).toBe(text);
  });

  it('speaks the recipient’s language', () => {
    const event: HouseholdEvent = { ...base, kind: 'dissolved' };
    expect(householdNewsText('uz', event, 'u2')).toBe(
      '🏠 Aziza «Oila» oilasini tarqatib yubordi. Shaxsiy yozuvlaringiz oʻzingizda qoladi.',
    );
    expect(householdNewsText('en', event, 'u2')).toBe(
      '🏠 Aziza dissolved the family “Oila”. Your personal records stay with you.',
    );
  });
});
