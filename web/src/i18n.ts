/** The Mini App's texts per language. `Texts` lists every key: a missing translation fails the type check. */
export type Lang = 'ru' | 'uz' | 'en';
export const LANGS: readonly Lang[] = ['ru', 'uz', 'en'];

export type Period = 'week' | 'month' | 'prev_month' | 'year';
export type Tab = 'home' | 'stats' | 'plans' | 'goals' | 'debts';
export type PlanPeriod = 'month' | 'week';
export type ForecastKind = 'balance' | 'recurring_income' | 'recurring_expense' | 'budget';

interface Texts {
  tabs: Record<Tab, string>;
  balance: string;
  converted: (currency: string, date: string) => string;
  income: string;
  expense: string;
  transactions: string;
  add: string;
  noTransactions: string;
  noTransactionsHint: string;
  search: string;
  allTypes: string;
  allCategories: string;
  allTime: string;
  periods: Record<Period, string>;
  loadMore: string;
  newTx: string;
  editTx: string;
  type: string;
  amount: string;
  amountInvalid: string;
  currency: string;
  category: string;
  description: string;
  date: string;
  save: string;
  saving: string;
  delete: string;
  cancel: string;
  stats: string;
  statsEmpty: string;
  goals: string;
  goalsEmpty: string;
  debts: string;
  debtsEmpty: string;
  lent: string;
  borrowed: string;
  remaining: string;
  due: string;
  deadline: string;
  unavailable: string;
  errorTitle: string;
  retry: string;
  loginFailed: string;
  notInTelegram: string;
  network: string;
  sessionExpired: string;
  walletPersonal: string;
  walletFamily: string;
  familyBalance: (name: string) => string;
  addedBy: (name: string) => string;
  byMember: string;
  notYours: string;
  budgets: string;
  budgetsEmpty: string;
  addBudget: string;
  newBudget: string;
  everything: string;
  foodBoth: string;
  budgetPeriod: string;
  budgetPeriods: Record<PlanPeriod, string>;
  spentOf: (spent: string, amount: string) => string;
  left: (amount: string) => string;
  over: (amount: string) => string;
  noRate: string;
  recurring: string;
  recurringEmpty: string;
  addRecurring: string;
  newRecurring: string;
  every: string;
  everyChoice: Record<PlanPeriod, string>;
  day: string;
  weekdays: readonly string[];
  schedule: (every: PlanPeriod, day: number) => string;
  next: (date: string) => string;
  auto: string;
  autoTag: string;
  pause: string;
  resume: string;
  paused: string;
  forecast: string;
  forecastExpected: (date: string) => string;
  forecastParts: Record<ForecastKind, string>;
}

