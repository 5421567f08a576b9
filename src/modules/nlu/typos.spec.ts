/**
 * Reading unknown words — Russian typed in Latin letters and typos — helps only where no lexicon knows a word.
 * Measured here: on every phrase table written before it (the independent evaluation set and the original
 * implementation's corpus) it changes no parse at all, and on the words people mistype it finds the meant word.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adjacentKeys, isTypo } from './fuzzy';
import { analyze, setUnknownWordReading } from './lexicon';
import { fold } from './normalize';
import { parsePhraseOrThrow, toParseJson } from './parser';
import { latinToCyrillic } from './translit';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'nlu');
interface Line {
  text: string;
  expect?: {
    intent?: string;
    items?: Array<{ type: string; amount: string | number | null; currency: string; category?: string }>;
  };
}
const lines: Line[] = ['evaluation_phrases.jsonl', 'original_phrases.jsonl'].flatMap((file) =>
  readFileSync(join(FIXTURES, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Line),
);
const OPTS = { defaultCurrency: 'UZS' as const, now: new Date('2026-11-29T10:00:00+05:00') };
const parseAll = () => lines.map((l) => toParseJson(parsePhraseOrThrow(l.text, OPTS)));

/** The independent evaluation set's judgement of a parse (type, amount, currency, category of every item). */
function meetsExpectation(line: Line, got: ReturnType<typeof toParseJson>): boolean {
  const want = line.expect?.items;
  if (line.expect?.intent !== 'transaction' || want === undefined || want.length !== got.items.length)
    return false;
  return want.every((w, i) => {
    const g = got.items[i];
    return (
      g.type === w.type &&
      Number(g.amount) === Number(w.amount) &&
      g.currency === w.currency &&
      (w.category === undefined || g.category === w.category)
    );
  });
}

describe('reading unknown words adds no false positives', () => {
  afterAll(() => setUnknownWordReading(true));

  it('on the tables written before it, every parse it changes is one it mends', () => {
    setUnknownWordReading(false);
    const without = parseAll();
    setUnknownWordReading(true);
    const withReading = parseAll();
    expect(lines.length).toBeGreaterThan(400);
    const changed = lines.filter((_, i) => JSON.stringify(without[i]) !== JSON.stringify(withReading[i]));
    const broken = changed.filter(
      (l) =>
        !meetsExpectation(l, withReading[lines.indexOf(l)]) || meetsExpectation(l, without[lines.indexOf(l)]),
    );
    expect(broken.map((l) => l.text)).toEqual([]);
    expect(changed.length).toBeLessThanOrEqual(5); // the typos those tables happen to hold ("прдукты 45000")
  });
});

describe('typos people make', () => {
  it.each([
    ['tkasi', 'taksi'],
    ['lnuch', 'lunch'],
    ['salray', 'salary'],
    ['spnet', 'spent'],
    ['таксм', 'такси'],
    ['обеж', 'обед'],
    ['апткеа', 'аптека'],
    ['комуналка', 'коммуналка'],
    ['oylk', 'oylik'],
    ['benizn', 'benzin'],
    ['resturant', 'restaurant'],
    ['интернтга', 'интернетга'],
  ])('%s → %s', (typed, meant) => {
    expect(analyze(fold(typed)).readAs).toBe(meant);
  });

  it.each([
    'дела', // как дела — not "дала"
    'отдам', // a future form, not "отдал"
    'долг',
    'save', // not "sale"
    'boraman', // "I go", not "beraman"
    'qanaqa',
    'завтра', // not "завтрак"
    'коплю', // not "куплю"
  ])('a real word stays itself: %s', (word) => {
    expect(analyze(fold(word)).readAs).toBeUndefined();
  });

  it.each<[string, string, boolean, boolean]>([
    ['tkasi', 'taksi', true, true], // neighbours swapped
    ['таксм', 'такси', true, true], // the key next to it
    ['таксл', 'такси', true, false], // a key far away
    ['oylk', 'oylik', true, true], // a letter missed inside
    ['отдам', 'отдал', true, false], // the last letter: another form of the word
    ['завтра', 'завтрак', true, false], // missed at the end
    ['kaxi', 'taxi', true, false], // never the first letter
  ])('isTypo(%s, %s)', (typed, key, atEnd, want) => {
    expect(isTypo(typed, key, atEnd)).toBe(want);
  });

  it('keyboard neighbours', () => {
    expect(adjacentKeys('и', 'м')).toBe(true);
    expect(adjacentKeys('д', 'ж')).toBe(true);
    expect(adjacentKeys('q', 'w')).toBe(true);
    expect(adjacentKeys('a', 'z')).toBe(true);
    expect(adjacentKeys('м', 'л')).toBe(false);
    expect(adjacentKeys('a', 'м')).toBe(false); // different alphabets
  });
});

describe('Russian typed in Latin letters', () => {
  it.each([
    ['potratil', 'потратил'],
    ['tysyach', 'тысяч'],
    ['vchera', 'вчера'],
    ['produkty', 'продукты'],
    ['angliyskomu', 'английскому'],
    ['zhena', 'жена'],
    ['shchi', 'щи'],
    ["skol'ko", 'сколько'],
    ['eto', 'это'],
  ])('%s → %s', (latin, cyrillic) => {
    expect(latinToCyrillic(latin)[0]).toBe(cyrillic);
  });

  it('offers the soft sign people leave out', () => {
    expect(latinToCyrillic('skolko')).toEqual(['сколко', 'ськолко', 'сколько']);
    expect(latinToCyrillic('taksi')).toEqual(['такси']);
    expect(latinToCyrillic('сум')).toEqual([]);
  });

  it('is used only when the Cyrillic reading is a Russian word the lexicon knows', () => {
    expect(analyze('potratil').readAs).toBe('потратил');
    expect(analyze('kvartiru').readAs).toBe('квартиру');
    expect(analyze('qanaqa').readAs).toBeUndefined();
  });
});
