/** Feature tables for the phrase parser: one `it.each` per feature, each row something a user would notice. */
import { categoryName } from './categories';
import { EXPENSE_CATEGORIES, INCOME_CATEGORIES, type ParseOptions } from './nlu.types';
import { parsePhrase, toParseJson } from './parser';

const NOW = new Date('2026-11-29T10:00:00+05:00'); // a Sunday in Tashkent
const OPTS: ParseOptions = { defaultCurrency: 'UZS', now: NOW };

function one(text: string, opts: ParseOptions = OPTS) {
  const json = toParseJson(parsePhrase(text, opts));
  expect(json.items).toHaveLength(1);
  return json.items[0];
}

describe('amount formats', () => {
  it.each([
    ['потратил 50000', '50000.00'],
    ['потратил 50 000', '50000.00'],
    ['потратил 1 500 000', '1500000.00'],
    ['потратил 50,000', '50000.00'],
    ['потратил 50.000', '50000.00'],
    ['потратил 1.500.000', '1500000.00'],
    ['потратил 12.50', '12.50'],
    ['потратил 99,90', '99.90'],
    ['потратил 100,5', '100.50'],
    ['потратил 1,234.56', '1234.56'],
    ['потратил 35к', '35000.00'],
    ['spent 25k', '25000.00'],
    ['spent 1.2k', '1200.00'],
    ['потратил 150 тыс', '150000.00'],
    ['потратил 150 тыс.', '150000.00'],
    ['потратил 2.5 тыс', '2500.00'],
    ['потратил 1.5 млн', '1500000.00'],
    ['потратил 7,2 млн', '7200000.00'],
    ['sarfladim 2 mln', '2000000.00'],
    ['50 ming sarfladim', '50000.00'],
    ['$15 spent', '15.00'],
    ['700$ потратил', '700.00'],
    ['€50 потратил', '50.00'],
    ['потратил 5 млрд', '5000000000.00'],
    ['5 mlrd sarfladim', '5000000000.00'],
    ['20 тысяч 500 за такси', '20500.00'],
    ['$1,250.75 rent', '1250.75'],
  ])('%s → %s', (text, amount) => {
    expect(one(text).amount).toBe(amount);
  });
});

describe('number words', () => {
  it.each([
    ['потратил пятьдесят тысяч', '50000.00'],
    ['заплатил тысячу', '1000.00'],
    ['получил двух тысяч', '2000.00'],
    ['получил полторы тысячи', '1500.00'],
    ['получил полтора миллиона', '1500000.00'],
    ['получил один миллион двести тысяч', '1200000.00'],
    ['получил двадцать пять тысяч пятьсот', '25500.00'],
    ['потратил сто', '100.00'],
    ['потратил триста', '300.00'],
    ['потратил две с половиной тысячи', '2500.00'],
    ['потратил полмиллиона', '500000.00'],
    ['потратил 5 миллионов', '5000000.00'],
    ['ellik ming sarfladim', '50000.00'],
    ['bir million ikki yuz ming oldim', '1200000.00'],
    ["o'n besh ming sarfladim", '15000.00'],
    ['yigirma ming sarfladim', '20000.00'],
    ['besh yuz sarfladim', '500.00'],
    ['yuz ellik ming sarfladim', '150000.00'],
    ['ikki yarim million oldim', '2500000.00'],
    ['20 ming sarfladim', '20000.00'],
    ['тўқсон минг тўладим', '90000.00'],
    ['эллик мингга нон олдим', '50000.00'],
    ['икки юз минг олдим', '200000.00'],
    ['spent fifty thousand', '50000.00'],
    ['spent one hundred twenty', '120.00'],
    ['spent a hundred and fifty', '150.00'],
    ['paid a thousand', '1000.00'],
    ['earned two and a half thousand', '2500.00'],
    ['earned half a million', '500000.00'],
    ['earned 1 million', '1000000.00'],
  ])('%s → %s', (text, amount) => {
    expect(one(text).amount).toBe(amount);
  });
});

