/**
 * Uzbek (Latin) spelling in every text a user reads — the bot's catalogues, statistics, goals, debts, voice,
 * reminders, the command menu, the Mini App (web/src/i18n.ts): oʻ and gʻ take ʻ (U+02BB), the tutuq belgisi
 * (maʼlumot, eʼlon) takes ʼ (U+02BC), and no ASCII apostrophe, backtick or typographic quote stands in for either
 * (docs/bot-texts.md). The parser reads every form on input; this is about what the bot writes.
 */
import { TEXTS as WEB_TEXTS } from '../../../../web/src/i18n';
import { debtTexts } from '../../debts/debts.texts';
import { goalTexts } from '../../goals/goals.texts';
import { REMINDER_TEXTS } from '../../notifications/reminders.texts';
import { STATS_TEXTS } from '../../stats/stats.texts';
import { menuCommands } from './bot.menu';
import { CATEGORY_NAMES } from '../../nlu';
import { LEARNED_TEXTS } from '../../categories/learned.texts';
import { ASIDE_TEXTS } from './asides.texts';
import { CATALOGUES } from './bot.texts';
import { CARD_TEXTS } from './card-notifications.texts';
import { EDIT_CATALOGUE } from './edits.texts';
import { FAMILY_TEXTS } from './family.texts';
import { HOUSEHOLD_NEWS_TEXTS } from '../../notifications/household-news.texts';
import { miniAppTexts } from './mini-app.texts';
import { groupTexts } from './group.texts';
import { VOICE_TEXTS } from './voice.texts';

/** Every string in a catalogue value; functions are called with placeholder arguments. */
function render(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function')
    return render(
      (value as (...a: string[]) => unknown)(...Array<string>(Math.max(value.length, 2)).fill('7')),
    );
  if (Array.isArray(value)) return value.flatMap(render);
  if (value && typeof value === 'object') return Object.values(value).flatMap(render);
  return [];
}

const UZ_CATALOGUES: Record<string, unknown> = {
  ...Object.fromEntries(
    Object.entries(CATALOGUES).map(([name, catalogue]) => [
      `bot.texts ${name}`,
      (catalogue as Record<string, unknown>).uz,
    ]),
  ),
  'stats.texts': STATS_TEXTS.uz,
  'goals.texts': goalTexts('uz'),
  'debts.texts': debtTexts('uz'),
  'voice.texts': VOICE_TEXTS.uz,
  'reminders.texts': REMINDER_TEXTS.uz,
  'mini-app.texts': miniAppTexts('uz'),
  'bot.menu': menuCommands('uz'),
  'web/src/i18n.ts': WEB_TEXTS.uz,
  'nlu categories': Object.values(CATEGORY_NAMES).map((names) => names.uz),
  'asides.texts': ASIDE_TEXTS.uz,
  'card-notifications.texts': CARD_TEXTS.uz,
  'edits.texts': EDIT_CATALOGUE.uz,
  'learned.texts': LEARNED_TEXTS.uz,
  'group.texts': groupTexts('uz'),
  'family.texts': FAMILY_TEXTS.uz,
  'household-news.texts': HOUSEHOLD_NEWS_TEXTS.uz,
};

/** What is wrong with the apostrophes of one text (empty: nothing). */
export function apostropheProblems(text: string): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(/['`\u2018\u2019]/g))
    problems.push(
      `${JSON.stringify(m[0])} at ${m.index}: …${text.slice(Math.max(0, m.index - 8), m.index + 8)}…`,
    );
  for (const m of text.matchAll(/(?<![oOgG])\u02BB/g))
    problems.push(`ʻ not after o or g at ${m.index}: …${text.slice(Math.max(0, m.index - 8), m.index + 8)}…`);
  for (const m of text.matchAll(/\u02BC(?!\p{L})|(?<!\p{L})\u02BC/gu))
    problems.push(`ʼ not between letters at ${m.index}`);
  return problems;
}

describe('Uzbek texts use ʻ in oʻ/gʻ and ʼ for the tutuq belgisi', () => {
  it.each([
    ['Oʻzbekcha yoʻq, jamgʻarma, maʼlumot, eʼlon', []],
    ["yo'q", ['"\'" at 2: …yo\'q…']],
    ['yo‘q', ['"‘" at 2: …yo‘q…']],
    ['yo’q', ['"’" at 2: …yo’q…']],
    ['yo`q', ['"`" at 2: …yo`q…']],
    ['maʻlumot', ['ʻ not after o or g at 2: …maʻlumot…']],
    ['ʼlon', ['ʼ not between letters at 0']],
  ])('the check itself: %j', (text, problems) => {
    expect(apostropheProblems(text)).toEqual(problems);
  });

  it.each(Object.keys(UZ_CATALOGUES))('%s', (name) => {
    const texts = render(UZ_CATALOGUES[name]);
    expect(texts.length).toBeGreaterThan(0);
    const bad = texts
      .map((text) => ({ text, problems: apostropheProblems(text) }))
      .filter((t) => t.problems.length);
    expect(bad).toEqual([]);
  });
});
