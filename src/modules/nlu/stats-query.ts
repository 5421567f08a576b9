/**
 * What a statistics question asks: "сколько я потратил на такси в этом месяце", "bu oy ovqatga qancha ketdi",
 * "how much did I spend on cafes last week", "сколько я заработал в октябре". Pure: the tokens and word analyses
 * the parser already has → a category, a direction and a period of local dates. Also reads a bare period
 * ("март", "o'tgan oy", "last week", "2026-10") for the bot's /stats argument.
 */
import { addDays, DEFAULT_TIME_ZONE, formatDate, localToday, weekdayOf, type LocalDate } from './dates';
import { asksHousehold } from './household';
import { analyze, type WordInfo } from './lexicon';
import type { CategoryHit } from './lexicon.types';
import type { CategoryKey, StatsPeriod, StatsQuery, TransactionType } from './nlu.types';
import { tokenize, type Token } from './normalize';

/** Folded words; each pattern runs on " word word … " (see intents.ts). */
const PREV = '(прошл\\S*|предыдущ\\S*|otgan|утган|last|previous|past)';
const PREV_MONTH = new RegExp(` ${PREV} (месяц\\S*|oy\\S*|ой\\S*|month)( |$)`);
const PREV_WEEK = new RegExp(` ${PREV} (недел\\S*|hafta\\S*|хафта\\S*|week)( |$)`);
const PREV_YEAR = new RegExp(` ${PREV} (год\\S*|yil\\S*|йил\\S*|year)( |$)`);
const WEEK = / (недел|nedel|hafta|хафта|week)/;
const MONTH = / (месяц|mesya|mesec|month)| (oy|oyda|oyi|oyning|ой|ойда|ойи)( |$)/;
const YEAR = / (год|году|года|yil|yilda|yili|йил|йилда|year)( |$)/;
const EARN =
  / (заработ|получил|пришло|доход|ishlab|ишлаб|topdim|топдим|daromad|даромад|earn|made|income|received|got )/;
const SPEND =
  / (потрат|трат|трач|израсход|расход|ушло|ушли|sarf|сарф|xarajat|harajat|харажат|ketdi|ketti|ketgan|ketkaz|кетди|кетти|кетган|кетказ|spen|spent|expens|paid|заплат)/;

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function monthPeriod(y: number, m: number): StatsPeriod {
  return {
    kind: 'month',
    from: formatDate({ y, m, d: 1 }),
    to: formatDate({ y, m, d: lastDayOfMonth(y, m) }),
  };
}

/** Monday-based week containing `day`. */
function weekPeriod(day: LocalDate): StatsPeriod {
  const monday = addDays(day, -((weekdayOf(day) + 6) % 7));
  return { kind: 'week', from: formatDate(monday), to: formatDate(addDays(monday, 6)) };
}

function yearPeriod(y: number): StatsPeriod {
  return {
    kind: 'year',
    from: `${String(y).padStart(4, '0')}-01-01`,
    to: `${String(y).padStart(4, '0')}-12-31`,
  };
}

export function currentMonth(today: LocalDate): StatsPeriod {
  return monthPeriod(today.y, today.m);
}

export function previousMonth(today: LocalDate): StatsPeriod {
  return today.m === 1 ? monthPeriod(today.y - 1, 12) : monthPeriod(today.y, today.m - 1);
}

export function currentWeek(today: LocalDate): StatsPeriod {
  return weekPeriod(today);
}

export function currentYear(today: LocalDate): StatsPeriod {
  return yearPeriod(today.y);
}

/** A named month means the latest one not in the future: in November "октябрь" is this year's, "декабрь" last year's. */
function namedMonth(today: LocalDate, month: number): StatsPeriod {
  return monthPeriod(month > today.m ? today.y - 1 : today.y, month);
}

/** The period the words name; this month when they name none. */
function periodOf(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  norm: string,
  today: LocalDate,
): StatsPeriod {
  for (let i = 0; i < tokens.length; i++) {
    const info = infos[i];
    if (info?.month !== undefined) return namedMonth(today, info.month);
  }
  if (PREV_WEEK.test(norm)) return weekPeriod(addDays(today, -7));
  if (PREV_MONTH.test(norm)) return previousMonth(today);
  if (PREV_YEAR.test(norm)) return yearPeriod(today.y - 1);
  for (let i = 0; i < tokens.length; i++) {
    const back = infos[i]?.dayBack;
    if (back !== undefined) {
      const day = formatDate(addDays(today, -back));
      return { kind: 'day', from: day, to: day };
    }
  }
  if (WEEK.test(norm)) return weekPeriod(today);
  if (MONTH.test(norm)) return currentMonth(today);
  if (YEAR.test(norm)) return yearPeriod(today.y);
  return currentMonth(today);
}

function typeOf(infos: Array<WordInfo | undefined>, norm: string): TransactionType | undefined {
  for (const info of infos) {
    if (info?.cue !== undefined) return info.cue;
    if (info?.verb?.type === 'expense' || info?.verb?.type === 'income') return info.verb.type;
  }
  if (EARN.test(norm)) return 'income';
  if (SPEND.test(norm)) return 'expense';
  return undefined;
}