export const TEXTS: Record<Lang, Texts> = {
  ru: {
    tabs: { home: 'Главная', stats: 'Статистика', plans: 'Планы', goals: 'Цели', debts: 'Долги' },
    balance: 'Баланс',
    converted: (c, d) => `Итого в ${c} по курсу ЦБ на ${d}`,
    income: 'Доход',
    expense: 'Расход',
    transactions: 'Операции',
    add: 'Добавить',
    noTransactions: 'Операций пока нет',
    noTransactionsHint: 'Добавьте первую кнопкой «Добавить» или напишите боту: «обед 45000».',
    search: 'Поиск',
    allTypes: 'Все',
    allCategories: 'Все категории',
    allTime: 'За всё время',
    periods: { week: 'Неделя', month: 'Этот месяц', prev_month: 'Прошлый месяц', year: 'Год' },
    loadMore: 'Загрузить ещё',
    newTx: 'Новая операция',
    editTx: 'Операция',
    type: 'Тип',
    amount: 'Сумма',
    amountInvalid: 'Введите сумму больше нуля, например 45000 или 12.50',
    currency: 'Валюта',
    category: 'Категория',
    description: 'Описание',
    date: 'Дата',
    save: 'Сохранить',
    saving: 'Сохраняем…',
    delete: 'Удалить',
    cancel: 'Отмена',
    stats: 'Расходы по категориям',
    statsEmpty: 'За этот период расходов нет',
    goals: 'Цели',
    goalsEmpty: 'Целей пока нет',
    debts: 'Долги',
    debtsEmpty: 'Долгов нет',
    lent: 'Мне должны',
    borrowed: 'Я должен',
    remaining: 'Осталось',
    due: 'Срок',
    deadline: 'До',
    unavailable: 'Этот раздел пока недоступен на сервере',
    errorTitle: 'Что-то пошло не так',
    retry: 'Повторить',
    loginFailed:
      'Не удалось войти: данные Telegram недействительны или устарели. Закройте и откройте приложение снова.',
    notInTelegram: 'Откройте приложение из Telegram: кнопка «Открыть» в боте OvozPay.',
    network: 'Нет связи с сервером',
    sessionExpired: 'Сессия истекла. Откройте приложение снова.',
    walletPersonal: 'Личное',
    walletFamily: 'Семья',
    familyBalance: (n) => `Баланс семьи «${n}»`,
    addedBy: (n) => `Добавил(а): ${n}`,
    byMember: 'По участникам',
    notYours:
      'Эту запись добавил другой участник семьи: изменить или удалить её может только он (удалить — ещё владелец семьи).',
    budgets: 'Бюджеты',
    budgetsEmpty: 'Лимитов пока нет: задайте, сколько тратить в месяц или в неделю',
    addBudget: 'Новый бюджет',
    newBudget: 'Бюджет',
    everything: 'Все расходы',
    foodBoth: 'Еда (продукты и кафе)',
    budgetPeriod: 'Период',
    budgetPeriods: { month: 'В месяц', week: 'В неделю' },
    spentOf: (s, a) => `${s} из ${a}`,
    left: (a) => `Осталось ${a}`,
    over: (a) => `Перерасход ${a}`,
    noRate: 'Нет курса ЦБ для пересчёта',
    recurring: 'Регулярные платежи и доходы',
    recurringEmpty: 'Регулярных платежей пока нет: аренда, зарплата, подписки',
    addRecurring: 'Новый регулярный',
    newRecurring: 'Регулярный платёж',
    every: 'Повторять',
    everyChoice: { month: 'Каждый месяц', week: 'Каждую неделю' },
    day: 'День',
    weekdays: ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'],
    schedule: (e, d) =>
      e === 'month' ? `каждый месяц, ${d}-го` : `каждую неделю, ${TEXTS.ru.weekdays[d - 1]}`,
    next: (d) => `следующий ${d}`,
    auto: 'Записывать сам, не спрашивая',
    autoTag: 'авто',
    pause: 'Пауза',
    resume: 'Возобновить',
    paused: 'на паузе',
    forecast: 'Прогноз на конец месяца',
    forecastExpected: (d) => `Ожидается на ${d}`,
    forecastParts: {
      balance: 'Баланс сейчас',
      recurring_income: 'Ожидаемый доход',
      recurring_expense: 'Регулярный платёж',
      budget: 'Остаток бюджета',
    },
  },
  uz: {
    tabs: { home: 'Asosiy', stats: 'Statistika', plans: 'Rejalar', goals: 'Maqsadlar', debts: 'Qarzlar' },
    balance: 'Balans',
    converted: (c, d) => `Jami ${c}da, MB kursi ${d} boʻyicha`,
    income: 'Daromad',
    expense: 'Xarajat',
    transactions: 'Amallar',
    add: 'Qoʻshish',
    noTransactions: 'Hozircha amallar yoʻq',
    noTransactionsHint: 'Birinchisini «Qoʻshish» tugmasi bilan kiriting yoki botga yozing: «tushlik 45000».',
    search: 'Qidirish',
    allTypes: 'Hammasi',
    allCategories: 'Barcha toifalar',
    allTime: 'Butun davr',
    periods: { week: 'Hafta', month: 'Shu oy', prev_month: 'Oʻtgan oy', year: 'Yil' },
    loadMore: 'Yana yuklash',
    newTx: 'Yangi amal',
    editTx: 'Amal',
    type: 'Turi',
    amount: 'Summa',
    amountInvalid: 'Noldan katta summani kiriting, masalan 45000 yoki 12.50',
    currency: 'Valyuta',
    category: 'Toifa',
    description: 'Izoh',
    date: 'Sana',
    save: 'Saqlash',
    saving: 'Saqlanmoqda…',
    delete: 'Oʻchirish',
    cancel: 'Bekor qilish',
    stats: 'Toifalar boʻyicha xarajatlar',
    statsEmpty: 'Bu davrda xarajatlar yoʻq',
    goals: 'Maqsadlar',
    goalsEmpty: 'Hozircha maqsadlar yoʻq',
    debts: 'Qarzlar',
    debtsEmpty: 'Qarzlar yoʻq',
    lent: 'Menga qarzdor',
    borrowed: 'Men qarzdorman',
    remaining: 'Qoldi',
    due: 'Muddat',
    deadline: 'Muddat',
    unavailable: 'Bu boʻlim serverda hali mavjud emas',
    errorTitle: 'Nimadir xato ketdi',
    retry: 'Qayta urinish',
    loginFailed: 'Kirib boʻlmadi: Telegram maʼlumotlari yaroqsiz yoki eskirgan. Ilovani yopib, qayta oching.',
    notInTelegram: 'Ilovani Telegramdan oching: OvozPay botidagi «Ochish» tugmasi.',
    network: 'Server bilan aloqa yoʻq',
    sessionExpired: 'Sessiya tugadi. Ilovani qayta oching.',
    walletPersonal: 'Shaxsiy',
    walletFamily: 'Oila',
    familyBalance: (n) => `«${n}» oilasi balansi`,
    addedBy: (n) => `Kiritdi: ${n}`,
    byMember: 'Aʼzolar boʻyicha',
    notYours:
      'Bu yozuvni oilaning boshqa aʼzosi kiritgan: uni faqat oʻzi oʻzgartira yoki oʻchira oladi (oʻchirishni oila egasi ham).',
    budgets: 'Byudjetlar',
    budgetsEmpty: 'Hozircha limitlar yoʻq: oyiga yoki haftasiga qancha sarflashni belgilang',
    addBudget: 'Yangi byudjet',
    newBudget: 'Byudjet',
    everything: 'Barcha xarajatlar',
    foodBoth: 'Ovqat (oziq-ovqat va kafe)',
    budgetPeriod: 'Davr',
    budgetPeriods: { month: 'Oyiga', week: 'Haftasiga' },
    spentOf: (s, a) => `${a} dan ${s}`,
    left: (a) => `Qoldi ${a}`,
    over: (a) => `Ortiqcha sarf ${a}`,
    noRate: 'Hisoblash uchun MB kursi yoʻq',
    recurring: 'Muntazam toʻlovlar va daromadlar',
    recurringEmpty: 'Hozircha muntazam toʻlovlar yoʻq: ijara, oylik, obunalar',
    addRecurring: 'Yangi muntazam',
    newRecurring: 'Muntazam toʻlov',
    every: 'Takrorlash',
    everyChoice: { month: 'Har oy', week: 'Har hafta' },
    day: 'Kun',
    weekdays: ['dushanba', 'seshanba', 'chorshanba', 'payshanba', 'juma', 'shanba', 'yakshanba'],
    schedule: (e, d) => (e === 'month' ? `har oy, ${d}-sanada` : `har hafta, ${TEXTS.uz.weekdays[d - 1]}`),
    next: (d) => `keyingisi ${d}`,
    auto: 'Soʻramasdan oʻzi yozsin',
    autoTag: 'avto',
    pause: 'Toʻxtatish',
    resume: 'Davom ettirish',
    paused: 'toʻxtatilgan',
    forecast: 'Oy oxiriga prognoz',
    forecastExpected: (d) => `${d} holatiga kutilmoqda`,
    forecastParts: {
      balance: 'Hozirgi balans',
      recurring_income: 'Kutilayotgan daromad',
      recurring_expense: 'Muntazam toʻlov',
      budget: 'Byudjet qoldigʻi',
    },
  },
  en: {
    tabs: { home: 'Home', stats: 'Statistics', plans: 'Plans', goals: 'Goals', debts: 'Debts' },
    balance: 'Balance',
    converted: (c, d) => `Total in ${c} at the CBU rate of ${d}`,
    income: 'Income',
    expense: 'Expense',
    transactions: 'Transactions',
    add: 'Add',
    noTransactions: 'No transactions yet',
    noTransactionsHint: 'Add the first one with “Add”, or tell the bot: “lunch 45000”.',
    search: 'Search',
    allTypes: 'All',
    allCategories: 'All categories',
    allTime: 'All time',
    periods: { week: 'Week', month: 'This month', prev_month: 'Last month', year: 'Year' },
    loadMore: 'Load more',
    newTx: 'New transaction',
    editTx: 'Transaction',
    type: 'Type',
    amount: 'Amount',
    amountInvalid: 'Enter an amount above zero, e.g. 45000 or 12.50',
    currency: 'Currency',
    category: 'Category',
    description: 'Description',
    date: 'Date',
    save: 'Save',
    saving: 'Saving…',
    delete: 'Delete',
    cancel: 'Cancel',
    stats: 'Spending by category',
    statsEmpty: 'No spending in this period',
    goals: 'Goals',
    goalsEmpty: 'No goals yet',
    debts: 'Debts',
    debtsEmpty: 'No debts',
    lent: 'Owed to me',
    borrowed: 'I owe',
    remaining: 'Remaining',
    due: 'Due',
    deadline: 'By',
    unavailable: 'This section is not available on the server yet',
    errorTitle: 'Something went wrong',
    retry: 'Retry',
    loginFailed:
      'Could not sign in: the Telegram data is invalid or too old. Close the app and open it again.',
    notInTelegram: 'Open the app from Telegram: the “Open” button in the OvozPay bot.',
    network: 'No connection to the server',
    sessionExpired: 'Your session has expired. Open the app again.',
    walletPersonal: 'Personal',
    walletFamily: 'Family',
    familyBalance: (n) => `Family balance: ${n}`,
    addedBy: (n) => `Added by ${n}`,
    byMember: 'By member',
    notYours:
      'Another family member added this record: only they can change or delete it (the family owner can delete it too).',
    budgets: 'Budgets',
    budgetsEmpty: 'No limits yet: set how much to spend in a month or a week',
    addBudget: 'New budget',
    newBudget: 'Budget',
    everything: 'All spending',
    foodBoth: 'Food (groceries and cafe)',
    budgetPeriod: 'Period',
    budgetPeriods: { month: 'Per month', week: 'Per week' },
    spentOf: (s, a) => `${s} of ${a}`,
    left: (a) => `${a} left`,
    over: (a) => `Over by ${a}`,
    noRate: 'No CBU rate to convert with',
    recurring: 'Recurring payments and incomes',
    recurringEmpty: 'No recurring payments yet: rent, salary, subscriptions',
    addRecurring: 'New recurring',
    newRecurring: 'Recurring payment',
    every: 'Repeat',
    everyChoice: { month: 'Every month', week: 'Every week' },
    day: 'Day',
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    schedule: (e, d) => (e === 'month' ? `every month on day ${d}` : `every ${TEXTS.en.weekdays[d - 1]}`),
    next: (d) => `next ${d}`,
    auto: 'Record it by itself, without asking',
    autoTag: 'auto',
    pause: 'Pause',
    resume: 'Resume',
    paused: 'paused',
    forecast: 'Month-end forecast',
    forecastExpected: (d) => `Expected on ${d}`,
    forecastParts: {
      balance: 'Balance now',
      recurring_income: 'Expected income',
      recurring_expense: 'Recurring payment',
      budget: 'Budget still allowed',
    },
  },
};

export function toLang(code: string | undefined | null): Lang | undefined {
  const short = (code ?? '').slice(0, 2).toLowerCase();
  return (LANGS as readonly string[]).includes(short) ? (short as Lang) : undefined;
}
