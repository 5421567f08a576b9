/**
 * The card notification reader (docs/card-notifications.md): every format family in ru/uz/en, separators, no-break
 * spaces, emoji, reversals, transfer receipts, and ordinary phrases that must not be read as notifications.
 * All merchants, amounts and cards are made up.
 */
import { cardNotificationResult, readCardNotification, type CardNotification } from './card-notification';
import { parsePhrase, toParseJson } from './parser';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

type Expect = Partial<Omit<CardNotification, 'occurredAt'>> & { occurredAt?: string | null };

function read(text: string, now?: Date): CardNotification | null {
  return readCardNotification(text, now ? { now } : {});
}

function shape(r: CardNotification | null): Record<string, unknown> | null {
  if (r === null) return null;
  return { ...r, occurredAt: r.occurredAt === null ? null : r.occurredAt.toISOString() };
}

describe('readCardNotification: the format families', () => {
  const cases: Array<[string, string, Expect]> = [
    // 1. Card network bot in Telegram (emoji-led, Russian words)
    [
      '1 HUMO payment, time before date',
      '🔴 Оплата\n➖ 76.400,00 UZS\n📍 MAKRO YUNUSABAD\n💳 HUMOCARD *1177\n🕓 19:48 02.12.2026\n💰 3.120.550,00 UZS',
      {
        direction: 'expense',
        operation: 'payment',
        amountMinor: 7_640_000n,
        currency: 'UZS',
        merchant: 'MAKRO YUNUSABAD',
        card: '1177',
        localDate: '2026-12-02',
        localTime: '19:48',
        occurredAt: '2026-12-02T14:48:00.000Z',
        balanceMinor: 312_055_000n,
        reversal: false,
        language: 'ru',
      },
    ],
    [
      '1 HUMO top-up, date before time, ➕',
      '🟢 Пополнение\n➕ 500.000,00 UZS\n📍 P2P KARIMOV\n💳 HUMOCARD *1177\n🕓 02.12.2026 10:05\n💰 3.620.550,00 UZS',
      {
        direction: 'income',
        operation: 'topup',
        amountMinor: 50_000_000n,
        merchant: 'P2P KARIMOV',
        card: '1177',
        localDate: '2026-12-02',
        localTime: '10:05',
        balanceMinor: 362_055_000n,
      },
    ],
    [
      '1 HUMO cash withdrawal',
      '🔴 Снятие наличных\n➖ 1.000.000,00 UZS\n📍 ATM ORIENT FINANS\n💳 HUMOCARD *1177\n🕓 08:15 03.12.2026\n💰 2.620.550,00 UZS',
      {
        direction: 'expense',
        operation: 'withdrawal',
        amountMinor: 100_000_000n,
        merchant: 'ATM ORIENT FINANS',
        localTime: '08:15',
      },
    ],
    [
      '1 HUMO conversion in USD, the sign decides',
      '🔄 Конверсия\n➖ 100,00 USD\n📍 HUMO CONVERSION\n💳 HUMOCARD *1177\n🕓 12:00 03.12.2026\n💰 50,00 USD',
      {
        direction: 'expense',
        operation: 'conversion',
        amountMinor: 10_000n,
        currency: 'USD',
        balanceMinor: 5_000n,
        balanceCurrency: 'USD',
      },
    ],
    [
      '1 HUMO "Операция" with ➕',
      '🟢 Операция\n➕ 25.000,00 UZS\n📍 CASHBACK HUMO\n💳 HUMOCARD *1177\n🕓 09:00 04.12.2026\n💰 2.645.550,00 UZS',
      { direction: 'income', operation: 'other', amountMinor: 2_500_000n },
    ],
    [
      '1 HUMO "Счёт по карте изменён"',
      'Счёт по карте изменён\n➖ 12.000,00 UZS\n📍 HUMO SMS\n💳 HUMOCARD *1177\n🕓 00:01 05.12.2026\n💰 2.633.550,00 UZS',
      {
        direction: 'expense',
        amountMinor: 1_200_000n,
        localTime: '00:01',
        occurredAt: '2026-12-04T19:01:00.000Z',
      },
    ],
    [
      '1 HUMO with no-break spaces and emoji variation selectors',
      `🔴 Оплата\n➖️ 76${NBSP}400,00${NBSP}UZS\n📍️ EVOS${NBSP}CHILONZOR\n💳 HUMOCARD${NBSP}*1177\n🕓 19:48${NBSP}02.12.2026\n💰 3${NBSP}120${NBSP}550,00 UZS`,
      {
        direction: 'expense',
        amountMinor: 7_640_000n,
        merchant: 'EVOS CHILONZOR',
        card: '1177',
        balanceMinor: 312_055_000n,
      },
    ],
    // 2. Inline SMS in Latin letters
    [
      '2 Pokupka',
      'Pokupka: SAFIA BAKERY, 38 000.00 UZS 01.12.26 09:12 karta ***1177. Balans: 3 196 950.00 UZS',
      {
        direction: 'expense',
        operation: 'purchase',
        amountMinor: 3_800_000n,
        merchant: 'SAFIA BAKERY',
        card: '1177',
        localDate: '2026-12-01',
        localTime: '09:12',
        balanceMinor: 319_695_000n,
        language: 'ru',
      },
    ],
    [
      '2 E-Com oplata',
      'E-Com oplata: YANDEX.GO, 25 000.00 UZS 02.12.26 08:30 karta ***1177. Balans: 3 171 950.00 UZS',
      { direction: 'expense', operation: 'purchase', amountMinor: 2_500_000n, merchant: 'YANDEX.GO' },
    ],
    [
      '2 Spisanie c karty',
      'Spisanie c karty: UZMOBILE, 50 000.00 UZS 02.12.26 11:00 karta ***1177. Balans: 3 121 950.00 UZS',
      { direction: 'expense', operation: 'payment', merchant: 'UZMOBILE', card: '1177' },
    ],
    [
      '2 Platezh',
      'Platezh: BEELINE UZ, 30 000.00 UZS 02.12.26 11:05 karta ***1177. Balans: 3 091 950.00 UZS',
      { direction: 'expense', operation: 'payment', merchant: 'BEELINE UZ', amountMinor: 3_000_000n },
    ],
    [
      '2 Popolnenie scheta (no merchant)',
      'Popolnenie scheta: 1 000 000.00 UZS 02.12.26 10:00 karta ***1177. Balans: 4 091 950.00 UZS',
      { direction: 'income', operation: 'topup', amountMinor: 100_000_000n, merchant: '', card: '1177' },
    ],
    [
      '2 English card bot',
      'Purchase at KORZINKA, card *1177: 120,500.00 UZS on 03.12.2026 18:45. Available: 2,900,000.00 UZS',
      {
        direction: 'expense',
        operation: 'purchase',
        amountMinor: 12_050_000n,
        merchant: 'KORZINKA',
        balanceMinor: 290_000_000n,
        language: 'en',
      },
    ],
    // 3. Semicolon-separated (two-digit year first)
    [
      '3 semicolons, oplata',
      'HUMOCARD *1177: oplata 38000.00 UZS; SAFIA BAKERY; 26-12-01 09:12; Dostupno: 3196950.00 UZS',
      {
        direction: 'expense',
        amountMinor: 3_800_000n,
        merchant: 'SAFIA BAKERY',
        card: '1177',
        localDate: '2026-12-01',
        localTime: '09:12',
        balanceMinor: 319_695_000n,
      },
    ],
    [
      '3 semicolons, popolnenie',
      'HUMOCARD *1177: popolnenie 500000.00 UZS; PAYME P2P; 26-12-02 14:00; Dostupno: 3696950.00 UZS',
      { direction: 'income', amountMinor: 50_000_000n, merchant: 'PAYME P2P', localDate: '2026-12-02' },
    ],
    [
      '3 semicolons, balance first',
      'Dostupno: 3196950.00 UZS; UZCARD *1177: pokupka 38000.00 UZS; SAFIA; 26-12-01 09:12',
      { amountMinor: 3_800_000n, balanceMinor: 319_695_000n, merchant: 'SAFIA' },
    ],
    // 4. Uzcard bots: label per line
    [
      '4 Uzcard, Russian labels in Latin letters',
      '➖ 38 000,00 UZS\nKarta: UZCARD *1177\nMagazin: SAFIA BAKERY\nData: 01.12.2026\nVremya: 09:12\nBalans: 3 196 950,00 UZS',
      {
        direction: 'expense',
        amountMinor: 3_800_000n,
        merchant: 'SAFIA BAKERY',
        card: '1177',
        localDate: '2026-12-01',
        localTime: '09:12',
        balanceMinor: 319_695_000n,
      },
    ],
    [
      '4 Uzcard, money in from a sender',
      '➕ 500 000,00 UZS\nOtpravitel: KARIMOV ALISHER\nKarta: UZCARD *1177\nData: 01.12.2026\nVremya: 21:40\nDostupno: 3 696 950,00 UZS',
      {
        direction: 'income',
        amountMinor: 50_000_000n,
        merchant: 'KARIMOV ALISHER',
        card: '1177',
        localTime: '21:40',
      },
    ],
    [
      '4 Uzcard, Summa label and an Uzbek operation word',
      "💳 To'lov\nSumma: 45 000.00 UZS\nKarta: *1177\nMagazin: EVOS\nData: 01.12.2026\nVremya: 13:05\nBalans: 3 151 950.00 UZS",
      {
        direction: 'expense',
        operation: 'payment',
        amountMinor: 4_500_000n,
        merchant: 'EVOS',
        language: 'uz',
      },
    ],
    [
      '4 Uzbek labels, soʻm with U+02BB',
      '➖ 38 000,00 soʻm\nKarta: *1177\nDoʻkon: KORZINKA CHILONZOR\nSana: 01.12.2026\nVaqt: 09:12\nQoldiq: 3 196 950,00 soʻm',
      {
        direction: 'expense',
        amountMinor: 3_800_000n,
        currency: 'UZS',
        merchant: 'KORZINKA CHILONZOR',
        balanceMinor: 319_695_000n,
        language: 'uz',
      },
    ],
    [
      '4 Chiqim with the merchant last',
      "Chiqim: 120 000 so'm\nKarta: ***1177\n01.12.2026 18:30\nQoldiq: 2 000 000 so'm\nTEXNOMART SERGELI",
      {
        direction: 'expense',
        amountMinor: 12_000_000n,
        merchant: 'TEXNOMART SERGELI',
        balanceMinor: 200_000_000n,
        language: 'uz',
      },
    ],
    [
      '4 Kirim',
      "Kirim: 2 500 000 so'm\nKarta: ***1177\n05.12.2026 10:00\nQoldiq: 4 500 000 so'm",
      { direction: 'income', operation: 'topup', amountMinor: 250_000_000n, merchant: '' },
    ],
    [
      '4 Uzbek Cyrillic',
      'Тўлов: 45 000 сўм\nКарта: *1177\n01.12.2026 13:05\nҚолдиқ: 3 151 950 сўм',
      {
        direction: 'expense',
        amountMinor: 4_500_000n,
        currency: 'UZS',
        balanceMinor: 315_195_000n,
        language: 'uz',
      },
    ],
    [
      '4 balance label alone on the line above its number',
      'Оплата\nСумма: 38 000,00 сум\nКарта: *1177\nДата: 01.12.2026 09:12\nДоступно:\n3 196 950,00 сум',
      { amountMinor: 3_800_000n, balanceMinor: 319_695_000n, currency: 'UZS' },
    ],
    // 5. Bank SMS as a sentence
    [
      '5 Spisanie, no date (balance identifies it)',
      'Spisanie, karta ***1177: 38.000,00 UZS, SAFIA BAKERY. Dostupno: 3.196.950,00 UZS',
      {
        direction: 'expense',
        amountMinor: 3_800_000n,
        merchant: 'SAFIA BAKERY',
        card: '1177',
        localDate: null,
        occurredAt: null,
        balanceMinor: 319_695_000n,
      },
    ],
    [
      '5 Popolnenie ot …',
      'Popolnenie ot KARIMOV A. na 500.000,00 UZS, karta ***1177. Dostupno: 3.696.950,00 UZS',
      {
        direction: 'income',
        amountMinor: 50_000_000n,
        merchant: 'KARIMOV A.',
        card: '1177',
        balanceMinor: 369_695_000n,
      },
    ],
    [
      '5 English debit in USD',
      'Debit: 15.00 USD, NETFLIX.COM, card *1177, 03.12.2026 02:00. Balance: 120.50 USD',
      {
        direction: 'expense',
        amountMinor: 1_500n,
        currency: 'USD',
        merchant: 'NETFLIX.COM',
        balanceMinor: 12_050n,
        language: 'en',
      },
    ],
    [
      '5 English credit from a person',
      'Credit: 500.00 USD from JOHN SMITH, card *1177. Balance: 620.50 USD',
      { direction: 'income', amountMinor: 50_000n, merchant: 'JOHN SMITH', balanceMinor: 62_050n },
    ],
    [
      '5 Russian sentence with a perevod to another card',
      'Perevod s karty ***1177: 200 000.00 UZS, 03.12.2026 15:00. Dostupno: 2 420 550.00 UZS',
      {
        direction: 'expense',
        operation: 'transfer',
        card: '1177',
        otherCard: null,
        amountMinor: 20_000_000n,
      },
    ],
    // 6. Transfer receipts
    [
      '6 English receipt',
      'Sender 860012******4410\nSender name ALISHER K.\nReceiver 986001******2235\nReceiver name BOBUR T.\nTransaction date 01.12.2026 21:40:05\nReceiver amount 1,200,000.00 UZS',
      {
        direction: 'unknown',
        operation: 'transfer',
        amountMinor: 120_000_000n,
        card: '4410',
        otherCard: '2235',
        merchant: 'BOBUR T.',
        transfer: { senderName: 'ALISHER K.', receiverName: 'BOBUR T.' },
        localTime: '21:40:05',
        occurredAt: '2026-12-01T16:40:05.000Z',
        language: 'en',
      },
    ],
    [
      '6 Russian receipt',
      'Отправитель 860012******4410\nИмя отправителя ALISHER K.\nПолучатель 986001******2235\nИмя получателя BOBUR T.\nДата транзакции 01.12.2026 21:40:05\nСумма отправителя 1 200 000.00 UZS',
      {
        direction: 'unknown',
        amountMinor: 120_000_000n,
        card: '4410',
        otherCard: '2235',
        transfer: { senderName: 'ALISHER K.', receiverName: 'BOBUR T.' },
        language: 'ru',
      },
    ],
    [
      '6 Russian receipt with a title and colons, grouped card numbers',
      'Перевод\nОтправитель: 8600 **** **** 4410\nПолучатель: 9860 **** **** 2235\nСумма: 1 200 000,00 сум\nДата: 01.12.2026 21:40',
      {
        direction: 'unknown',
        amountMinor: 120_000_000n,
        card: '4410',
        otherCard: '2235',
        localTime: '21:40',
      },
    ],
    [
      '6 a receipt with a sign is not a question',
      'Perevod s karty ***4410 na kartu ***2235\n➖ 1 200 000.00 UZS\n01.12.2026 21:40',
      { direction: 'expense', card: '4410', otherCard: '2235' },
    ],
    // More shapes of the same parts
    [
      'emoji-led labels: 💰 on the amount line says "Сумма", the balance is "Остаток"',
      '💸 Списание\n💳 Карта: *1177\n💰 Сумма: 76 400,00 сум\n🏪 Магазин: MAKRO\n📅 02.12.2026 19:48\n💵 Остаток: 3 120 550,00 сум',
      {
        direction: 'expense',
        amountMinor: 7_640_000n,
        merchant: 'MAKRO',
        card: '1177',
        balanceMinor: 312_055_000n,
        localTime: '19:48',
      },
    ],
    [
      'a generic "Operatsiya" label before the operation word',
      'UZCARD\nOperatsiya: Pokupka\nSumma: 38 000.00 UZS\nKarta: 8600***1177\nMerchant: SAFIA\nVremya: 01.12.2026 09:12:33\nOstatok: 3 196 950.00 UZS',
      {
        direction: 'expense',
        operation: 'purchase',
        amountMinor: 3_800_000n,
        merchant: 'SAFIA',
        card: '1177',
        localTime: '09:12:33',
      },
    ],
    [
      'English sentence, debited',
      'Your card *1177 was debited 38,000.00 UZS at SAFIA BAKERY on 01.12.2026 09:12. Available balance 3,196,950.00 UZS.',
      {
        direction: 'expense',
        amountMinor: 3_800_000n,
        merchant: 'SAFIA BAKERY',
        card: '1177',
        balanceMinor: 319_695_000n,
        language: 'en',
      },
    ],
    [
      'English sentence, credited, "card ending in"',
      'Your card ending in 1177 was credited 500,000.00 UZS from KARIMOV A. on 02.12.2026 10:00. Balance: 3,696,950.00 UZS',
      { direction: 'income', amountMinor: 50_000_000n, merchant: 'KARIMOV A.', card: '1177' },
    ],
    [
      'Uzbek sentence, yechildi',
      "Karta *1177 dan 38 000 so'm yechildi. SAFIA BAKERY. 01.12.2026 09:12. Qoldiq: 3 196 950 so'm",
      {
        direction: 'expense',
        amountMinor: 3_800_000n,
        merchant: 'SAFIA BAKERY',
        card: '1177',
        language: 'uz',
      },
    ],
    [
      'Uzbek sentence, kelib tushdi (no sender named)',
      "Kartangizga 500 000 so'm kelib tushdi. Karta: *1177. 02.12.2026 10:00. Qoldiq: 3 696 950 so'm",
      { direction: 'income', amountMinor: 50_000_000n, merchant: '', card: '1177', language: 'uz' },
    ],
    [
      'Russian sentence, списано … в 09:12',
      'Списано 38 000 сум, SAFIA BAKERY, карта *1177, 01.12.2026 в 09:12. Остаток: 3 196 950 сум',
      {
        direction: 'expense',
        amountMinor: 3_800_000n,
        merchant: 'SAFIA BAKERY',
        localTime: '09:12',
        balanceMinor: 319_695_000n,
      },
    ],
    // Reversals
    [
      'reversal, inline SMS',
      'OTMENA Pokupka: SAFIA BAKERY, 38 000.00 UZS 01.12.26 09:15 karta ***1177. Balans: 3 234 950.00 UZS',
      { reversal: true, amountMinor: 3_800_000n, merchant: 'SAFIA BAKERY', card: '1177' },
    ],
    [
      'reversal, HUMO',
      '🔵 OTMENA\n➕ 76.400,00 UZS\n📍 MAKRO YUNUSABAD\n💳 HUMOCARD *1177\n🕓 19:52 02.12.2026\n💰 3.196.950,00 UZS',
      { reversal: true, amountMinor: 7_640_000n, merchant: 'MAKRO YUNUSABAD', card: '1177' },
    ],
    [
      'reversal, Russian',
      'Отмена операции\nСумма: 38 000,00 сум\nКарта: *1177\nМагазин: SAFIA BAKERY\nДата: 01.12.2026 09:20',
      { reversal: true, amountMinor: 3_800_000n, merchant: 'SAFIA BAKERY' },
    ],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    expect(shape(read(text))).toMatchObject(expected as Record<string, unknown>);
  });
});