/** The strongest category word, on the asked side when the question has one, and the stem it matched. */
function categoryOf(
  infos: Array<WordInfo | undefined>,
  type: TransactionType | undefined,
): { hit: CategoryHit; stem: string } | undefined {
  let best: { hit: CategoryHit; stem: string } | undefined;
  for (const info of infos) {
    for (const hit of info?.cats ?? []) {
      if (type !== undefined && hit.side !== type) continue;
      if (best === undefined || hit.weight > best.hit.weight) best = { hit, stem: info?.catStem ?? '' };
    }
  }
  return best;
}

/** Words that mean food of both kinds, groceries and eating out. */
const FOOD = new Set(['еда', 'еду', 'еды', 'едой', 'питани', 'ovqat', 'овкат', 'food', 'foods']);
/**
 * Stems that name a category itself (its name or a plain synonym): asking about them asks about the category.
 * Any other category word ("такси", "бензин", "coffee") is more specific and is also looked for in descriptions.
 */
const CATEGORY_NAME_STEMS = new Set([
  ...[
    'продукт',
    'кафе',
    'ресторан',
    'транспорт',
    'аренд',
    'коммунал',
    'коммуналк',
    'квартплат',
    'жкх',
    'связ',
    'медиц',
    'одежд',
    'обув',
  ],
  ...[
    'покупк',
    'развлеч',
    'учеб',
    'обучен',
    'подар',
    'зарплат',
    'зарпл',
    'фриланс',
    'бизнес',
    'продаж',
    'инвест',
    'доход',
    'расход',
  ],
  ...[
    'mahsulot',
    'maxsulot',
    'produkt',
    'oziq',
    'kafe',
    'restoran',
    'transport',
    'ijara',
    'kommunal',
    'aloqa',
    'kiyim',
    'sovga',
    'maosh',
    'oylik',
    'oylig',
  ],
  ...['махсулот', 'озик', 'ресторан', 'ижара', 'алока', 'кийим', 'совга', 'маош', 'ойлик', 'ойлиг'],
  ...[
    'grocer',
    'cafe',
    'restaurant',
    'transport',
    'rent',
    'utilit',
    'cloth',
    'clothes',
    'clothing',
    'health',
    'education',
    'gift',
    'salary',
    'salar',
  ],
]);

/** The structured form of a stats_query phrase (the parser's tokens, word analyses and folded text). */
export function readStatsQuery(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  norm: string,
  today: LocalDate,
): StatsQuery {
  const asked = typeOf(infos, norm);
  const query: StatsQuery = { period: periodOf(tokens, infos, norm, today) };
  if (asksHousehold(tokens, infos)) query.scope = 'household';
  if (
    tokens.some(
      (t) =>
        t.kind === 'word' &&
        (FOOD.has(t.f) || (t.f.length > 5 && FOOD.has(t.f.replace(/(ga|da|ni|га|да|ни)$/, '')))),
    )
  ) {
    query.type = 'expense';
    query.categories = ['groceries', 'cafe'];
    return query;
  }
  const found = categoryOf(infos, asked);
  const hit = found?.hit;
  const type = asked ?? hit?.side;
  if (type !== undefined) query.type = type;
  if (hit !== undefined && hit.key !== 'other') query.category = hit.key as CategoryKey;
  if (found !== undefined && found.stem.length >= 3 && !CATEGORY_NAME_STEMS.has(found.stem))
    query.term = found.stem;
  return query;
}

/**
 * A bare period, as typed after /stats: "", "неделя", "прошлый месяц", "o'tgan oy", "last month", "март", "2026-10",
 * "год". Null when the text names no period it knows (the caller says so rather than guessing).
 */
export function readStatsPeriod(
  text: string,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): StatsPeriod | null {
  const today = localToday(now, timeZone);
  const trimmed = text.trim();
  if (trimmed === '') return currentMonth(today);
  const iso = /^(\d{4})-(\d{1,2})$/.exec(trimmed);
  const dotted = /^(\d{1,2})[./](\d{4})$/.exec(trimmed);
  if (iso || dotted) {
    const [y, m] = iso ? [Number(iso[1]), Number(iso[2])] : [Number(dotted![2]), Number(dotted![1])];
    return y >= 1970 && m >= 1 && m <= 12 ? monthPeriod(y, m) : null;
  }
  const tokens = tokenize(trimmed);
  const infos = tokens.map((t) => (t.kind === 'word' ? analyze(t.f) : undefined));
  const norm = ` ${tokens
    .filter((t) => t.kind === 'word')
    .map((t) => t.f)
    .join(' ')} `;
  const named = infos.find((i) => i?.month !== undefined)?.month;
  const known =
    named !== undefined ||
    PREV_WEEK.test(norm) ||
    PREV_MONTH.test(norm) ||
    PREV_YEAR.test(norm) ||
    WEEK.test(norm) ||
    MONTH.test(norm) ||
    YEAR.test(norm) ||
    infos.some((i) => i?.dayBack !== undefined);
  return known ? periodOf(tokens, infos, norm, today) : null;
}
