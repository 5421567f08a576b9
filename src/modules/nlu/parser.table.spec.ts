/**
 * A wide held-out-style table written for this parser (not the corpus): Russian, Uzbek Latin and Cyrillic, English,
 * typed and speech-recognition style. Expected item = "type amount currency category" ("-" amount = none named,
 * "*" category = not checked); several items separated by " ; ". Non-transactions give the intent name.
 * The bar is the product target: at least 95% exactly right (intent, item count, type, amount, currency), and at
 * least 90% of categories.
 */
import { parsePhraseOrThrow as parsePhrase, toParseJson } from './parser';

const NOW = new Date('2026-11-29T10:00:00+05:00');

const TABLE: Array<[string, string]> = [
  // ── Russian, typed ──
  ['потратил 50000 на продукты', 'expense 50000 UZS groceries'],
  ['купила продукты на 120 000 сум', 'expense 120000 UZS groceries'],
  ['заплатил за свет 85 тыс', 'expense 85000 UZS housing'],
  ['оплатила интернет 99 000', 'expense 99000 UZS communication'],
  ['такси 22000', 'expense 22000 UZS transport'],
  ['зарплата 5 млн', 'income 5000000 UZS salary'],
  ['получил аванс 2,5 млн', 'income 2500000 UZS salary'],
  ['пришла зарплата 7,2 млн', 'income 7200000 UZS salary'],
  ['премия 1.5 млн', 'income 1500000 UZS salary'],
  ['продал старый телефон за 900 тысяч', 'income 900000 UZS business'],
  ['выручка за день 3 400 000', 'income 3400000 UZS business'],
  ['проценты по вкладу 150 000', 'income 150000 UZS investments'],
  ['получил дивиденды 200$', 'income 200 USD investments'],
  ['заказ на фрилансе 300 долларов получил', 'income 300 USD freelance'],
  ['купил кроссовки за 650к', 'expense 650000 UZS clothing'],
  ['обед в кафе 45 000', 'expense 45000 UZS cafe'],
  ['кофе 25k', 'expense 25000 UZS cafe'],
  ['аренда квартиры 400 долларов', 'expense 400 USD housing'],
  ['заплатил за газ 60000', 'expense 60000 UZS housing'],
  ['вода 35 000 сум', 'expense 35000 UZS housing'],
  ['аптека 78 500', 'expense 78500 UZS health'],
  ['купил лекарства за 56 тыс', 'expense 56000 UZS health'],
  ['врач 200000', 'expense 200000 UZS health'],
  ['курсы английского 800 тысяч', 'expense 800000 UZS education'],
  ['оплатил репетитора 300 000 сум', 'expense 300000 UZS education'],
  ['подарок маме 500 000', 'expense 500000 UZS gifts'],
  ['мы подарили на свадьбу 200 долларов', 'expense 200 USD gifts'],
  ['я подарила сестре духи за 400 тысяч', 'expense 400000 UZS gifts'],
  ['мне подарили 100 долларов', 'income 100 USD gifts'],
  ['ikki million oylik oldim', 'income 2000000 UZS salary'],
  ['oyligim tushdi 7 500 000', 'income 7500000 UZS salary'],
  ['за садик заплатила миллион двести', 'expense 1200000 UZS education'],
  ['bir million ikki yuz oylik oldim', 'income 1200000 UZS salary'],
  ['1 млн 500 зарплата', 'income 1500000 UZS salary'],
  ['тысяча двести за такси', 'expense 1200 UZS transport'],
  ['миллион за аренду', 'expense 1000000 UZS housing'],
  ['ish haqim 8 million tushdi', 'income 8000000 UZS salary'],
  ['ijara haqi 3 mln', 'expense 3000000 UZS housing'],
  ['иш ҳақи 5 миллион тушди', 'income 5000000 UZS salary'],
  ['3 kun taksiga 60 ming ketdi', 'expense 60000 UZS transport'],
  ['кино 70 тыс', 'expense 70000 UZS entertainment'],
  ['купил холодильник за 6 млн', 'expense 6000000 UZS shopping'],
  ['купил ноутбук 1200$', 'expense 1200 USD shopping'],
  ['бензин 300 тыс', 'expense 300000 UZS transport'],
  ['метро 2000', 'expense 2000 UZS transport'],
  ['потратила 15 евро на сувениры', 'expense 15 EUR *'],
  ['отдал 100 рублей', 'expense 100 RUB other'],
  ['перевели мне 500 000', 'income 500000 UZS other'],
  ['мне вернули долг 100 000', 'income 100000 UZS *'],
  ['заработал 1000 долларов на проекте', 'income 1000 USD freelance'],
  ['получила 3 млн', 'income 3000000 UZS other'],
  ['трачу 20 тысяч на обед каждый день', 'expense 20000 UZS cafe'],
  ['потрачу 50к на подарок', 'unknown'], // the future: a reminder is offered (asides.spec.ts)
  ['мобильная связь 50 000', 'expense 50000 UZS communication'],
  ['пополнил телефон на 30000', 'expense 30000 UZS communication'],
  ['коммуналка 450 000 сум', 'expense 450000 UZS housing'],
  ['купил куртку за 99,90 евро', 'expense 99.90 EUR clothing'],
  ['кофе 12.50$', 'expense 12.50 USD cafe'],
  ['заплатил 1,500 долларов за мебель', 'expense 1500 USD shopping'],
  ['потратил 50.000 на бензин', 'expense 50000 UZS transport'],
  ['потратил 5 млрд на бизнес', 'expense 5000000000 UZS *'],
  ['€50 на ужин', 'expense 50 EUR cafe'],
  ['700$ за аренду', 'expense 700 USD housing'],
  ['15 баксов на кофе', 'expense 15 USD cafe'],
  ['получил 2000₽', 'income 2000 RUB other'],
  ['200 RUB такси', 'expense 200 RUB transport'],
  ['поступило 4 500 000 сумов зарплата', 'income 4500000 UZS salary'],
  // ── Russian, speech-style number words ──
  ['потратил пятьдесят тысяч на продукты', 'expense 50000 UZS groceries'],
  ['заплатил тысячу за проезд', 'expense 1000 UZS transport'],
  ['купил хлеб за три тысячи пятьсот', 'expense 3500 UZS groceries'],
  ['получил двадцать пять тысяч пятьсот', 'income 25500 UZS other'],
  ['полторы тысячи долларов получил за проект', 'income 1500 USD freelance'],
  ['полтора миллиона зарплата пришла', 'income 1500000 UZS salary'],
  ['один миллион двести тысяч получил', 'income 1200000 UZS other'],
  ['заплатил сто долларов за курсы', 'expense 100 USD education'],
  ['потратил триста тысяч на одежду', 'expense 300000 UZS clothing'],
  ['Я потратил двести пятьдесят тысяч сум на бензин.', 'expense 250000 UZS transport'],
  ['Заплатил двух тысяч за хлеб', 'expense 2000 UZS groceries'],
  ['Купила молоко за семь тысяч сумов.', 'expense 7000 UZS groceries'],
  ['потратил 5 миллионов на ремонт машины', 'expense 5000000 UZS transport'],
  ['Получил зарплату сорок пять тысяч рублей', 'income 45000 RUB salary'],
  ['потратил девяносто тысяч на такси', 'expense 90000 UZS transport'],
  ['Две с половиной тысячи за кофе', 'expense 2500 UZS cafe'],
  ['заработала пятьсот долларов', 'income 500 USD other'],
  ['купил продукты на сто двадцать тысяч', 'expense 120000 UZS groceries'],
  // ── Russian, several items ──
  ['купил хлеб за 5000 и молоко за 8000', 'expense 5000 UZS groceries ; expense 8000 UZS groceries'],
  ['такси 20 тысяч, обед 45 тысяч', 'expense 20000 UZS transport ; expense 45000 UZS cafe'],
  [
    'потратил 30 000 на бензин и 50 000 на продукты',
    'expense 30000 UZS transport ; expense 50000 UZS groceries',
  ],
  [
    'получил зарплату 5 млн и потратил 200 тысяч на ужин',
    'income 5000000 UZS salary ; expense 200000 UZS cafe',
  ],
  [
    'вчера заплатил за интернет 100 000, за телефон 50 000 и за свет 70 000',
    'expense 100000 UZS communication ; expense 50000 UZS communication ; expense 70000 UZS housing',
  ],
  ['купил 2 хлеба за 6000', 'expense 6000 UZS groceries'],
  ['купил 3 кг яблок за 30 тысяч', 'expense 30000 UZS groceries'],
  ['кофе 10 долларов и круассан 5', 'expense 10 USD cafe ; expense 5 USD *'],
  // ── Russian, no amount / non-finance / intents ──
  ['купил хлеб', 'expense - UZS groceries'],
  ['заплатил за такси', 'expense - UZS transport'],
  ['какой у меня баланс', 'balance_query'],
  ['сколько денег осталось?', 'balance_query'],
  ['покажи баланс', 'balance_query'],
  ['сколько я потратил в этом месяце', 'stats_query'],
  ['статистика за неделю', 'stats_query'],
  ['что я купил вчера', 'stats_query'],
  ['когда я платил за интернет', 'stats_query'],
  ['what did I buy yesterday', 'stats_query'],
  ['kecha nima sotib oldim', 'stats_query'],
  ['купил хлеб', 'expense - UZS groceries'],
  ['сколько ушло на продукты за месяц', 'stats_query'],
  ['мои расходы за неделю', 'stats_query'],
  ['отмени последнюю', 'undo'],
  ['удали последнюю запись', 'undo'],
  ['отмена', 'undo'],
  ['переключи на узбекский', 'set_language'],
  ['поменяй язык на английский', 'set_language'],
  ['давай на русском языке', 'set_language'],
  ['валюта доллар', 'set_currency'],
  ['поменяй валюту на доллары', 'set_currency'],
  ['основная валюта сум', 'set_currency'],
  ['привет', 'smalltalk'],
  ['спасибо!', 'smalltalk'],
  ['как дела?', 'smalltalk'],
  ['добрый вечер', 'smalltalk'],
  ['сегодня хорошая погода', 'unknown'],
  ['мне 25 лет', 'unknown'],
  ['встреча в 15:30', 'unknown'],
  ['у нас скидка 20%', 'unknown'],
  ['позвони маме', 'unknown'],
  ['', 'unknown'],
  // ── Uzbek Latin ──
  ["taksiga 20 ming so'm berdim", 'expense 20000 UZS transport'],
  ['taksiga 20 ming, ovqatga 50 ming berdim', 'expense 20000 UZS transport ; expense 50000 UZS cafe'],
  ["non va sut uchun 15 ming so'm to'ladim", 'expense 15000 UZS groceries'],
  ["bozordan 150 ming so'mlik mahsulot sotib oldim", 'expense 150000 UZS groceries'],
  ["maosh oldim 6 million so'm", 'income 6000000 UZS salary'],
  ['oylik tushdi 4.5 mln', 'income 4500000 UZS salary'],
  ['200 dollar oldim', 'income 200 USD other'],
  ['kartamga 500 ming tushdi', 'income 500000 UZS other'],
  ["ellik ming so'm sarfladim", 'expense 50000 UZS other'],
  ["bir million ikki yuz ming so'm maosh oldim", 'income 1200000 UZS salary'],
  ["o'n besh ming so'mga non oldim", 'expense 15000 UZS groceries'],
  ['yigirma ming benzinga ketdi', 'expense 20000 UZS transport'],
  ["besh yuz ming so'm ijara to'ladim", 'expense 500000 UZS housing'],
  ["kommunal to'lovlarga 300 ming", 'expense 300000 UZS housing'],
  ['internet uchun 89 ming', 'expense 89000 UZS communication'],
  ['telefon sotib oldim 3 mln', 'expense 3000000 UZS shopping'],
  ["dorixonada 45 ming so'm sarfladim", 'expense 45000 UZS health'],
  ["kiyim uchun 400 ming so'm xarid qildim", 'expense 400000 UZS clothing'],
  ["kinoga 60 ming so'm", 'expense 60000 UZS entertainment'],
  ["kurs uchun 700 ming to'ladim", 'expense 700000 UZS education'],
  ["onamga sovg'a 250 ming", 'expense 250000 UZS gifts'],
  ['tushlikka 35 ming', 'expense 35000 UZS cafe'],
  ['kofe 18 ming', 'expense 18000 UZS cafe'],
  ['frilans loyihadan 400 dollar ishlab topdim', 'income 400 USD freelance'],
  ['telefonimni sotdim 2 mln', 'income 2000000 UZS business'],
  ['depozit foizi 120 ming tushdi', 'income 120000 UZS investments'],
  ["kecha do'konda 80 ming so'm sarfladim", 'expense 80000 UZS groceries'],
  ['to‘qson ming so‘m to‘ladim', 'expense 90000 UZS other'],
  ['toʻqqiz ming soʻm metro', 'expense 9000 UZS transport'],
  ['g`isht uchun 2 mln so`m to`ladim', 'expense 2000000 UZS *'],
  ['100 dollar ishlab topdim', 'income 100 USD other'],
  ["taksi uchun to'ladim", 'expense - UZS transport'],
  ['balansim qancha', 'balance_query'],
  ['hisobimda qancha pul bor', 'balance_query'],
  ['bu oy qancha sarfladim', 'stats_query'],
  ['statistika', 'stats_query'],
  ['bekor qil', 'undo'],
  ["tilni o'zbekchaga o'zgartir", 'set_language'],
  ["valyutani dollarga o'zgartir", 'set_currency'],
  ['salom', 'smalltalk'],
  ['rahmat', 'smalltalk'],
  ['ertaga ishga boraman', 'unknown'],
  // ── Uzbek Cyrillic ──
  ['тўқсон минг сўм тўладим', 'expense 90000 UZS other'],
  ['таксига 25 минг бердим', 'expense 25000 UZS transport'],
  ['нон учун 8 минг сўм', 'expense 8000 UZS groceries'],
  ['маош олдим 5 миллион', 'income 5000000 UZS salary'],
  ['ойлик тушди 3 млн сўм', 'income 3000000 UZS salary'],
  ['бозорга 200 минг сарфладим', 'expense 200000 UZS groceries'],
  ['эллик минг сўм дори учун', 'expense 50000 UZS health'],
  ['кеча ресторанда 300 минг сарфладим', 'expense 300000 UZS cafe'],
  ['ижара учун 3 миллион тўладим', 'expense 3000000 UZS housing'],
  ['интернетга 100 минг тўладим', 'expense 100000 UZS communication'],
  ['совға учун 150 минг сўм', 'expense 150000 UZS gifts'],
  ['икки юз минг сўм олдим', 'income 200000 UZS other'],
  ['балансим канча', 'balance_query'],
  ['салом', 'smalltalk'],
  ['рахмат', 'smalltalk'],
  // ── mixed Russian–Uzbek ──
  ['такси 20 ming', 'expense 20000 UZS transport'],
  ['obedga 40 тысяч', 'expense 40000 UZS *'],
  ['купил non за 5 ming', 'expense 5000 UZS groceries'],
  // ── English ──
  ['spent 10 dollars on coffee and 30 on lunch', 'expense 10 USD cafe ; expense 30 USD cafe'],
  ['paid 50 for taxi', 'expense 50 UZS transport'],
  ['bought groceries for 120000', 'expense 120000 UZS groceries'],
  ['got paid 2000 dollars', 'income 2000 USD salary'],
  ['salary 1500$', 'income 1500 USD salary'],
  ['received 300 euros from a client', 'income 300 EUR freelance'],
  ['earned fifty thousand sum', 'income 50000 UZS other'],
  ['spent one hundred twenty dollars on clothes', 'expense 120 USD clothing'],
  ['paid a thousand dollars rent', 'expense 1000 USD housing'],
  ['gave 20 dollars as a gift', 'expense 20 USD gifts'],
  ['sold my bike for 150 dollars', 'income 150 USD business'],
  ['dividends 75 usd', 'income 75 USD investments'],
  ['internet bill 15 usd', 'expense 15 USD communication'],
  ['electricity 40000', 'expense 40000 UZS housing'],
  ['pharmacy 25k', 'expense 25000 UZS health'],
  ['movie tickets 80k', 'expense 80000 UZS entertainment'],
  ['I spent 2.5 million on a new laptop', 'expense 2500000 UZS shopping'],
  ['was paid 400 for the project', 'income 400 UZS freelance'],
  ['bought a jacket for $85.50', 'expense 85.50 USD clothing'],
  ['tuition 500 dollars', 'expense 500 USD education'],
  ['two and a half thousand dollars bonus', 'income 2500 USD salary'],
  ["what's my balance", 'balance_query'],
  ['how much did I spend this week', 'stats_query'],
  ['undo', 'undo'],
  ['switch to english', 'set_language'],
  ['set currency to USD', 'set_currency'],
  ['hello', 'smalltalk'],
  ['thanks a lot', 'smalltalk'],
  ['the weather is nice today', 'unknown'],
  ['call me at 5', 'unknown'],
];

