/**
 * What the bot says about categories and the words it learned from corrections (/categories, the remove buttons,
 * the note after a correction), per language (ru, uz Latin, en), and the pure formatter of the /categories answer.
 * A missing translation fails the type check (Record<Language, …>).
 */
import type { Language } from '../../config/app-config';
import type { TransactionType } from '../nlu/nlu.types';

const L = {
  ru: {
    menu: 'Категории и запомненные слова',
    title: '🏷 Ваши категории',
    ownTitle: 'Свои категории:',
    noOwn: 'Своих категорий пока нет — их можно добавить в приложении: /app',
    learnedTitle: '🧠 Запомненные слова — их категорию я ставлю первой:',
    noLearned: '🧠 Запомненных слов пока нет. Поменяйте категорию записи кнопкой 🏷 — и я запомню её слово.',
    removeHint: 'Нажмите ✖ под словом, чтобы я его забыл.',
    more: (n: number) => `…и ещё ${n}: уберите лишние, чтобы увидеть остальные.`,
    removeButton: (n: number, word: string) => `✖ ${n}. ${word}`,
    learned: (word: string) => `🧠 Запомнил: «${word}» теперь сюда (забыть — /categories)`,
    forgotten: (word: string) => `🗑 Забыл «${word}»`,
    gone: '⚠️ Этого слова уже нет в списке.',
  },
  uz: {
    menu: 'Kategoriyalar va eslab qolingan soʻzlar',
    title: '🏷 Kategoriyalaringiz',
    ownTitle: 'Oʻz kategoriyalaringiz:',
    noOwn: 'Oʻz kategoriyalaringiz hali yoʻq — ularni ilovada qoʻshish mumkin: /app',
    learnedTitle: '🧠 Eslab qolingan soʻzlar — ularning kategoriyasini birinchi qoʻyaman:',
    noLearned:
      '🧠 Hali eslab qolingan soʻzlar yoʻq. Yozuv kategoriyasini 🏷 tugmasi bilan oʻzgartiring — soʻzini eslab qolaman.',
    removeHint: 'Soʻzni unutishim uchun uning ✖ tugmasini bosing.',
    more: (n: number) => `…yana ${n} ta: qolganlarini koʻrish uchun keraksizlarini olib tashlang.`,
    removeButton: (n: number, word: string) => `✖ ${n}. ${word}`,
    learned: (word: string) => `🧠 Eslab qoldim: «${word}» endi shu yerga (unutish — /categories)`,
    forgotten: (word: string) => `🗑 «${word}» unutildi`,
    gone: '⚠️ Bu soʻz roʻyxatda endi yoʻq.',
  },
  en: {
    menu: 'Categories and learned words',
    title: '🏷 Your categories',
    ownTitle: 'Your own categories:',
    noOwn: 'No categories of your own yet — you can add them in the app: /app',
    learnedTitle: '🧠 Learned words — I put their category first:',
    noLearned:
      '🧠 No learned words yet. Change a record’s category with the 🏷 button and I’ll remember its word.',
    removeHint: 'Tap ✖ under a word to make me forget it.',
    more: (n: number) => `…and ${n} more: remove some to see the rest.`,
    removeButton: (n: number, word: string) => `✖ ${n}. ${word}`,
    learned: (word: string) => `🧠 Learned: “${word}” goes here from now on (to forget: /categories)`,
    forgotten: (word: string) => `🗑 Forgot “${word}”`,
    gone: '⚠️ That word is no longer on the list.',
  },
} satisfies Record<Language, Record<string, unknown>>;

export const LEARNED_TEXTS: Record<Language, typeof L.ru> = L;

export const learnedTexts = (lang: Language): typeof L.ru => LEARNED_TEXTS[lang];

/**
 * How many learned words /categories lists (each with a button). With words and names cut at NAME_SHOWN and each
 * type's own categories at OWN_SHOWN characters, the text stays within Telegram's 4096.
 */
export const LEARNED_SHOWN = 25;
const NAME_SHOWN = 32;
const OWN_SHOWN = 800;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export interface LearnedView {
  keyword: string;
  type: TransactionType;
  categoryName: string;
}

export interface OwnCategoryView {
  type: TransactionType;
  name: string;
}

const typeEmoji = (type: TransactionType): string => (type === 'income' ? '💰' : '💸');

/**
 * The /categories answer: the user's own categories by type, then the learned words numbered as their ✖ buttons
 * ("1. obed → Кафе и рестораны"), at most LEARNED_SHOWN of them.
 */
export function categoriesText(
  lang: Language,
  own: readonly OwnCategoryView[],
  learned: readonly LearnedView[],
): string {
  const t = LEARNED_TEXTS[lang];
  const lines = [t.title, ''];
  if (!own.length) lines.push(t.noOwn);
  else {
    lines.push(t.ownTitle);
    for (const type of ['expense', 'income'] as const) {
      const names = own.filter((c) => c.type === type).map((c) => c.name);
      if (names.length) lines.push(clip(`${typeEmoji(type)} ${names.join(' · ')}`, OWN_SHOWN));
    }
  }
  lines.push('');
  if (!learned.length) {
    lines.push(t.noLearned);
    return lines.join('\n');
  }
  lines.push(t.learnedTitle);
  learned
    .slice(0, LEARNED_SHOWN)
    .forEach((l, i) =>
      lines.push(
        `${i + 1}. ${typeEmoji(l.type)} ${clip(l.keyword, NAME_SHOWN)} → ${clip(l.categoryName, NAME_SHOWN)}`,
      ),
    );
  if (learned.length > LEARNED_SHOWN) lines.push(t.more(learned.length - LEARNED_SHOWN));
  lines.push('', t.removeHint);
  return lines.join('\n');
}