describe('readCardNotification: amounts, currencies and separators', () => {
  const sms = (amount: string) =>
    `Pokupka: NON SHOP, ${amount} 01.12.26 09:12 karta ***1177. Balans: 5 000.00 UZS`;
  it.each([
    ['125.000,00 UZS', 12_500_000n, 'UZS'],
    [`125${NBSP}000.00 UZS`, 12_500_000n, 'UZS'],
    [`125${NNBSP}000,00 UZS`, 12_500_000n, 'UZS'],
    ['125 000.00 UZS', 12_500_000n, 'UZS'],
    ['1,450,000.00 UZS', 145_000_000n, 'UZS'],
    ['1.450.000,50 UZS', 145_000_050n, 'UZS'],
    ['125000.00 UZS', 12_500_000n, 'UZS'],
    ['125000 UZS', 12_500_000n, 'UZS'],
    ['38.000 UZS', 3_800_000n, 'UZS'],
    ['38 000 сум', 3_800_000n, 'UZS'],
    ['38 000 сўм', 3_800_000n, 'UZS'],
    ["38 000 so'm", 3_800_000n, 'UZS'],
    ['38 000 soʻm', 3_800_000n, 'UZS'],
    ['38 000 sum', 3_800_000n, 'UZS'],
    ['UZS 38,000.00', 3_800_000n, 'UZS'],
    ['12.50 USD', 1_250n, 'USD'],
    ['$12.50', 1_250n, 'USD'],
    ['1 250,00 RUB', 125_000n, 'RUB'],
    ['99,90 EUR', 9_990n, 'EUR'],
  ] as const)('%s', (amount, minor, currency) => {
    expect(read(sms(amount))).toMatchObject({ amountMinor: minor, currency, merchant: 'NON SHOP' });
  });
});

