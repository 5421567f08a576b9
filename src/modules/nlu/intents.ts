/**
 * Non-transaction intents. Every pattern runs on the folded phrase (apostrophes dropped, ў→у, қ→к, ғ→г, ҳ→х, ё→е),
 * padded with spaces so ` word` means "a word starting with". All regexes are compiled here, once.
 */
import type { Currency } from '../../common/money';
import type { Intent, Language } from './nlu.types';

export interface IntentContext {
  /** " word word … " — folded words only. */
  norm: string;
  /** Money amounts were found in the phrase. */
  hasAmount: boolean;
  /** A spend/earn verb was found. */
  hasVerb: boolean;
  /** First currency word or sign in the phrase. */
  currency?: Currency;
  /** The phrase asks about the household (household.ts): "семейные расходы", "oila xarajatlari". */
  household?: boolean;
}

export interface IntentMatch {
  intent: Intent;
  setting?: { language?: Language; currency?: Currency };
}

const STATS_STRONG =
  / (статистик|статистек|statistik|statistics|stats|stat |отчет|отчёт|hisobot|хисобот|report|сводк|аналитик|analytics|summary|топ категор|top categor|итоги)/;
const CATEGORY_MGMT = / (категори|котегори|катигори|kategori|категор|category|categor|categories)/;
const GOAL = / (цель|цели|целей|целях|целям|целью|maqsad|максад|goal|goals|накопить|накоплени|jamgarma)/;
const REMINDER = / (напомин|напомни|eslat|эслат|remind)/;
const DEBT = / (долг|должен|должна|должны|qarz|карз|debt|owe |owes|owed)/;
const UNDO_WORD =
  / (отмени|отменить|отмена|отменяй|отменю|undo|bekor|бекор|cancel|откати|верни как было|bekor qil)/;
const DELETE_WORD = / (удали|удалить|удалите|убери|сотри|стереть|delete|remove|ochir|учир|olib tashla)/;
const LAST_WORD =
  / (последн|запис|операц|транзакц|трату|oxirgi|охирги|last|transaction|entry|record|tranzaksiya|транзакция|yozuv|ёзув|ezuv)/;
const LANG_WORD =
  / (язык|языка|языке|языком|til |tilni|tilini|tiliga|tilga|тил |тилни|тилини|language|lang |interface|интерфейс)/;
const SWITCH_WORD =
  / (переключи|переключить|переключай|перейди|перейти|switch|change|смени|сменить|поменяй|поменять|измени|изменить|поставь|установи|сделай|almashtir|ozgartir|узгартир|алмаштир|otkaz|утказ|set )/;
const TARGET_EN = / (англ|english|ingliz|инглиз|нанглиск|inglizcha)/;
const TARGET_RU = / (русск|руск|рус |russian|ruscha|русча|rus |rutili|russkiy|rus tili)/;
const TARGET_UZ = / (узбек|узбет|uzbek|ozbek|узбекча|ozbekcha|uzbekcha|ўзбек)/;
const CURRENCY_WORD = / (валют|valyut|currency|pul birligi|пул бирлиги)/;
const BALANCE =
  / (баланс|balans|balance|остаток|остатке|qoldiq|колдик|hisobim|хисобим|hisobimda|счете|счету)|сколько (у меня )?(денег|осталось|есть денег)|(сколько|скока) у меня|(qancha|канча) pul|pul(im)? (qoldi|qancha|bor)|пул(им)? (колди|канча)|how much (money|is left|do i have|have i got)|money (do i have|left)|(сколько|how much|qancha|канча).*(осталось|left|qoldi|колди)/;
const QUESTION =
  / (сколько|скока|скок|сколка|skolk|skok|qancha|канча|how much|нечта|nechta|на что|what did i|на какие|куда ушл|куда я)/;
/** A question about past records: "что я купил вчера", "when did I pay rent", "nima sotib oldim". */
const QUESTION_START =
  /^ (что|чего|когда|где|какие|какой|какую|зачем|what|when|where|which)( |$)| (nima|nimaga|qachon|qayerda|qaysi|нима|качон|каерда)( |$)/;
