/**
 * What household members are told when someone joins, leaves, is removed, erases their data, when ownership moves and
 * when the household is dissolved (docs/households.md, "Bot"). Names and the household's name only: never an amount
 * or a record. Per language (ru, uz Latin, en); pure.
 */
import type { Language } from '../../config/app-config';
import type { HouseholdEvent } from '../households/households.events';

interface NewsTexts {
  joined: (name: string, household: string) => string;
  left: (name: string, household: string) => string;
  removed: (name: string, household: string) => string;
  /** To the removed member themselves. */
  youRemoved: (household: string) => string;
  erased: (name: string, household: string) => string;
  /** Added when ownership passed to someone else. */
  newOwner: (name: string) => string;
  /** Added for the member who now owns the household. */
  youOwner: string;
  transferred: (name: string, household: string) => string;
  youTransferred: (household: string) => string;
  dissolved: (name: string, household: string) => string;
}

export const HOUSEHOLD_NEWS_TEXTS: Record<Language, NewsTexts> = {
  ru: {
    joined: (n, h) => `👋 ${n} присоединяется к семье «${h}».`,
    left: (n, h) => `🚪 ${n} выходит из семьи «${h}».`,
    removed: (n, h) => `🚪 ${n} больше не в семье «${h}»: владелец исключил участника.`,
    youRemoved: (h) => `🚪 Владелец исключил вас из семьи «${h}». Ваши личные записи остаются с вами.`,
    erased: (n, h) => `🚪 ${n} удаляет свои данные и выходит из семьи «${h}».`,
    newOwner: (n) => `Теперь владелец — ${n}.`,
    youOwner: 'Теперь владелец — вы. Управление: /family',
    transferred: (n, h) => `👑 ${n} теперь владелец семьи «${h}».`,
    youTransferred: (h) => `👑 Теперь вы владелец семьи «${h}». Управление: /family`,
    dissolved: (n, h) => `🏠 ${n} распускает семью «${h}». Ваши личные записи остаются с вами.`,
  },
  uz: {
    joined: (n, h) => `👋 ${n} «${h}» oilasiga qoʻshildi.`,
    left: (n, h) => `🚪 ${n} «${h}» oilasidan chiqdi.`,
    removed: (n, h) => `🚪 ${n} endi «${h}» oilasida emas: egasi uni chiqarib yubordi.`,
    youRemoved: (h) =>
      `🚪 Egasi sizni «${h}» oilasidan chiqarib yubordi. Shaxsiy yozuvlaringiz oʻzingizda qoladi.`,
    erased: (n, h) => `🚪 ${n} maʼlumotlarini oʻchirdi va «${h}» oilasidan chiqdi.`,
    newOwner: (n) => `Endi egasi — ${n}.`,
    youOwner: 'Endi egasi — siz. Boshqarish: /family',
    transferred: (n, h) => `👑 ${n} endi «${h}» oilasining egasi.`,
    youTransferred: (h) => `👑 Endi siz «${h}» oilasining egasisiz. Boshqarish: /family`,
    dissolved: (n, h) => `🏠 ${n} «${h}» oilasini tarqatib yubordi. Shaxsiy yozuvlaringiz oʻzingizda qoladi.`,
  },
  en: {
    joined: (n, h) => `👋 ${n} joined the family “${h}”.`,
    left: (n, h) => `🚪 ${n} left the family “${h}”.`,
    removed: (n, h) => `🚪 ${n} is no longer in the family “${h}”: the owner removed them.`,
    youRemoved: (h) =>
      `🚪 The owner removed you from the family “${h}”. Your personal records stay with you.`,
    erased: (n, h) => `🚪 ${n} deleted their data and left the family “${h}”.`,
    newOwner: (n) => `${n} is now the owner.`,
    youOwner: 'You are now the owner. Manage it: /family',
    transferred: (n, h) => `👑 ${n} is now the owner of the family “${h}”.`,
    youTransferred: (h) => `👑 You are now the owner of the family “${h}”. Manage it: /family`,
    dissolved: (n, h) => `🏠 ${n} dissolved the family “${h}”. Your personal records stay with you.`,
  },
};

/** The message one recipient gets about `event`, in their language. */
export function householdNewsText(lang: Language, event: HouseholdEvent, recipientId: string): string {
  const t = HOUSEHOLD_NEWS_TEXTS[lang];
  const h = event.householdName;
  const n = event.subjectName;
  const isSubject = event.subjectId === recipientId;
  switch (event.kind) {
    case 'joined':
      return t.joined(n, h);
    case 'removed':
      return isSubject ? t.youRemoved(h) : t.removed(n, h);
    case 'transferred':
      return isSubject ? t.youTransferred(h) : t.transferred(n, h);
    case 'dissolved':
      return t.dissolved(n, h);
    case 'left':
    case 'erased': {
      const first = event.kind === 'left' ? t.left(n, h) : t.erased(n, h);
      if (!event.newOwnerName) return first;
      return `${first}\n${isSubject ? t.youOwner : t.newOwner(event.newOwnerName)}`;
    }
  }
}
