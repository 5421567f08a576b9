/**
 * Every text the bot sends, per language, and the pure formatters that fill them in. Russian is the reference text,
 * word for word as docs/interface.md §4 gives it; Uzbek is Latin script (docs/bot-texts.md); English. No I/O here: unit-tested in bot.texts.spec.ts.
 */
import { formatAmount, formatMoney, MAX_AMOUNT_MINOR } from '../../../common/money';
import { fitList } from '../../../common/text/message-limit';
import { pluralEn, pluralRu } from '../../../common/text/plural';
import { wallClock } from '../../../common/time/local-time';
import { LANGUAGES, type Language } from '../../../common/text/languages';
import { MONTH_NAMES } from '../../../common/text/months';
import type { TransactionType } from '../../nlu/nlu.types';

/** A Telegram `language_code` ("ru", "uz-UZ", "en-US") → one of ours, or undefined. */
export function languageFromCode(code: string | undefined | null): Language | undefined {
  const short = (code ?? '').slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(short) ? (short as Language) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Static texts
// ---------------------------------------------------------------------------------------------------------------

const WELCOME: Record<Language, string> = {
  ru: `🎉 Добро пожаловать в OvozPay!

Я ваш голосовой помощник по управлению финансами.

📱 Для полноценной работы, пожалуйста, укажите свой номер телефона:
/phone +998901234567

💡 Что я умею:
• 🎙 Обрабатывать голосовые команды
• 💰 Записывать доходы и расходы
• 📊 Показывать баланс и статистику
• 🎯 Помогать с целями

Используйте /help для списка всех команд.`,
  uz: `🎉 OvozPay botiga xush kelibsiz!

Men moliyani boshqarish boʻyicha ovozli yordamchingizman.

📱 Toʻliq ishlash uchun, iltimos, telefon raqamingizni kiriting:
/phone +998901234567

💡 Nimalar qila olaman:
• 🎙 Ovozli buyruqlarni tushunaman
• 💰 Daromad va xarajatlarni yozib boraman
• 📊 Balans va statistikani koʻrsataman
• 🎯 Maqsadlaringizga erishishda yordam beraman

Barcha buyruqlar roʻyxati uchun /help dan foydalaning.`,
  en: `🎉 Welcome to OvozPay!

I'm your voice assistant for managing your finances.

📱 To use all features, please add your phone number:
/phone +998901234567

💡 What I can do:
• 🎙 Understand voice commands
• 💰 Record income and expenses
• 📊 Show your balance and statistics
• 🎯 Help you reach your goals

Use /help to see all commands.`,
};

const HELP: Record<Language, string> = {
  ru: `🤖 OvozPay - Справка по командам

📋 Основные команды:
/start - Начать работу с ботом
/balance - Показать текущий баланс
/help - Показать эту справку
/phone +номер - Обновить номер телефона

📊 Отчёты и данные:
/stats - Статистика за месяц (или: /stats неделя, /stats март)
/export - Выгрузить операции в CSV
/deletemydata - Удалить все мои данные

🎯 Цели и долги:
/goals - Цели и накопления
/goal - Новая цель: /goal телефон 3 млн к 1 марта
/debts - Долги: кому дал, у кого взял
/budget - Бюджеты: лимиты расходов
/recurring - Регулярные платежи и доходы
/remind - Ежедневное напоминание: /remind 20:30, /remind off
/family - Семья: общий кошелёк и участники

⚙️ Настройки:
/language - Язык бота
/currency - Валюта по умолчанию
/categories - Категории и запомненные слова
/login - Код для входа в приложение
/app - Открыть приложение OvozPay
/cancel - Отменить текущее действие

🎙 Голосовые команды:
• Отправьте голосовое сообщение с описанием траты
• Пример: "Потратил 50000 сум на продукты"
• Пример: "Заработал 500 долларов"

💡 Советы:
• Говорите четко и указывайте сумму
• Можете использовать разные валюты
• Бот автоматически определит тип операции

❓ Вопросы? Напишите @support`,
  uz: `🤖 OvozPay - Buyruqlar boʻyicha maʼlumot

📋 Asosiy buyruqlar:
/start - Bot bilan ishlashni boshlash
/balance - Joriy balansni koʻrsatish
/help - Ushbu maʼlumotni koʻrsatish
/phone +raqam - Telefon raqamini yangilash

📊 Hisobotlar va maʼlumotlar:
/stats - Oylik statistika (yoki: /stats hafta, /stats mart)
/export - Operatsiyalarni CSV faylga yuklash
/deletemydata - Barcha maʼlumotlarimni oʻchirish

🎯 Maqsadlar va qarzlar:
/goals - Maqsadlar va jamgʻarmalar
/goal - Yangi maqsad: /goal mashina 100 million soʻm
/debts - Qarzlar: kimga berdim, kimdan oldim
/budget - Byudjetlar: xarajat limitlari
/recurring - Muntazam toʻlovlar va daromadlar
/remind - Kundalik eslatma: /remind 20:30, /remind off
/family - Oila: umumiy hamyon va aʼzolar

⚙️ Sozlamalar:
/language - Bot tili
/currency - Asosiy valyuta
/categories - Kategoriyalar va eslab qolingan soʻzlar
/login - Ilovaga kirish kodi
/app - OvozPay ilovasini ochish
/cancel - Joriy amalni bekor qilish

🎙 Ovozli buyruqlar:
• Xarajat tavsifi bilan ovozli xabar yuboring
• Misol: "Mahsulotlarga 50000 soʻm sarfladim"
• Misol: "500 dollar ishlab topdim"

💡 Maslahatlar:
• Aniq gapiring va summani ayting
• Turli valyutalardan foydalanishingiz mumkin
• Bot operatsiya turini oʻzi aniqlaydi

❓ Savollar boʻlsa, @support ga yozing`,
  en: `🤖 OvozPay - Command reference

📋 Main commands:
/start - Start using the bot
/balance - Show your current balance
/help - Show this help
/phone +number - Update your phone number

📊 Reports and your data:
/stats - This month's statistics (or: /stats week, /stats march)
/export - Export your transactions as CSV
/deletemydata - Delete all my data

🎯 Goals and debts:
/goals - Goals and savings
/goal - New goal: /goal laptop 1200 dollars by June 1
/debts - Debts: lent and borrowed
/budget - Budgets: spending limits
/recurring - Recurring payments and incomes
/remind - Daily reminder: /remind 20:30, /remind off
/family - Family: the shared wallet and its members

⚙️ Settings:
/language - Bot language
/currency - Default currency
/categories - Categories and learned words
/login - Code to log in to the app
/app - Open the OvozPay app
/cancel - Cancel the current action

🎙 Voice commands:
• Send a voice message describing a purchase
• Example: "Spent 50000 sum on groceries"
• Example: "Earned 500 dollars"

💡 Tips:
• Speak clearly and say the amount
• You can use different currencies
• The bot works out the type of transaction itself

❓ Questions? Write to @support`,
};

/** Everything else, short and per language. */
const T = {
  ru: {
    shareContact: '📱 Поделиться номером',
    balanceTitle: '💰 Ваш баланс',
    income: '💵 Доходы',
    expense: '💸 Расходы',
    total: '📊 Итого',
    asOf: '📅 На',
    recent: '📝 Последние операции:',
    noTransactions: '📝 Операций пока нет. Запишите первый доход или расход — и он появится здесь.',
    phoneUpdated: '✅ Номер телефона обновлен: ',
    phoneError: '❌ Укажите номер телефона.\nПример: /phone +998901234567',
    phoneTaken: '❌ Этот номер телефона уже используется другим пользователем.',
    contactNotOwn:
      '❌ Можно поделиться только своим номером телефона. Нажмите кнопку «📱 Поделиться номером» или отправьте /phone +номер.',
    needStart: '👋 Сначала зарегистрируйтесь: отправьте /start',
    loginCode: (code: string, minutes: number) =>
      `🔐 Ваш код для входа: ${code}\n\n⏱ Код действует ${minutes} минут и подходит для одного входа.\n` +
      `Передайте его в POST /api/users/auth/telegram-login/ в поле login_code вместе с telegram_chat_id.\n\n` +
      `⚠️ Никому не сообщайте этот код.`,
    cancelled: '✖️ Действие отменено.',
    nothingToCancel: '👌 Нечего отменять.',
    voiceInfo: (duration: number, size: string) =>
      `🎙 Получено голосовое сообщение!\n\n⏱ Длительность: ${duration} сек.\n📁 Размер: ${size} байт\n\n` +
      `🔄 Функция распознавания речи будет добавлена в следующих обновлениях.\n📝 Пока используйте текстовые команды для управления финансами.`,
    unknownSize: 'неизвестно',
    voiceTooLong: (duration: number, max: number) =>
      `🎙 Голосовое сообщение слишком длинное (${duration} сек.).\nПожалуйста, уложитесь в ${max} сек. — или напишите текстом.`,
    textHint:
      'Не понял 🤔 Напишите, например:\n• Потратил 50000 сум на продукты\n• Такси 20000 и кофе 15000\n• Получил зарплату 5 млн\n\n' +
      'А ещё: «баланс», «статистика», «отмени последнее», /help',
    unknownCommand: '🤔 Неизвестная команда. Список команд: /help',
    apology: '😔 Произошла ошибка. Попробуйте ещё раз позже.',
    convertedTitle: (currency: string, date: string) => `💱 Всё в ${currency} по курсу ЦБ на ${date}:`,
    moreRecent: (n: number) => `… и ещё ${n}`,
  },
  uz: {
    shareContact: '📱 Raqamni ulashish',
    balanceTitle: '💰 Balansingiz',
    income: '💵 Daromadlar',
    expense: '💸 Xarajatlar',
    total: '📊 Jami',
    asOf: '📅 Sana:',
    recent: '📝 Soʻnggi operatsiyalar:',
    noTransactions:
      '📝 Hozircha operatsiyalar yoʻq. Birinchi daromad yoki xarajatni yozing — u shu yerda paydo boʻladi.',
    phoneUpdated: '✅ Telefon raqami yangilandi: ',
    phoneError: '❌ Telefon raqamini kiriting.\nMisol: /phone +998901234567',
    phoneTaken: '❌ Bu telefon raqami boshqa foydalanuvchi tomonidan ishlatilmoqda.',
    contactNotOwn:
      '❌ Faqat oʻz telefon raqamingizni ulashishingiz mumkin. «📱 Raqamni ulashish» tugmasini bosing yoki /phone +raqam yuboring.',
    needStart: '👋 Avval roʻyxatdan oʻting: /start yuboring',
    loginCode: (code: string, minutes: number) =>
      `🔐 Kirish kodingiz: ${code}\n\n⏱ Kod ${minutes} daqiqa amal qiladi va bir marta kirish uchun.\n` +
      `Uni POST /api/users/auth/telegram-login/ ga login_code maydonida telegram_chat_id bilan birga yuboring.\n\n` +
      `⚠️ Bu kodni hech kimga bermang.`,
    cancelled: '✖️ Amal bekor qilindi.',
    nothingToCancel: '👌 Bekor qiladigan narsa yoʻq.',
    voiceInfo: (duration: number, size: string) =>
      `🎙 Ovozli xabar qabul qilindi!\n\n⏱ Davomiyligi: ${duration} soniya\n📁 Hajmi: ${size} bayt\n\n` +
      `🔄 Nutqni aniqlash funksiyasi keyingi yangilanishlarda qoʻshiladi.\n📝 Hozircha moliyani boshqarish uchun matnli buyruqlardan foydalaning.`,
    unknownSize: 'nomaʼlum',
    voiceTooLong: (duration: number, max: number) =>
      `🎙 Ovozli xabar juda uzun (${duration} soniya).\nIltimos, ${max} soniyadan oshirmang — yoki matn bilan yozing.`,
    textHint:
      'Tushunmadim 🤔 Masalan, shunday yozing:\n• taksiga 20 ming berdim\n• non uchun 5000 soʻm toʻladim\n• 5 mln maosh oldim\n\n' +
      'Yana: «balans», «statistika», «bekor qil», /help',
    unknownCommand: '🤔 Nomaʼlum buyruq. Buyruqlar roʻyxati: /help',
    apology: '😔 Xatolik yuz berdi. Keyinroq qayta urinib koʻring.',
    convertedTitle: (currency: string, date: string) =>
      `💱 Hammasi ${currency} hisobida, Markaziy bank kursi boʻyicha (${date}):`,
    moreRecent: (n: number) => `… yana ${n} ta`,
  },
  en: {
    shareContact: '📱 Share my number',
    balanceTitle: '💰 Your balance',
    income: '💵 Income',
    expense: '💸 Expenses',
    total: '📊 Total',
    asOf: '📅 As of',
    recent: '📝 Recent transactions:',
    noTransactions: '📝 No transactions yet. Record your first income or expense and it will show up here.',
    phoneUpdated: '✅ Phone number updated: ',
    phoneError: '❌ Please give a phone number.\nExample: /phone +998901234567',
    phoneTaken: '❌ This phone number is already used by another user.',
    contactNotOwn:
      '❌ You can only share your own phone number. Tap «📱 Share my number» or send /phone +number.',
    needStart: '👋 Please register first: send /start',
    loginCode: (code: string, minutes: number) =>
      `🔐 Your login code: ${code}\n\n⏱ The code is valid for ${minutes} minutes and works for one login.\n` +
      `Send it to POST /api/users/auth/telegram-login/ as login_code together with telegram_chat_id.\n\n` +
      `⚠️ Never share this code with anyone.`,
    cancelled: '✖️ Cancelled.',
    nothingToCancel: '👌 Nothing to cancel.',
    voiceInfo: (duration: number, size: string) =>
      `🎙 Voice message received!\n\n⏱ Duration: ${duration} s\n📁 Size: ${size} bytes\n\n` +
      `🔄 Speech recognition will be added in a future update.\n📝 For now, please use text commands to manage your finances.`,
    unknownSize: 'unknown',
    voiceTooLong: (duration: number, max: number) =>
      `🎙 This voice message is too long (${duration} s).\nPlease keep it under ${max} s, or type it instead.`,
    textHint:
      "Sorry, I didn't get that 🤔 Write, for example:\n• Spent 50000 sum on groceries\n• Taxi 20000 and coffee 15000\n• Got paid 500 dollars\n\n" +
      'Also: “balance”, “statistics”, “undo”, /help',
    unknownCommand: '🤔 Unknown command. See /help for the list.',
    apology: '😔 Something went wrong. Please try again later.',
    convertedTitle: (currency: string, date: string) =>
      `💱 All in ${currency} at the Central Bank rate of ${date}:`,
    moreRecent: (n: number) => `… and ${n} more`,
  },
} satisfies Record<Language, Record<string, unknown>>;
// Every language has every key of the Russian catalogue: a missing translation fails typecheck.
const T_COMPLETE: Record<Language, typeof T.ru> = T;

/** The command menu (setMyCommands), per language. */
export const COMMANDS: Record<Language, Array<{ command: string; description: string }>> = {
  ru: [
    { command: 'start', description: 'Начать работу с ботом' },
    { command: 'help', description: 'Справка по командам' },
    { command: 'balance', description: 'Показать текущий баланс' },
    { command: 'phone', description: 'Обновить номер телефона: /phone +998901234567' },
    { command: 'login', description: 'Код для входа в приложение' },
    { command: 'cancel', description: 'Отменить текущее действие' },
    { command: 'language', description: 'Язык бота' },
    { command: 'currency', description: 'Валюта по умолчанию' },
  ],
  uz: [
    { command: 'start', description: 'Bot bilan ishlashni boshlash' },
    { command: 'help', description: 'Buyruqlar boʻyicha maʼlumot' },
    { command: 'balance', description: 'Joriy balansni koʻrsatish' },
    { command: 'phone', description: 'Telefon raqamini yangilash: /phone +998901234567' },
    { command: 'login', description: 'Ilovaga kirish kodi' },
    { command: 'cancel', description: 'Joriy amalni bekor qilish' },
    { command: 'language', description: 'Bot tili' },
    { command: 'currency', description: 'Asosiy valyuta' },
  ],
  en: [
    { command: 'start', description: 'Start using the bot' },
    { command: 'help', description: 'Command reference' },
    { command: 'balance', description: 'Show your current balance' },
    { command: 'phone', description: 'Update your phone number: /phone +998901234567' },
    { command: 'login', description: 'Code to log in to the app' },
    { command: 'cancel', description: 'Cancel the current action' },
    { command: 'language', description: 'Bot language' },
    { command: 'currency', description: 'Default currency' },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Formatters
// ---------------------------------------------------------------------------------------------------------------

export const welcomeText = (lang: Language): string => WELCOME[lang];
export const helpText = (lang: Language): string => HELP[lang];
export const shareContactLabel = (lang: Language): string => T[lang].shareContact;
export const needStartText = (lang: Language): string => T[lang].needStart;
export const apologyText = (lang: Language): string => T[lang].apology;
export const textHint = (lang: Language): string => T[lang].textHint;
export const unknownCommandText = (lang: Language): string => T[lang].unknownCommand;
export const contactNotOwnText = (lang: Language): string => T[lang].contactNotOwn;
export const cancelText = (lang: Language, hadPending: boolean): string =>
  hadPending ? T[lang].cancelled : T[lang].nothingToCancel;
export const loginCodeText = (lang: Language, code: string, validMinutes: number): string =>
  T[lang].loginCode(code, validMinutes);

export type PhoneOutcome =
  { ok: true; phone: string } | { ok: false; reason: 'missing' | 'no_plus' | 'invalid' | 'taken' };

export function phoneText(lang: Language, outcome: PhoneOutcome): string {
  const t = T[lang];
  if (outcome.ok) return `${t.phoneUpdated}${outcome.phone}`;
  switch (outcome.reason) {
    // docs/interface.md §4: missing and invalid numbers both get the same error (it shows the expected format).
    case 'missing':
    case 'no_plus':
    case 'invalid':
      return t.phoneError;
    case 'taken':
      return t.phoneTaken;
  }
}

export function voiceInfoText(lang: Language, durationSeconds: number, fileSize: number | undefined): string {
  const t = T[lang];
  return t.voiceInfo(durationSeconds, fileSize === undefined ? t.unknownSize : String(fileSize));
}

export function voiceTooLongText(lang: Language, durationSeconds: number, maxSeconds: number): string {
  return T[lang].voiceTooLong(durationSeconds, maxSeconds);
}

/** "15.12.2023 14:30" in the given IANA time zone. */
export function formatDateTime(at: Date, timeZone: string): string {
  const w = wallClock(at, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(w.day)}.${two(w.month)}.${w.year} ${two(w.hour)}:${two(w.minute)}`;
}

export interface BalanceView {
  /** One entry per currency the user has transactions in (empty: none yet). */
  totals: Array<{ currency: string; incomeMinor: bigint; expenseMinor: bigint; balanceMinor: bigint }>;
  /** `categoryName` is already in the user's language (their own category names included). */
  recent: Array<{
    type: TransactionType;
    amountMinor: bigint;
    currency: string;
    description: string;
    categoryName: string;
  }>;
  /** Shown for an empty balance. */
  defaultCurrency: string;
  /** Everything in the user's currency at the bank's rates; shown only when rates were used (`rateDate` set). */
  converted?: ConvertedView | null;
  at: Date;
  timeZone: string;
}

export interface ConvertedView {
  currency: string;
  incomeMinor: bigint;
  expenseMinor: bigint;
  balanceMinor: bigint;
  /** YYYY-MM-DD; null: nothing was converted. */
  rateDate: string | null;
  /** UZS per unit, decimal strings ("12741.19"). */
  rates: Record<string, string>;
}

/** "12741.19" → "12,741.19". */
export function groupDecimal(text: string): string {
  const [units, frac] = text.split('.');
  return `${units.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac === undefined ? '' : `.${frac}`}`;
}

/** "2026-11-28" → "28.11.2026". */
const dottedDate = (iso: string): string => iso.split('-').reverse().join('.');

/** The converted block of /balance: the title with the rate date, the three sums, "1 USD = 12,741.19 UZS" per rate. */
function convertedBlock(lang: Language, c: ConvertedView): string | null {
  if (!c.rateDate) return null;
  const t = T[lang];
  return [
    t.convertedTitle(c.currency, dottedDate(c.rateDate)),
    `${t.income}: ${formatMoney(c.incomeMinor, c.currency)}`,
    `${t.expense}: ${formatMoney(c.expenseMinor, c.currency)}`,
    `${t.total}: ${formatMoney(c.balanceMinor, c.currency)}`,
    ...Object.entries(c.rates).map(([currency, rate]) => `1 ${currency} = ${groupDecimal(rate)} UZS`),
  ].join('\n');
}

/** The /balance layout (docs/interface.md §4); one income/expense/total block per currency, then the converted total (if any). */
export function balanceText(lang: Language, view: BalanceView): string {
  const t = T[lang];
  const totals = view.totals.length
    ? view.totals
    : [{ currency: view.defaultCurrency, incomeMinor: 0n, expenseMinor: 0n, balanceMinor: 0n }];
  const blocks = totals.map((c) =>
    [
      `${t.income}: ${formatMoney(c.incomeMinor, c.currency)}`,
      `${t.expense}: ${formatMoney(c.expenseMinor, c.currency)}`,
      `${t.total}: ${formatMoney(c.balanceMinor, c.currency)}`,
    ].join('\n'),
  );
  const recentLines = view.recent.map((r) => {
    const label = r.description.trim() || r.categoryName;
    return `${r.type === 'income' ? '💰' : '💸'} ${formatMoney(r.amountMinor, r.currency)} - ${label}`;
  });
  const converted = view.converted ? convertedBlock(lang, view.converted) : null;
  const head = [
    t.balanceTitle,
    ...blocks,
    ...(converted ? [converted] : []),
    `${t.asOf} ${formatDateTime(view.at, view.timeZone)}`,
  ];
  if (!recentLines.length) return [...head, t.noTransactions].join('\n\n');
  return fitList(recentLines.length, (shown) => {
    const more = shown < recentLines.length ? [t.moreRecent(recentLines.length - shown)] : [];
    return [...head, [t.recent, ...recentLines.slice(0, shown), ...more].join('\n')].join('\n\n');
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Phrases: what was recorded, the amount question, intents, inline buttons
// ---------------------------------------------------------------------------------------------------------------

const LANGUAGE_NAMES: Record<Language, string> = { ru: '🇷🇺 Русский', uz: '🇺🇿 Oʻzbekcha', en: '🇬🇧 English' };

const P = {
  ru: {
    recorded: '✅ Записано:',
    undone: (n: number) =>
      `↩️ Отменено, ${pluralRu(n, ['удалена', 'удалены', 'удалено'])} ${n} ${pluralRu(n, ['запись', 'записи', 'записей'])}:`,
    more: (n: number, totals: string) => `… и ещё ${n}: ${totals}`,
    moreExpense: 'расходы',
    moreIncome: 'доходы',
    askAmount: '💬 Сколько? Напишите сумму, например 25000',
    amountAgain: '🤔 Не понял сумму. Напишите число, например 25000 — или /cancel, чтобы не записывать.',
    tooLarge: (max: string) =>
      `❌ Слишком большая сумма: в одной записи не больше ${max}. Проверьте число и напишите ещё раз.`,
    smalltalk: '🙂 Всегда рад помочь! Напишите трату или доход, например: «такси 20000».',
    undoLast: '↩️ Удалил последнюю запись:',
    nothingToUndo: '👌 Отменять нечего: записей пока нет.',
    languageSet: '✅ Язык: Русский',
    chooseLanguage: '🌐 Выберите язык:',
    currencySet: (c: string) => `✅ Валюта по умолчанию: ${c}`,
    chooseCurrency: '💱 Выберите валюту по умолчанию:',
    statsTitle: (month: string, year: number) => `📊 Статистика за ${month} ${year}`,
    statsEmpty: (month: string, year: number) => `📊 За ${month} ${year} операций пока нет.`,
    expenses: '💸 Расходы',
    incomes: '💰 Доходы',
    undoButton: '↩️ Отменить',
    categoryButton: '🏷 Категория',
    backButton: '⬅️ Назад',
    toastUndone: '↩️ Отменено',
    alreadyUndone: '⚠️ Эти записи уже отменены или недоступны.',
    notAvailable: '⚠️ Эта кнопка устарела.',
    chooseItem: '🏷 Какую запись?',
    chooseCategory: '🏷 Выберите категорию',
    toastCategory: (name: string) => `🏷 ${name}`,
  },
  uz: {
    recorded: '✅ Yozib qoʻyildi:',
    undone: (n: number) => `↩️ Bekor qilindi, ${n} ta yozuv oʻchirildi:`,
    more: (n: number, totals: string) => `… yana ${n} ta: ${totals}`,
    moreExpense: 'xarajat',
    moreIncome: 'daromad',
    askAmount: '💬 Qancha? Summani yozing, masalan 25000',
    amountAgain: '🤔 Summani tushunmadim. Raqam yozing, masalan 25000 — yoki yozmaslik uchun /cancel.',
    tooLarge: (max: string) =>
      `❌ Summa juda katta: bitta yozuvda koʻpi bilan ${max}. Raqamni tekshirib, qayta yozing.`,
    smalltalk: '🙂 Doim yordamga tayyorman! Xarajat yoki daromadni yozing, masalan: «taksi 20 ming».',
    undoLast: '↩️ Oxirgi yozuv oʻchirildi:',
    nothingToUndo: '👌 Bekor qiladigan narsa yoʻq: hali yozuvlar yoʻq.',
    languageSet: '✅ Til: Oʻzbekcha',
    chooseLanguage: '🌐 Tilni tanlang:',
    currencySet: (c: string) => `✅ Asosiy valyuta: ${c}`,
    chooseCurrency: '💱 Asosiy valyutani tanlang:',
    statsTitle: (month: string, year: number) => `📊 ${year}-yil ${month} statistikasi`,
    statsEmpty: (month: string, year: number) => `📊 ${year}-yil ${month} oyida hali operatsiyalar yoʻq.`,
    expenses: '💸 Xarajatlar',
    incomes: '💰 Daromadlar',
    undoButton: '↩️ Bekor qilish',
    categoryButton: '🏷 Kategoriya',
    backButton: '⬅️ Orqaga',
    toastUndone: '↩️ Bekor qilindi',
    alreadyUndone: '⚠️ Bu yozuvlar allaqachon bekor qilingan yoki mavjud emas.',
    notAvailable: '⚠️ Bu tugma eskirgan.',
    chooseItem: '🏷 Qaysi yozuv?',
    chooseCategory: '🏷 Kategoriyani tanlang',
    toastCategory: (name: string) => `🏷 ${name}`,
  },
  en: {
    recorded: '✅ Recorded:',
    undone: (n: number) => `↩️ Cancelled, ${n} ${pluralEn(n, 'record', 'records')} removed:`,
    more: (n: number, totals: string) => `… and ${n} more: ${totals}`,
    moreExpense: 'expense',
    moreIncome: 'income',
    askAmount: '💬 How much? Type the amount, e.g. 25000',
    amountAgain: "🤔 I didn't get the amount. Type a number, e.g. 25000, or /cancel to drop it.",
    tooLarge: (max: string) =>
      `❌ That amount is too large: one record holds at most ${max}. Check the number and try again.`,
    smalltalk: '🙂 Happy to help! Tell me an expense or income, e.g. “taxi 20000”.',
    undoLast: '↩️ Removed the last record:',
    nothingToUndo: '👌 Nothing to undo: no records yet.',
    languageSet: '✅ Language: English',
    chooseLanguage: '🌐 Choose a language:',
    currencySet: (c: string) => `✅ Default currency: ${c}`,
    chooseCurrency: '💱 Choose your default currency:',
    statsTitle: (month: string, year: number) => `📊 Statistics for ${month} ${year}`,
    statsEmpty: (month: string, year: number) => `📊 No transactions in ${month} ${year} yet.`,
    expenses: '💸 Expenses',
    incomes: '💰 Income',
    undoButton: '↩️ Undo',
    categoryButton: '🏷 Category',
    backButton: '⬅️ Back',
    toastUndone: '↩️ Cancelled',
    alreadyUndone: '⚠️ These records are already cancelled or not available.',
    notAvailable: '⚠️ This button is out of date.',
    chooseItem: '🏷 Which record?',
    chooseCategory: '🏷 Choose a category',
    toastCategory: (name: string) => `🏷 ${name}`,
  },
} satisfies Record<Language, Record<string, unknown>>;
const P_COMPLETE: Record<Language, typeof P.ru> = P;

/** "15.12.2023" in the given IANA time zone. */
export function formatDate(at: Date, timeZone: string): string {
  return formatDateTime(at, timeZone).slice(0, 10);
}

/** One recorded (or pending) transaction as the bot lists it. */
export interface ItemView {
  type: TransactionType;
  /** null: not known yet (the amount question). */
  amountMinor: bigint | null;
  currency: string;
  /** The category's name in the user's language. */
  categoryName: string;
  description: string;
  occurredAt: Date;
}

/** "💸 50,000.00 UZS — Продукты, хлеб · 29.11.2026"; the description is left out when it only repeats the category. */
export function itemLine(item: ItemView, timeZone: string): string {
  const emoji = item.type === 'income' ? '💰' : '💸';
  const description = item.description.trim();
  const showDescription = description && description.toLowerCase() !== item.categoryName.toLowerCase();
  const what = `${item.categoryName}${showDescription ? `, ${description}` : ''}`;
  const amount = item.amountMinor === null ? '' : `${formatMoney(item.amountMinor, item.currency)} — `;
  return `${emoji} ${amount}${what} · ${formatDate(item.occurredAt, timeZone)}`;
}

/** One line per item; several are numbered ("1. …", "2. …"). */
export function itemLines(items: readonly ItemView[], timeZone: string): string[] {
  return items.length === 1
    ? [itemLine(items[0], timeZone)]
    : items.map((item, i) => `${i + 1}. ${itemLine(item, timeZone)}`);
}

/** "… и ещё 287: расходы 1,234,000.00 UZS, 5.00 USD; доходы 100.00 USD" — what the items left out of a list add up to. */
export function moreItemsLine(lang: Language, omitted: readonly ItemView[]): string {
  const t = P[lang];
  const parts: string[] = [];
  for (const type of ['expense', 'income'] as const) {
    const sums = new Map<string, bigint>();
    for (const item of omitted) {
      if (item.type !== type || item.amountMinor === null) continue;
      sums.set(item.currency, (sums.get(item.currency) ?? 0n) + item.amountMinor);
    }
    if (!sums.size) continue;
    const amounts = [...sums]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, sum]) => formatMoney(sum, currency));
    parts.push(`${type === 'expense' ? t.moreExpense : t.moreIncome} ${amounts.join(', ')}`);
  }
  return t.more(omitted.length, parts.join('; '));
}

/**
 * A title, the items one line each and, after them, `tail` blocks (the amount question). Longer than a message
 * may be: the first items that fit, then one line with how many are left and what they add up to.
 */
function itemList(
  lang: Language,
  title: string,
  items: readonly ItemView[],
  timeZone: string,
  tail: readonly string[] = [],
): string {
  const lines = itemLines(items, timeZone);
  return fitList(items.length, (shown) => {
    const list = [
      title,
      ...lines.slice(0, shown),
      ...(shown < items.length ? [moreItemsLine(lang, items.slice(shown))] : []),
    ];
    return [list.join('\n'), ...tail].join('\n\n');
  });
}

/** The reply to a recorded phrase: every item, one line each; `pending` adds the amount question for what is left. */
export function recordedText(
  lang: Language,
  items: readonly ItemView[],
  timeZone: string,
  pending?: ItemView,
): string {
  const question = pending ? [askAmountText(lang, pending, timeZone)] : [];
  if (!items.length) return question.join('');
  return itemList(lang, P[lang].recorded, items, timeZone, question);
}

/** The recorded reply after ↩️ Undo: how many records went, and which. */
export function undoneText(lang: Language, items: readonly ItemView[], timeZone: string): string {
  return itemList(lang, P[lang].undone(items.length), items, timeZone);
}

/** "💬 Сколько? …" and what it is for. */
export function askAmountText(lang: Language, item: ItemView, timeZone: string): string {
  return `${P[lang].askAmount}\n${itemLine({ ...item, amountMinor: null }, timeZone)}`;
}

/** An "undo" phrase: what was removed, or that there was nothing. */
export function undoLastText(lang: Language, removed: ItemView | null, timeZone: string): string {
  return removed ? `${P[lang].undoLast}\n${itemLine(removed, timeZone)}` : P[lang].nothingToUndo;
}

export const amountAgainText = (lang: Language): string => P[lang].amountAgain;
/** An amount over what one record can hold (numeric(15,2): MAX_AMOUNT_MINOR), the maximum said. */
export const tooLargeText = (lang: Language): string => P[lang].tooLarge(formatAmount(MAX_AMOUNT_MINOR));
export const smalltalkText = (lang: Language): string => P[lang].smalltalk;
/** Confirmation of a language change, in the new language. */
export const languageSetText = (lang: Language): string => P[lang].languageSet;
export const chooseLanguageText = (lang: Language): string => P[lang].chooseLanguage;
export const currencySetText = (lang: Language, currency: string): string => P[lang].currencySet(currency);
export const chooseCurrencyText = (lang: Language): string => P[lang].chooseCurrency;
export const languageLabel = (lang: Language): string => LANGUAGE_NAMES[lang];

/** Toasts and alerts of the inline buttons. */
export const callbackTexts = (lang: Language) => {
  const t = P[lang];
  return {
    undone: t.toastUndone,
    alreadyUndone: t.alreadyUndone,
    notAvailable: t.notAvailable,
    chooseItem: t.chooseItem,
    chooseCategory: t.chooseCategory,
    categorySet: t.toastCategory,
  };
};

/** Labels of the inline buttons under a recorded reply. */
export const buttonLabels = (lang: Language) => ({
  undo: P[lang].undoButton,
  category: P[lang].categoryButton,
  back: P[lang].backButton,
});

export interface CategorySum {
  currency: string;
  type: TransactionType;
  categoryName: string;
  totalMinor: bigint;
}

/**
 * This month's expenses and incomes by category, one block per currency (largest category first):
 * 📊 Статистика за ноябрь 2026 / UZS: 💸 Расходы — total, • Продукты: …, then 💰 Доходы.
 */
export function statsText(lang: Language, year: number, month: number, sums: readonly CategorySum[]): string {
  const t = P[lang];
  const monthName = MONTH_NAMES[lang][month - 1];
  if (!sums.length) return t.statsEmpty(monthName, year);
  const currencies = [...new Set(sums.map((s) => s.currency))].sort();
  const blocks = currencies.map((currency) => {
    const lines: string[] = [];
    for (const type of ['expense', 'income'] as const) {
      const rows = sums
        .filter((s) => s.currency === currency && s.type === type)
        .sort((a, b) =>
          a.totalMinor === b.totalMinor
            ? a.categoryName.localeCompare(b.categoryName)
            : a.totalMinor > b.totalMinor
              ? -1
              : 1,
        );
      if (!rows.length) continue;
      const total = rows.reduce((sum, r) => sum + r.totalMinor, 0n);
      lines.push(`${type === 'expense' ? t.expenses : t.incomes}: ${formatMoney(total, currency)}`);
      for (const r of rows) lines.push(`• ${r.categoryName}: ${formatMoney(r.totalMinor, currency)}`);
    }
    return lines.join('\n');
  });
  return [t.statsTitle(monthName, year), ...blocks].join('\n\n');
}

/** Every catalogue, for the completeness test (each language has each key, non-empty, in its own script). */
export const CATALOGUES = {
  welcome: WELCOME,
  help: HELP,
  texts: T_COMPLETE,
  phrases: P_COMPLETE,
  commands: COMMANDS,
  languageNames: LANGUAGE_NAMES,
  months: MONTH_NAMES,
} as const;