describe('currencies', () => {
  it.each([
    ['10000 сум', 'UZS'],
    ['10000 сўм', 'UZS'],
    ["10000 so'm", 'UZS'],
    ['10000 som', 'UZS'],
    ['10000 sum', 'UZS'],
    ['10000 UZS', 'UZS'],
    ['10000 сумов', 'UZS'],
    ['10000 сума', 'UZS'],
    ['100 долларов', 'USD'],
    ['100 доллара', 'USD'],
    ['100 баксов', 'USD'],
    ['100$', 'USD'],
    ['$100', 'USD'],
    ['100 dollar', 'USD'],
    ['100 usd', 'USD'],
    ['200 рублей', 'RUB'],
    ['200 руб', 'RUB'],
    ['200₽', 'RUB'],
    ['200 rubl', 'RUB'],
    ['200 RUB', 'RUB'],
    ['50 евро', 'EUR'],
    ['50€', 'EUR'],
    ['50 yevro', 'EUR'],
    ['50 euro', 'EUR'],
    ['50 EUR', 'EUR'],
  ])('%s → %s', (text, currency) => {
    expect(one(text).currency).toBe(currency);
  });

  it('uses the default currency when none is named', () => {
    expect(one('потратил 50', { ...OPTS, defaultCurrency: 'USD' }).currency).toBe('USD');
  });

  it('carries a currency named once to the next amount of the same size', () => {
    const items = toParseJson(parsePhrase('spent 10 dollars on coffee and 30 on lunch', OPTS)).items;
    expect(items.map((i) => `${i.amount} ${i.currency}`)).toEqual(['10.00 USD', '30.00 USD']);
  });
});

describe('income vs expense', () => {
  it.each([
    ['потратил 1000', 'expense'],
    ['потратила 1000', 'expense'],
    ['потратили 1000', 'expense'],
    ['трачу 1000', 'expense'],
    ['заплатил 1000', 'expense'],
    ['купил 1000', 'expense'],
    ['купила 1000', 'expense'],
    ['отдал 1000', 'expense'],
    ['получил 1000', 'income'],
    ['получила 1000', 'income'],
    ['заработал 1000', 'income'],
    ['пришло 1000', 'income'],
    ['пришла зарплата 1000', 'income'],
    ['мне заплатили 1000', 'income'],
    ['мама дала 100 тысяч', 'income'],
    ['sarfladim 1000', 'expense'],
    ["to'ladim 1000", 'expense'],
    ['berdim 1000', 'expense'],
    ['sotib oldim 1000', 'expense'],
    ['xarid qildim 1000', 'expense'],
    ['1000 ketdi', 'expense'],
    ['1000 oldim', 'income'],
    ['1000 tushdi', 'income'],
    ['1000 ishlab topdim', 'income'],
    ['maosh oldim 1000', 'income'],
    ['non oldim 1000', 'expense'],
    ['spent 1000', 'expense'],
    ['paid 1000', 'expense'],
    ['bought 1000', 'expense'],
    ['gave 1000', 'expense'],
    ['got 1000', 'income'],
    ['received 1000', 'income'],
    ['earned 1000', 'income'],
    ['got paid 1000', 'income'],
    ['was paid 1000', 'income'],
    ['зарплата 5 млн', 'income'],
    ['такси 22000', 'expense'],
    ['+500000', 'income'],
  ])('%s → %s', (text, type) => {
    expect(one(text).type).toBe(type);
  });
});