describe('readCardNotification: dates and times', () => {
  const withStamp = (stamp: string) => `Pokupka: NON SHOP, 12 500.00 UZS ${stamp} karta ***1177`;
  it.each([
    ['03.02.2027 08:41', '2027-02-03', '08:41', '2027-02-03T03:41:00.000Z'],
    ['08:41 03.02.2027', '2027-02-03', '08:41', '2027-02-03T03:41:00.000Z'],
    ['03.02.27 08:41', '2027-02-03', '08:41', '2027-02-03T03:41:00.000Z'],
    ['27-02-03 08:41', '2027-02-03', '08:41', '2027-02-03T03:41:00.000Z'],
    ['2027-02-03 08:41:09', '2027-02-03', '08:41:09', '2027-02-03T03:41:09.000Z'],
    ['03/02/2027 23:59', '2027-02-03', '23:59', '2027-02-03T18:59:00.000Z'],
    ['03.02.2027 00:30', '2027-02-03', '00:30', '2027-02-02T19:30:00.000Z'],
  ])('%s', (stamp, localDate, localTime, utc) => {
    const r = read(withStamp(stamp));
    expect(shape(r)).toMatchObject({
      localDate,
      localTime,
      occurredAt: utc,
      amountMinor: 1_250_000n,
      card: '1177',
    });
  });

  it('a date and time on separate label lines belong together', () => {
    const r = read('➖ 38 000,00 UZS\nKarta: *1177\nData: 01.12.2026\nVremya: 09:12');
    expect(shape(r)).toMatchObject({
      localDate: '2026-12-01',
      localTime: '09:12',
      occurredAt: '2026-12-01T04:12:00.000Z',
    });
  });

  it('a date without a time is noon that day', () => {
    expect(shape(read('Pokupka: NON SHOP, 12 500.00 UZS 03.02.2027 karta ***1177'))).toMatchObject({
      localDate: '2027-02-03',
      localTime: null,
      occurredAt: '2027-02-03T07:00:00.000Z',
    });
  });

  it.each([
    // 15:00 in Tashkent: 09:12 was this morning; 08:00: 09:12 was yesterday
    ['2026-12-01T10:00:00Z', '2026-12-01', '2026-12-01T04:12:00.000Z'],
    ['2026-12-01T03:00:00Z', '2026-11-30', '2026-11-30T04:12:00.000Z'],
  ])('a time without a date, sent at %s, is the latest such moment', (now, localDate, utc) => {
    const r = read('Pokupka: NON SHOP, 12 500.00 UZS 09:12 karta ***1177', new Date(now));
    expect(shape(r)).toMatchObject({ localDate, localTime: '09:12', occurredAt: utc });
  });

  it('day and month next to a time take the most recent year', () => {
    const r = read(
      'Pokupka: NON SHOP, 12 500.00 UZS 28.11 09:12 karta ***1177',
      new Date('2027-01-05T10:00:00Z'),
    );
    expect(r).toMatchObject({ localDate: '2026-11-28', localTime: '09:12' });
  });
});