const BUY_PAY = / (куп|покуп|плат|оплат|заплат|bought|buy|paid|pay|sotib|сотиб|xarid|харид|to'la|тўла|тула)/;
const SPEND_EARN =
  / (потрат|патрат|трат|трач|израсход|расход|заработ|получил|ушло|ketdi|ketti|ketgan|ketkaz|кетди|кетти|кетган|кетказ|sarf|сарф|xarajat|harajat|харажат|ishla|ишла|topdim|daromad|даромад|spen|spent|earn|made|income|expens|заплат)/;
/** A period named in a question: "this month", "bu hafta", "за неделю". */
const PERIOD =
  / (недел|месяц|сегодня|вчера|hafta|хафта|week|month|today|yesterday)| (год|году|oy|oyda|yil|bugun|kecha|ой|ойда|йил|бугун|кеча|year)( |$)/;
const SHOW =
  / (покажи|показать|покажите|выведи|show|display|korsat|курсат|мои|my|mening|менинг|total|итого|всего|jami|жами)/;
const SHOW_WHAT =
  / (расход|доход|трат|xarajat|harajat|харажат|daromad|даромад|expense|spending|income|earning|transactions|операци|транзакци|итог)/;
const SMALLTALK =
  / (привет|приветик|прив |здравств|здрасьте|здаров|салам|салом|salom|assalom|ассалом|hello|hi |hey |hiya|whats up|sup |good morning|good evening|good afternoon|good night|доброе утро|добрый|доброй|спасибо|спс|благодар|rahmat|рахмат|raxmat|thank|thanks|thx|как дела|как ты|как жизнь|how are you|how r u|qalaysiz|qalaysan|калайсиз|калайсан|yaxshimisiz|яхшимисиз|ishlar qalay|пока |до свидан|xayr|хайр|bye|goodbye|кто ты|who are you|who made you|who created you|кто тебя (создал|сделал)|seni kim (yaratgan|yaratdi|qilgan)|ты кто|sen kimsan|помощь|help|yordam|ёрдам|start )/;
/** Bare acknowledgements count as small talk only in short messages ("ок", "хорошо", "zor"), not in any sentence. */
const ACK =
  /^ (ок|окей|okay|ok|хорошо|ладно|понятно|понял|поняла|ясно|молодец|супер|класс|zor|ajoyib|yaxshi|tushunarli|mayli|cool|nice|great|good|fine|got it)( |$)/;
const SHORT_RE = /^ (\S+ ){0,3}$/;

function target(norm: string): Language | undefined {
  if (TARGET_EN.test(norm)) return 'en';
  if (TARGET_UZ.test(norm)) return 'uz';
  if (TARGET_RU.test(norm)) return 'ru';
  return undefined;
}

/**
 * Intents that outrank a transaction reading. Returns null when the phrase should be read as a transaction
 * (or, failing that, small talk / unknown — decided by the caller).
 */
export function detectCommandIntent(ctx: IntentContext): IntentMatch | null {
  const { norm, hasAmount, hasVerb } = ctx;
  if (STATS_STRONG.test(norm) && !(hasAmount && hasVerb)) return { intent: 'stats_query' };
  if (CATEGORY_MGMT.test(norm) && !(hasAmount && hasVerb)) return { intent: 'unknown' };
  if (GOAL.test(norm) || REMINDER.test(norm)) return { intent: 'unknown' };
  if (DEBT.test(norm) && !(hasAmount && hasVerb)) return { intent: 'unknown' };
  if (!hasAmount) {
    if (UNDO_WORD.test(norm) || (DELETE_WORD.test(norm) && LAST_WORD.test(norm))) return { intent: 'undo' };
    const lang = target(norm);
    const langWord = LANG_WORD.test(norm);
    if (lang !== undefined && (langWord || (SWITCH_WORD.test(norm) && ctx.currency === undefined))) {
      return { intent: 'set_language', setting: { language: lang } };
    }
    if (ctx.currency !== undefined && (CURRENCY_WORD.test(norm) || SWITCH_WORD.test(norm))) {
      return { intent: 'set_currency', setting: { currency: ctx.currency } };
    }
    // "поменяй язык" / "смени валюту" without a value: the intent is clear, the bot asks which one
    const switching = SWITCH_WORD.test(norm);
    if (langWord && switching) return { intent: 'set_language' };
    if (CURRENCY_WORD.test(norm) && switching) return { intent: 'set_currency' };
    // "сколько у меня ушло на аренду", "qancha pul sarfladi": money asked about with a spending verb is spending
    if (QUESTION.test(norm) && SPEND_EARN.test(norm)) return { intent: 'stats_query' };
    if (BALANCE.test(norm)) return { intent: 'balance_query' };
    if (QUESTION.test(norm) && BUY_PAY.test(norm)) return { intent: 'stats_query' };
    // "family wallet: how much on transport this week?", "family groceries this month?": no amount, no verb
    if (ctx.household === true && !hasVerb && (QUESTION.test(norm) || PERIOD.test(norm)))
      return { intent: 'stats_query' };
    if (QUESTION_START.test(norm) && (SPEND_EARN.test(norm) || BUY_PAY.test(norm)))
      return { intent: 'stats_query' };
    if ((SHOW.test(norm) || ctx.household === true) && SHOW_WHAT.test(norm)) return { intent: 'stats_query' };
  }
  return null;
}

export function isSmalltalk(norm: string): boolean {
  return SMALLTALK.test(norm) || (ACK.test(norm) && SHORT_RE.test(norm));
}