interface Expected {
  intent: string;
  items: Array<{ type: string; amount: string | null; currency: string; category: string }>;
}

function expected(spec: string): Expected {
  if (!/^(income|expense) /.test(spec)) return { intent: spec, items: [] };
  return {
    intent: 'transaction',
    items: spec.split(' ; ').map((s) => {
      const [type, amount, currency, category] = s.split(' ');
      return { type, amount: amount === '-' ? null : amount, currency, category };
    }),
  };
}

function sameAmount(got: string | null, want: string | null): boolean {
  if (want === null || got === null) return got === want;
  const [gi, gf = ''] = got.split('.');
  const [wi, wf = ''] = want.split('.');
  return gi === wi && gf.replace(/0+$/, '') === wf.replace(/0+$/, '');
}

describe('parser on a wide held-out-style table', () => {
  const rows = TABLE.map(([text, spec]) => {
    const want = expected(spec);
    const got = toParseJson(parsePhrase(text, { defaultCurrency: 'UZS', now: NOW }));
    const exact =
      got.intent === want.intent &&
      got.items.length === want.items.length &&
      want.items.every(
        (w, i) =>
          got.items[i].type === w.type &&
          sameAmount(got.items[i].amount, w.amount) &&
          got.items[i].currency === w.currency,
      );
    const cats = want.items.filter((w) => w.category !== '*');
    const catOk = cats.filter((w) => got.items[want.items.indexOf(w)]?.category === w.category).length;
    return { text, spec, got, exact, cats: cats.length, catOk };
  });

  it('has a wide table (150+ phrases)', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
  });

  it('gets at least 95% of phrases exactly right (intent, item count, type, amount, currency)', () => {
    const failures = rows
      .filter((r) => !r.exact)
      .map((r) => `${r.text} → want ${r.spec}, got ${JSON.stringify(r.got)}`);
    const rate = (rows.length - failures.length) / rows.length;
    if (rate < 1) console.log(`exact ${(rate * 100).toFixed(1)}%; misses:\n${failures.join('\n')}`);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });

  it('gets at least 90% of categories right', () => {
    const total = rows.reduce((a, r) => a + r.cats, 0);
    const ok = rows.reduce((a, r) => a + r.catOk, 0);
    const misses = rows
      .filter((r) => r.catOk < r.cats)
      .map((r) => `${r.text} → want ${r.spec}, got ${r.got.items.map((i) => i.category).join(',')}`);
    if (ok < total)
      console.log(`categories ${((ok / total) * 100).toFixed(1)}%; misses:\n${misses.join('\n')}`);
    expect(ok / total).toBeGreaterThanOrEqual(0.9);
  });
});