describe('readCardNotification: the balance line, card digits and dates are never amounts', () => {
  it.each([
    [
      'a balance larger than the amount, before it',
      '💰 9.999.999,00 UZS\n🔴 Оплата\n➖ 1.500,00 UZS\n💳 HUMOCARD *1177\n🕓 10:00 01.12.2026',
      150_000n,
      999_999_900n,
    ],
    [
      'a balance with a sign-less amount',
      'Oplata 2 000.00 UZS karta ***1177. Ostatok: 1 000 000.00 UZS',
      200_000n,
      100_000_000n,
    ],
    [
      'card digits after a card word, no mask',
      'Pokupka 38 000 UZS, karta 1177, 01.12.2026 09:12',
      3_800_000n,
      null,
    ],
    [
      'a full masked card number',
      'Pokupka 38 000 UZS, karta 8600 12** **** 1177, 01.12.2026 09:12',
      3_800_000n,
      null,
    ],
    [
      'a commission line',
      'Oplata: CLICK, 50 000.00 UZS, Komissiya: 500.00 UZS, karta ***1177. Balans: 1 000 000.00 UZS',
      5_000_000n,
      100_000_000n,
    ],
    [
      'a cashback line first',
      "Keshbek: 1 000 UZS\nTo'lov: 100 000 UZS\nKarta: *1177\nQoldiq: 900 000 UZS",
      10_000_000n,
      90_000_000n,
    ],
    ['a year-like amount', 'Oplata: NON SHOP, 2 026.00 UZS 01.12.2026 20:26 karta ***2026', 202_600n, null],
  ])('%s', (_name, text, amount, balance) => {
    const r = read(text);
    expect(r).not.toBeNull();
    expect(r!.amountMinor).toBe(amount);
    expect(r!.balanceMinor).toBe(balance);
  });
});

