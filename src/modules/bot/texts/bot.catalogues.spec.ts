/**
 * Every text catalogue of the bot has every key in every language (ru, uz Latin, en), with a non-empty value, and
 * the Uzbek and English texts carry no Cyrillic letters (a leftover Russian word would show). The TypeScript types
 * already refuse a missing key; this also catches empty strings, extra keys and wrong scripts.
 */
import { CATEGORY_NAMES } from '../../nlu/categories';
import { CATALOGUES } from './bot.texts';
import { currencyKeyboard, languageKeyboard, recordedKeyboard } from '../keyboards/bot.keyboards';
import { LANGUAGES } from '../../../common/text/languages';

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** A catalogue value as the user would see it: functions are called with placeholder arguments. */
function render(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function')
    return [String((value as (...a: string[]) => unknown)(...Array<string>(value.length).fill('7')))];
  if (Array.isArray(value)) return value.flatMap(render);
  if (value && typeof value === 'object') return Object.values(value).flatMap(render);
  return [];
}

/** Each catalogue as (key → value) per language; a plain per-language string is one key. */
function entries(catalogue: Record<string, unknown>, lang: string): Map<string, unknown> {
  const own = catalogue[lang];
  if (typeof own === 'string') return new Map([['text', own]]);
  if (Array.isArray(own))
    return new Map(
      own.map((v, i) => [
        typeof v === 'object' && v && 'command' in v ? String((v as { command: string }).command) : String(i),
        v,
      ]),
    );
  return new Map(Object.entries(own as Record<string, unknown>));
}

const names = Object.keys(CATALOGUES) as Array<keyof typeof CATALOGUES>;

describe('bot text catalogues', () => {
  it('covers the three languages', () => {
    expect([...LANGUAGES].sort()).toEqual(['en', 'ru', 'uz']);
  });

  describe.each(names)('%s', (name) => {
    const catalogue = CATALOGUES[name] as unknown as Record<string, unknown>;

    it('has exactly the three languages', () => {
      expect(Object.keys(catalogue).sort()).toEqual(['en', 'ru', 'uz']);
    });

    it.each(LANGUAGES)('%s has every key of ru, each non-empty', (lang) => {
      const ru = entries(catalogue, 'ru');
      const mine = entries(catalogue, lang);
      expect([...mine.keys()]).toEqual([...ru.keys()]);
      for (const [key, value] of mine) {
        const texts = render(value);
        expect({ key, texts }).toEqual({
          key,
          texts: expect.arrayContaining([expect.stringMatching(/\S/)]) as unknown,
        });
        for (const text of texts) expect({ key, text: text.trim().length > 0 }).toEqual({ key, text: true });
      }
    });

    it.each(['uz', 'en'] as const)('%s has no Cyrillic letters', (lang) => {
      for (const [key, value] of entries(catalogue, lang)) {
        for (const text of render(value))
          expect({ key, cyrillic: CYRILLIC.test(text) ? text : null }).toEqual({ key, cyrillic: null });
      }
    });
  });

  it('category names exist in every language, uz and en without Cyrillic', () => {
    for (const [key, byLang] of Object.entries(CATEGORY_NAMES)) {
      for (const lang of LANGUAGES)
        expect({ key, lang, name: byLang[lang]?.trim() || null }).toEqual({
          key,
          lang,
          name: expect.any(String) as unknown,
        });
      expect({ key, uz: CYRILLIC.test(byLang.uz), en: CYRILLIC.test(byLang.en) }).toEqual({
        key,
        uz: false,
        en: false,
      });
    }
  });

  it('the Uzbek and English buttons carry no Cyrillic (language names are each in their own language)', () => {
    for (const lang of ['uz', 'en'] as const) {
      const labels = [
        ...recordedKeyboard(lang, 1n).inline_keyboard.flat(),
        ...currencyKeyboard('UZS').inline_keyboard.flat(),
      ].map((b) => b.text);
      expect(labels.filter((l) => CYRILLIC.test(l))).toEqual([]);
    }
    expect(
      languageKeyboard('uz')
        .inline_keyboard.flat()
        .map((b) => b.text),
    ).toEqual(['🇷🇺 Русский', '✅ 🇺🇿 Oʻzbekcha', '🇬🇧 English']);
  });

  it('the command menu has the same commands, in the same order, in every language, /language and /currency included', () => {
    const commands = (lang: 'ru' | 'uz' | 'en') => CATALOGUES.commands[lang].map((c) => c.command);
    expect(commands('ru')).toEqual([
      'start',
      'help',
      'balance',
      'phone',
      'login',
      'cancel',
      'language',
      'currency',
    ]);
    expect(commands('uz')).toEqual(commands('ru'));
    expect(commands('en')).toEqual(commands('ru'));
  });
});
