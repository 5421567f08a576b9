/**
 * The bot's texts in a Telegram group linked to a household (docs/households.md, "Group chats"), per language; pure.
 * Replies in a group are short and name only the household's money: never a member's personal records or balance.
 */
import { formatMoney } from '../../../common/money';
import type { Language } from '../../../config/app-config';
import type { TransactionType } from '../../transactions/transaction.entity';

/** One recorded row as the group sees it. */
export interface GroupItem {
  type: TransactionType;
  amountMinor: bigint;
  currency: string;
  /** Already in the reply's language. */
  categoryName: string;
}

/** The household's totals in one currency. */
export interface GroupTotals {
  currency: string;
  incomeMinor: bigint;
  expenseMinor: bigint;
}

interface GroupTexts {
  /** The bot was added to a group: the message above the link button. */
  added: string;
  linkButton: string;
  /** Someone addressed the bot in a group not linked to any household. */
  notLinked: string;
  linked: (household: string) => string;
  /** The presser is not the owner of a household (or has no account): an alert. */
  notOwner: string;
  /** The group is linked to another household: an alert. */
  taken: string;
  /** One polite reply to someone who is not a member of the linked household. */
  notMember: (household: string) => string;
  /** Marks a record as the household's. */
  toFamily: string;
  notUnderstood: string;
  tooLarge: string;
  balanceTitle: (household: string) => string;
  balanceLine: (balance: string, income: string, expense: string) => string;
  noRecords: string;
  help: (household: string) => string;
}

const TEXTS: Record<Language, GroupTexts> = {
  ru: {
    added:
      '👋 Я OvozPay: записываю расходы и доходы семьи. Владелец семьи, нажмите кнопку, и записи участников в этой группе пойдут в семейный кошелёк.',
    linkButton: '🏠 Привязать к моей семье',
    notLinked:
      '🏠 Эта группа не привязана к семье. Владелец семьи в OvozPay может привязать её кнопкой ниже.',
    linked: (h) => `✅ Группа привязана к семье «${h}». Пишите сюда, например: «продукты 50000».`,
    notOwner: 'Привязать группу может только владелец семьи в OvozPay (/family в личном чате с ботом).',
    taken: 'Эта группа уже привязана к другой семье.',
    notMember: (h) =>
      `🙏 Записывать здесь могут только участники семьи «${h}». Попросите владельца пригласить вас.`,
    toFamily: 'в семью',
    notUnderstood: '🤔 Не понял. Напишите сумму и на что, например: «продукты 50000».',
    tooLarge: '⚠️ Слишком большая сумма.',
    balanceTitle: (h) => `🏠 Семья «${h}»:`,
    balanceLine: (b, i, e) => `${b} (доходы ${i}, расходы ${e})`,
    noRecords: 'пока нет записей.',
    help: (h) =>
      `🏠 Группа семьи «${h}». Пишите расходы и доходы, например: «продукты 50000», — запишу в семейный кошелёк. /balance — итоги семьи.`,
  },
  uz: {
    added:
      '👋 Men OvozPay: oilaning xarajat va daromadlarini yozib boraman. Oila egasi, tugmani bosing, shunda bu guruhdagi aʼzolarning yozuvlari oilaviy hamyonga tushadi.',
    linkButton: '🏠 Oilamga bogʻlash',
    notLinked:
      '🏠 Bu guruh oilaga bogʻlanmagan. OvozPay botidagi oila egasi uni quyidagi tugma bilan bogʻlashi mumkin.',
    linked: (h) => `✅ Guruh «${h}» oilasiga bogʻlandi. Shu yerga yozing, masalan: «oziq-ovqat 50000».`,
    notOwner: 'Guruhni faqat OvozPay botidagi oila egasi bogʻlay oladi (bot bilan shaxsiy chatda /family).',
    taken: 'Bu guruh boshqa oilaga bogʻlangan.',
    notMember: (h) =>
      `🙏 Bu yerda faqat «${h}» oilasi aʼzolari yozishi mumkin. Oila egasidan taklif soʻrang.`,
    toFamily: 'oilaga',
    notUnderstood: '🤔 Tushunmadim. Summani va nimaga ekanini yozing, masalan: «oziq-ovqat 50000».',
    tooLarge: '⚠️ Summa juda katta.',
    balanceTitle: (h) => `🏠 «${h}» oilasi:`,
    balanceLine: (b, i, e) => `${b} (daromad ${i}, xarajat ${e})`,
    noRecords: 'hali yozuvlar yoʻq.',
    help: (h) =>
      `🏠 «${h}» oilasi guruhi. Xarajat va daromadlarni yozing, masalan: «oziq-ovqat 50000», — oilaviy hamyonga yozaman. /balance — oila yakunlari.`,
  },
  en: {
    added:
      '👋 I am OvozPay: I keep a family’s expenses and income. Family owner, press the button and members’ records in this group will go to the family wallet.',
    linkButton: '🏠 Link to my family',
    notLinked:
      '🏠 This group is not linked to a family. The owner of a family in OvozPay can link it with the button below.',
    linked: (h) => `✅ The group is linked to the family “${h}”. Write here, e.g. “groceries 50000”.`,
    notOwner:
      'Only the owner of a family in OvozPay can link this group (/family in a private chat with the bot).',
    taken: 'This group is already linked to another family.',
    notMember: (h) => `🙏 Only members of the family “${h}” can record here. Ask the owner for an invite.`,
    toFamily: 'to the family',
    notUnderstood: '🤔 I did not understand. Write an amount and what for, e.g. “groceries 50000”.',
    tooLarge: '⚠️ The amount is too large.',
    balanceTitle: (h) => `🏠 Family “${h}”:`,
    balanceLine: (b, i, e) => `${b} (income ${i}, expenses ${e})`,
    noRecords: 'no records yet.',
    help: (h) =>
      `🏠 The group of the family “${h}”. Write expenses and income, e.g. “groceries 50000”, and I record them to the family wallet. /balance shows the family’s totals.`,
  },
};

export function groupTexts(lang: Language): GroupTexts {
  return TEXTS[lang];
}

/** "✅ Bob: 50,000.00 UZS — Продукты (в семью)", one line per recorded row (income with a plus). */
export function groupRecordedText(lang: Language, sender: string, items: readonly GroupItem[]): string {
  const t = TEXTS[lang];
  return items
    .map((i) => {
      const sign = i.type === 'income' ? '+' : '';
      return `✅ ${sender}: ${sign}${formatMoney(i.amountMinor, i.currency)} — ${i.categoryName} (${t.toFamily})`;
    })
    .join('\n');
}

/** /balance in a group: the household's totals per currency, nobody's personal money. */
export function groupBalanceText(lang: Language, household: string, totals: readonly GroupTotals[]): string {
  const t = TEXTS[lang];
  if (!totals.length) return `${t.balanceTitle(household)} ${t.noRecords}`;
  const lines = totals.map((c) =>
    t.balanceLine(
      formatMoney(c.incomeMinor - c.expenseMinor, c.currency),
      formatMoney(c.incomeMinor, c.currency),
      formatMoney(c.expenseMinor, c.currency),
    ),
  );
  return [t.balanceTitle(household), ...lines].join('\n');
}