describe('readCardNotification: fingerprints', () => {
  it.each([
    [
      'a date',
      'Pokupka: NON SHOP, 12 500.00 UZS 03.02.27 08:41 karta ***4821',
      '4821>|2027-02-03T08:41|1250000UZS|expense',
    ],
    [
      'no date: the balance',
      'Spisanie, karta ***4821: 12.500,00 UZS, NON SHOP. Dostupno: 902.800,00 UZS',
      '4821>|b90280000|1250000UZS|expense',
    ],
    [
      'neither: the merchant',
      'Spisanie, karta ***4821: 12.500,00 UZS, NON SHOP.',
      '4821>|mnon shop|1250000UZS|expense',
    ],
    [
      'a transfer receipt: both cards',
      'Sender 8600******4821\nReceiver 9860******7390\nTransaction date 03.02.2027 19:22:10\nAmount 750,000.00 UZS',
      '4821>7390|2027-02-03T19:22:10|75000000UZS|unknown',
    ],
  ])('%s', (_name, text, fingerprint) => {
    expect(read(text)?.fingerprint).toBe(fingerprint);
  });

  const base = 'Pokupka: SAFIA BAKERY, 38 000.00 UZS 01.12.26 09:12 karta ***1177. Balans: 3 196 950.00 UZS';

  it('is the same for the same notification, whatever the spaces', () => {
    expect(read(base.replace(/ /g, NBSP))?.fingerprint).toBe(read(base)?.fingerprint);
    expect(read(`  ${base}\n`)?.fingerprint).toBe(read(base)?.fingerprint);
  });

  it.each([
    ['another card', base.replace('***1177', '***1178')],
    ['another minute', base.replace('09:12', '09:13')],
    ['another day', base.replace('01.12.26', '02.12.26')],
    ['another amount', base.replace('38 000.00', '38 000.50')],
    ['the other direction', base.replace('Pokupka', 'Popolnenie')],
  ])('differs for %s', (_name, other) => {
    expect(read(other)?.fingerprint).toEqual(expect.any(String));
    expect(read(other)?.fingerprint).not.toBe(read(base)?.fingerprint);
  });
});

