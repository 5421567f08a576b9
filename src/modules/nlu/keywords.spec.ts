import { keywordOf, keywordsOf, matchKeyword, sameKeyword } from './keywords';

describe('keywordOf: the key word of a description', () => {
  it.each<[string, string | null]>([
    ['obed', 'obed'],
    ['Обед', 'обед'],
    ['за обед 60 тыс', 'обед'],
    ['обеда', 'обеда'],
    ['taksiga 20 ming berdim', 'taksiga'],
    ['купил хлеб', 'хлеб'],
    ['получил зарплату', 'зарплату'],
    ['Lunch with team', 'lunch'],
    ['оплата интернета', 'интернета'],
    ['вчера в кафе', 'кафе'],
    ['kecha kafeda', 'kafeda'],
    ["sovg'aga", 'sovgaga'],
    ['Ёлка', 'елка'],
    ['тўй учун', 'туй'],
    ['хлеб, молоко', 'хлеб'],
    ['50000', null],
    ['50 ming so‘m', null],
    ['и на за', null],
    ['', null],
    ['   ', null],
    ['$15', null],
  ])('%j → %j', (description, keyword) => {
    expect(keywordOf(description)).toBe(keyword);
  });

  it('lists every content word once, in order', () => {
    expect(keywordsOf('обед и кофе, обед')).toEqual(['обед', 'кофе']);
  });

  it.each([null, undefined, 42, {}])('never throws on %p', (value) => {
    expect(keywordsOf(value as unknown as string)).toEqual([]);
    expect(matchKeyword(value as unknown as string, ['obed'])).toBe(-1);
  });
});

describe('sameKeyword: one word, or the same word with an ending', () => {
  it.each<[string, string]>([
    ['obed', 'obed'],
    ['обед', 'обеда'],
    ['обеда', 'обеду'],
    ['обед', 'обедом'],
    ['обед', 'обеды'],
    ['мясо', 'мяса'],
    ['зарплата', 'зарплату'],
    ['связь', 'связи'],
    ['дорога', 'дороги'],
    ['творог', 'творога'],
    ['taksi', 'taksiga'],
    ['kafe', 'kafeda'],
    ['non', 'nonni'],
    ['sovga', 'sovgaga'],
    ['karta', 'kartaga'],
    ['karta', 'kartalarga'],
    ['такси', 'таксига'],
    ['obed', 'obeda'],
    ['produkt', 'produkty'],
    ['taxi', 'taxis'],
    ['lunch', 'lunches'],
  ])('%s ~ %s', (a, b) => {
    expect(sameKeyword(a, b)).toBe(true);
    expect(sameKeyword(b, a)).toBe(true);
  });

  it.each<[string, string]>([
    ['obed', 'obedient'],
    ['obed', 'obe'],
    ['кофе', 'кофемашина'],
    ['кофе', 'кафе'],
    ['кафе', 'кафедра'],
    ['обед', 'обедать'],
    ['такси', 'таксист'],
    ['taksi', 'taksist'],
    ['non', 'nonvoy'],
    ['газ', 'газета'],
    ['uy', 'uyga'], // a stem must keep three letters
    ['бар', 'баранина'],
    ['lunch', 'launch'],
  ])('%s ≁ %s', (a, b) => {
    expect(sameKeyword(a, b)).toBe(false);
    expect(sameKeyword(b, a)).toBe(false);
  });
});

describe('matchKeyword: which learned word a description names', () => {
  it.each<[string, string[], number]>([
    ['obed', ['obed'], 0],
    ['за обед', ['обед'], 0],
    ['обеда', ['обед'], 0],
    ['taksiga', ['taksi'], 0],
    ['obedient', ['obed'], -1],
    ['кофе', ['обед', 'кафе'], -1],
    ['хлеб, молоко', ['молоко', 'хлеб'], 1], // the earliest word of the description decides
    ['обеда', ['обеду', 'обеда'], 1], // an exact match before an inflected one
    ['такси', [], -1],
    ['50000', ['50000'], -1],
  ])('%j in %j → %i', (description, keywords, index) => {
    expect(matchKeyword(description, keywords)).toBe(index);
  });
});