describe('categories', () => {
  it.each([
    ['продукты 50000', 'groceries'],
    ['в магазине 50000', 'groceries'],
    ['молоко 8000', 'groceries'],
    ['хлеб 5000', 'groceries'],
    ['mahsulotlarga 50000', 'groceries'],
    ['такси 20000', 'transport'],
    ['taksi 20000', 'transport'],
    ['taxi 20000', 'transport'],
    ['бензин 200000', 'transport'],
    ['benzin 200000', 'transport'],
    ['metro 2000', 'transport'],
    ['автобус 2000', 'transport'],
    ['кафе 50000', 'cafe'],
    ['ресторан 50000', 'cafe'],
    ['обед 50000', 'cafe'],
    ['кофе 50000', 'cafe'],
    ['ovqat 50000', 'cafe'],
    ['tushlik 50000', 'cafe'],
    ['аренда 3 млн', 'housing'],
    ['ijara 3 mln', 'housing'],
    ['квартплата 500000', 'housing'],
    ['свет 70000', 'housing'],
    ['электричество 70000', 'housing'],
    ['газ 60000', 'housing'],
    ['вода 30000', 'housing'],
    ['kommunal 300000', 'housing'],
    ['телефон 50000', 'communication'],
    ['мобильная связь 50000', 'communication'],
    ['интернет 100000', 'communication'],
    ['aloqa 50000', 'communication'],
    ['аптека 40000', 'health'],
    ['лекарства 40000', 'health'],
    ['врач 200000', 'health'],
    ['dori 40000', 'health'],
    ['shifokor 100000', 'health'],
    ['одежда 300000', 'clothing'],
    ['обувь 300000', 'clothing'],
    ['kiyim 300000', 'clothing'],
    ['poyabzal 300000', 'clothing'],
    ['купил телефон 3 млн', 'shopping'],
    ['мебель 3 млн', 'shopping'],
    ['кино 60000', 'entertainment'],
    ['театр 60000', 'entertainment'],
    ['kino 60000', 'entertainment'],
    ["o'yin 60000", 'entertainment'],
    ['курсы 800000', 'education'],
    ['учеба 800000', 'education'],
    ["o'qish 800000", 'education'],
    ['kurs 800000', 'education'],
    ['репетитор 300000', 'education'],
    ['подарок 200000', 'gifts'],
    ["sovg'a 200000", 'gifts'],
    ['gift 20', 'gifts'],
    ['сигареты 20000', 'other'],
    ['зарплата 5000000', 'salary'],
    ['оклад 5000000', 'salary'],
    ['аванс 2000000', 'salary'],
    ['премия 1000000', 'salary'],
    ['бонус 1000000', 'salary'],
    ['maosh 5000000', 'salary'],
    ['oylik 5000000', 'salary'],
    ['salary 1500', 'salary'],
    ['bonus 500', 'salary'],
    ['фриланс 300$', 'freelance'],
    ['получил за заказ 300$', 'freelance'],
    ['freelance 300$', 'freelance'],
    ['loyihadan 300 dollar oldim', 'freelance'],
    ['продал машину 10 млн', 'business'],
    ['продажи 2 млн', 'business'],
    ['выручка 2 млн', 'business'],
    ['sotdim 2 mln', 'business'],
    ['savdodan 2 mln tushdi', 'business'],
    ['sold 100', 'business'],
    ['проценты 150000', 'investments'],
    ['дивиденды 150000', 'investments'],
    ['foiz 150000 tushdi', 'investments'],
    ['dividend 100', 'investments'],
    ['received interest 100', 'investments'],
    ['получил в подарок 100$', 'gifts'],
  ])('%s → %s', (text, category) => {
    expect(one(text).category).toBe(category);
  });

  it.each([...EXPENSE_CATEGORIES, ...INCOME_CATEGORIES])('%s has a name in ru, uz and en', (key) => {
    for (const lang of ['ru', 'uz', 'en'] as const) expect(categoryName(key, lang).length).toBeGreaterThan(2);
  });

  it('names groceries as the products category', () => {
    expect([
      categoryName('groceries', 'ru'),
      categoryName('groceries', 'uz'),
      categoryName('groceries', 'en'),
    ]).toEqual(['Продукты', 'Oziq-ovqat', 'Groceries']);
  });
});

describe('dates (now = Sunday 2026-11-29, Asia/Tashkent)', () => {
  it.each([
    ['потратил 1000', '2026-11-29'],
    ['сегодня потратил 1000', '2026-11-29'],
    ['вчера потратил 1000', '2026-11-28'],
    ['позавчера потратил 1000', '2026-11-27'],
    ['kecha 1000 sarfladim', '2026-11-28'],
    ['bugun 1000 sarfladim', '2026-11-29'],
    ["o'tgan kuni 1000 sarfladim", '2026-11-27'],
    ['avvalgi kuni 1000 sarfladim', '2026-11-27'],
    ['кеча 1000 сарфладим', '2026-11-28'],
    ['spent 1000 yesterday', '2026-11-28'],
    ['spent 1000 today', '2026-11-29'],
    ['spent 1000 the day before yesterday', '2026-11-27'],
    ['в понедельник потратил 1000', '2026-11-23'],
    ['в пятницу потратил 1000', '2026-11-27'],
    ['в воскресенье потратил 1000', '2026-11-29'],
    ['в прошлое воскресенье потратил 1000', '2026-11-22'],
    ['dushanba kuni 1000 sarfladim', '2026-11-23'],
    ['juma kuni 1000 sarfladim', '2026-11-27'],
    ['on monday spent 1000', '2026-11-23'],
    ['on saturday spent 1000', '2026-11-28'],
    ['3 дня назад потратил 1000', '2026-11-26'],
    ['три дня назад потратил 1000', '2026-11-26'],
    ['неделю назад потратил 1000', '2026-11-22'],
    ['3 kun oldin 1000 sarfladim', '2026-11-26'],
    ['spent 1000 3 days ago', '2026-11-26'],
    ['15 ноября заплатил 1000', '2026-11-15'],
  ])('%s → %s', (text, date) => {
    expect(one(text).date).toBe(date);
  });

  it('uses the local date in Tashkent, not UTC', () => {
    // 2026-11-29 20:30 UTC is already 30 November in Tashkent (UTC+5)
    const late = { ...OPTS, now: new Date('2026-11-29T20:30:00Z') };
    expect(one('потратил 1000', late).date).toBe('2026-11-30');
    expect(one('вчера потратил 1000', late).date).toBe('2026-11-29');
    expect(one('потратил 1000', { ...late, timeZone: 'UTC' }).date).toBe('2026-11-29');
  });
});