describe('readCardNotification: ordinary phrases are not notifications', () => {
  it.each([
    'оплата 50000 за свет',
    'taksi 20 ming',
    'Оплата 50000 сум за свет',
    'Потратил 50000 сум на продукты',
    'оплата интернета 150 000 сум 01.12.2026',
    'оплата 45 000 сум в 13:30',
    'обед 45000 сум в 13:00',
    'Пополнение телефона 20000 сум',
    'перевёл маме 200 000 сум на карту',
    "to'lov 100 ming so'm kommunalga",
    'Payment 50 USD for coffee',
    'balance 500000 sum',
    'Kirim 500 000 soʻm',
    'Оплата картой *1177',
    'karta ***1177 38000',
    'Купил телефон за 3 000 000 сум картой',
    'got paid 500 dollars',
    'какой у меня баланс',
    'списано 50000 сум',
    "kartamga 100 ming so'm tushdi",
    'зачислено 2 000 000 сум зарплата',
    '',
    '🔴🔴🔴',
  ])('%s', (text) => {
    expect(read(text)).toBeNull();
  });

  it('never throws on odd input', () => {
    const odd: unknown[] = [
      null,
      undefined,
      42,
      {},
      'x'.repeat(10_000),
      '➖'.repeat(500) + ' 1 UZS *1177',
      '\u0000\u0000 1 UZS 01.01.2026 10:00 *1111',
      'Оплата ➖ 1e309 UZS *1177',
    ];
    for (const value of odd) expect(() => readCardNotification(value as string)).not.toThrow();
    for (let i = 0; i < 300; i++) {
      const s = Array.from({ length: 60 }, () =>
        String.fromCharCode(32 + Math.floor(Math.random() * 0x500)),
      ).join('');
      expect(() => readCardNotification(`Оплата ${s} 1 000 UZS *1177 ${s}`)).not.toThrow();
    }
  });
});