describe('intents', () => {
  it.each([
    ['какой у меня баланс', 'balance_query'],
    ['сколько денег осталось', 'balance_query'],
    ['Сколько у меня денег?', 'balance_query'],
    ['balansim qancha', 'balance_query'],
    ["what's my balance", 'balance_query'],
    ['сколько я потратил в этом месяце', 'stats_query'],
    ['статистика', 'stats_query'],
    ['bu oy qancha sarfladim', 'stats_query'],
    ['how much did I spend this week', 'stats_query'],
    ['отмени последнюю', 'undo'],
    ['удали последнюю запись', 'undo'],
    ['bekor qil', 'undo'],
    ['undo', 'undo'],
    ['привет', 'smalltalk'],
    ['спасибо', 'smalltalk'],
    ['как дела', 'smalltalk'],
    ['salom', 'smalltalk'],
    ['hello', 'smalltalk'],
    ['rahmat', 'smalltalk'],
    ['сегодня хорошая погода', 'unknown'],
    ['мне 25 лет', 'unknown'],
    ['создай категорию спорт', 'unknown'],
    ['', 'unknown'],
  ])('%s → %s', (text, intent) => {
    const r = parsePhrase(text, OPTS);
    expect(r.intent).toBe(intent);
    expect(r.items).toEqual([]);
  });

  it.each([
    ['переключи на узбекский', 'uz'],
    ["tilni o'zbekchaga o'zgartir", 'uz'],
    ['switch to english', 'en'],
    ['поменяй язык на русский', 'ru'],
    ['change language to russian', 'ru'],
  ])('%s → set_language %s', (text, language) => {
    const r = parsePhrase(text, OPTS);
    expect(r.intent).toBe('set_language');
    expect(r.setting).toEqual({ language });
  });

  it.each([
    ['валюта доллар', 'USD'],
    ['поменяй валюту на доллары', 'USD'],
    ['set currency to USD', 'USD'],
    ['set currency to euros', 'EUR'],
    ['сделай валютой рубли', 'RUB'],
    ["valyutani so'mga o'zgartir", 'UZS'],
  ])('%s → set_currency %s', (text, currency) => {
    const r = parsePhrase(text, OPTS);
    expect(r.intent).toBe('set_currency');
    expect(r.setting).toEqual({ currency });
  });

  it.each(['купил хлеб', "taksi uchun to'ladim", 'got paid'])(
    '%s → transaction without an amount',
    (text) => {
      const r = toParseJson(parsePhrase(text, OPTS));
      expect(r.intent).toBe('transaction');
      expect(r.items).toHaveLength(1);
      expect(r.items[0].amount).toBeNull();
    },
  );
});

describe('several items in one phrase, in spoken order', () => {
  it.each([
    [
      'купил хлеб за 5000 и молоко за 8000',
      ['expense 5000.00 groceries хлеб', 'expense 8000.00 groceries молоко'],
    ],
    [
      'taksiga 20 ming, ovqatga 50 ming berdim',
      ['expense 20000.00 transport taksi', 'expense 50000.00 cafe ovqat'],
    ],
    ['spent 10 dollars on coffee and 30 on lunch', ['expense 10.00 cafe coffee', 'expense 30.00 cafe lunch']],
    ['хлеб 5000 молоко 8000', ['expense 5000.00 groceries хлеб', 'expense 8000.00 groceries молоко']],
    [
      'потратил 5000 на хлеб 8000 на молоко',
      ['expense 5000.00 groceries хлеб', 'expense 8000.00 groceries молоко'],
    ],
    [
      'получил зарплату 5 млн и потратил 200 тысяч на ужин',
      ['income 5000000.00 salary зарплату', 'expense 200000.00 cafe ужин'],
    ],
  ])('%s', (text, want) => {
    const items = toParseJson(parsePhrase(text, OPTS)).items;
    expect(items.map((i) => `${i.type} ${i.amount} ${i.category} ${i.description}`)).toEqual(want);
  });

  it('keeps one item when one amount covers a list of things', () => {
    const items = toParseJson(parsePhrase('купил молоко, хлеб и яблоки за 15000 сум', OPTS)).items;
    expect(items).toHaveLength(1);
    expect(items[0].amount).toBe('15000.00');
  });

  it('treats small counts before a price as quantities', () => {
    const items = toParseJson(parsePhrase('купил 2 хлеба за 6000', OPTS)).items;
    expect(items.map((i) => i.amount)).toEqual(['6000.00']);
  });
});

describe('Uzbek apostrophes and scripts', () => {
  it.each([
    ["so'm", "o'n besh ming so'm to'ladim"],
    ['so‘m', 'o‘n besh ming so‘m to‘ladim'],
    ['so’m', 'o’n besh ming so’m to’ladim'],
    ['soʻm', 'oʻn besh ming soʻm toʻladim'],
    ['soʼm', 'oʼn besh ming soʼm toʼladim'],
    ['so`m', 'o`n besh ming so`m to`ladim'],
    ['no apostrophe', 'on besh ming som toladim'],
    ['Cyrillic', 'ўн беш минг сўм тўладим'],
    ['Cyrillic without ў', 'ун беш минг сум туладим'],
  ])('%s', (_label, text) => {
    const it0 = one(text);
    expect([it0.type, it0.amount, it0.currency]).toEqual(['expense', '15000.00', 'UZS']);
  });

  it.each([
    ['taksiga 20 ming berdim', 'uz'],
    ['таксига 20 минг бердим', 'uz'],
    ['потратил 20 тысяч на такси', 'ru'],
    ['spent 20 dollars on taxi', 'en'],
  ])('%s is %s', (text, language) => {
    expect(parsePhrase(text, OPTS).language).toBe(language);
  });

  it('forced language still understands mixed text', () => {
    const r = toParseJson(parsePhrase('такси 20 ming', { ...OPTS, language: 'en' }));
    expect(r.language).toBe('en');
    expect(r.items[0]).toMatchObject({ amount: '20000.00', category: 'transport' });
  });
});

describe('descriptions', () => {
  it.each([
    ['потратил 50000 на продукты', 'продукты'],
    ['taksiga 20 ming berdim', 'taksi'],
    ['spent 5 dollars on coffee', 'coffee'],
    ["5000 so'm mahsulotlarga sarfladim", 'mahsulot'],
    ['купил сигареты за 20$', 'сигареты'],
    ['заработал 1000 долларов', ''],
  ])('%s → "%s"', (text, description) => {
    expect(one(text).description).toBe(description);
  });
});

describe('never throws', () => {
  const samples = [
    '',
    ' ',
    '\n',
    '🙂🙂🙂',
    '💸 50000 💸',
    '9'.repeat(400),
    `потратил ${'9'.repeat(30)} сум`,
    '1e309',
    '-5000',
    '0',
    '0 сум',
    '.....',
    ',,,,',
    '$$$',
    '€',
    'и и и и',
    'тысяча тысяч миллионов миллиардов',
    'a an a an',
    "o'o'o'",
    '\u0000\u0001\u0002',
    '\ud83d',
    'x'.repeat(100000),
    '1 '.repeat(5000),
    'потратил '.repeat(3000),
  ];
  it.each(samples.map((s) => [JSON.stringify(s).slice(0, 40), s]))('%s', (_label, text) => {
    const r = toParseJson(parsePhrase(text, OPTS));
    expect(['ru', 'uz', 'en']).toContain(r.language);
    for (const item of r.items) {
      if (item.amount !== null) expect(item.amount).toMatch(/^\d{1,13}\.\d{2}$/);
    }
  });

  it('survives random strings', () => {
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet =
      "абвгдеёжзийклмнопрстуфхцчшщъыьэюяўқғҳabcdefghijklmnopqrstuvwxyz0123456789 .,'‘’ʻ`$€₽%+:-🙂\n";
    for (let k = 0; k < 2000; k++) {
      let s = '';
      const len = rand(60);
      for (let i = 0; i < len; i++) s += alphabet[rand(alphabet.length)];
      expect(() => toParseJson(parsePhrase(s, OPTS))).not.toThrow();
    }
  });

  it('survives bad options', () => {
    expect(() =>
      parsePhrase('потратил 5000', { defaultCurrency: 'UZS', now: new Date(Number.NaN) }),
    ).not.toThrow();
    expect(() => parsePhrase('потратил 5000', { ...OPTS, timeZone: 'Not/AZone' })).not.toThrow();
    expect(() => parsePhrase(undefined as unknown as string, OPTS)).not.toThrow();
  });
});