describe('as a phrase parse result', () => {
  const now = new Date('2026-12-05T07:00:00Z');
  const parse = (text: string) =>
    parsePhrase(text, { defaultCurrency: 'UZS', now, timeZone: 'Asia/Tashkent' });

  it.each([
    [
      '🔴 Оплата\n➖ 76.400,00 UZS\n📍 MAKRO YUNUSABAD\n💳 HUMOCARD *1177\n🕓 19:48 02.12.2026\n💰 3.120.550,00 UZS',
      {
        language: 'ru',
        intent: 'transaction',
        items: [
          {
            type: 'expense',
            amount: '76400.00',
            currency: 'UZS',
            category: 'groceries',
            description: 'MAKRO YUNUSABAD',
            date: '2026-12-02',
          },
        ],
      },
    ],
    [
      'Pokupka: SAFIA BAKERY, 38 000.00 UZS 01.12.26 09:12 karta ***1177. Balans: 3 196 950.00 UZS',
      {
        language: 'ru',
        intent: 'transaction',
        items: [
          {
            type: 'expense',
            amount: '38000.00',
            currency: 'UZS',
            category: 'cafe',
            description: 'SAFIA BAKERY',
            date: '2026-12-01',
          },
        ],
      },
    ],
    [
      'Popolnenie ot KARIMOV A. na 500.000,00 UZS, karta ***1177. Dostupno: 3.696.950,00 UZS',
      {
        language: 'ru',
        intent: 'transaction',
        items: [
          {
            type: 'income',
            amount: '500000.00',
            currency: 'UZS',
            category: 'other',
            description: 'KARIMOV A.',
            date: '2026-12-05',
          },
        ],
      },
    ],
    [
      'Sender 860012******4410\nSender name ALISHER K.\nReceiver 986001******2235\nReceiver name BOBUR T.\nTransaction date 01.12.2026 21:40:05\nReceiver amount 1,200,000.00 UZS',
      {
        language: 'en',
        intent: 'transaction',
        items: [
          {
            type: 'expense',
            amount: '1200000.00',
            currency: 'UZS',
            category: 'other',
            description: 'BOBUR T.',
            date: '2026-12-01',
          },
        ],
      },
    ],
    [
      'OTMENA Pokupka: SAFIA BAKERY, 38 000.00 UZS 01.12.26 09:15 karta ***1177. Balans: 3 234 950.00 UZS',
      { language: 'ru', intent: 'undo', items: [] },
    ],
  ])('%#', (text, json) => {
    const result = parse(text);
    expect(toParseJson(result)).toEqual(json);
    expect(result.card).toBeDefined();
  });

  it('keeps the JSON shape: the reading is not in it', () => {
    const result = parse('Pokupka: SAFIA BAKERY, 38 000.00 UZS 01.12.26 09:12 karta ***1177');
    expect(Object.keys(toParseJson(result))).toEqual(['language', 'items', 'intent']);
  });

  it('a forced language wins over the notification’s', () => {
    const card = readCardNotification('Pokupka: SAFIA BAKERY, 38 000.00 UZS 01.12.26 09:12 karta ***1177')!;
    expect(cardNotificationResult(card, { defaultCurrency: 'UZS', now, language: 'uz' }).language).toBe('uz');
  });

  it('ordinary phrases still go to the phrase parser', () => {
    expect(parse('оплата 50000 за свет').card).toBeUndefined();
    expect(toParseJson(parse('taksi 20 ming')).items).toHaveLength(1);
  });
});
