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

// ---------------------------------------------------------------------------------------------------------------
// General rules, each in Russian, Uzbek (Latin and Cyrillic) and English, with negatives
// ---------------------------------------------------------------------------------------------------------------

/** The whole phrase parser on a pasted text, two days after the notifications below. */
function parse(text: string) {
  return parsePhrase(text, {
    defaultCurrency: 'UZS',
    now: new Date('2027-02-05T07:00:00Z'),
    timeZone: 'Asia/Tashkent',
  });
}

describe('the category of a merchant beyond the brand table: the lexicons read its words', () => {
  const ru = (merchant: string) =>
    `Оплата\nСумма: 45 000,00 сум\nКарта: *4821\nТорговая точка: ${merchant}\nДата: 03.02.2027 14:05`;
  const uz = (merchant: string) =>
    `Pokupka: ${merchant}, 45 000.00 UZS 03.02.27 14:05 karta ***4821. Balans: 1 000 000.00 UZS`;
  const uzCyr = (merchant: string) =>
    `Тўлов\nСумма: 45 000 сўм\nКарта: *4821\nДўкон: ${merchant}\nСана: 03.02.2027\nВақт: 14:05`;
  const en = (merchant: string) =>
    `Purchase: ${merchant}, 45,000.00 UZS, card *4821, 03.02.2027 14:05. Available: 1,000,000.00 UZS`;
  const humoIn = (sender: string) =>
    `🟢 Пополнение\n➕ 5.000.000,00 UZS\n📍 ${sender}\n💳 HUMOCARD *4821\n🕓 10:00 03.02.2027\n💰 6.000.000,00 UZS`;
  const kirim = (sender: string) =>
    `Kirim\nYuboruvchi: ${sender}\nSumma: 5 000 000 so'm\nKarta: *4821\nSana: 03.02.2027 10:00`;
  const credit = (sender: string) =>
    `Credit: 5,000,000.00 UZS from ${sender}, card *4821, 03.02.2027 10:00. Balance: 6,000,000.00 UZS`;

  it.each([
    // shopping: electronics, appliances, malls, furniture
    ['ru', ru('ЭЛЕКТРОНИКА ПЛЮС'), 'shopping'],
    ['ru', ru('МЕБЕЛЬ ЦЕНТР'), 'shopping'],
    ['uz', uz('TEXNIKA OLAMI'), 'shopping'],
    ['uz', uz('ELEKTRON DUNYO'), 'shopping'],
    ['uz', uz('MEBEL SAROYI'), 'shopping'],
    ['uz-cyr', uzCyr('МЕБЕЛЬ УЙИ'), 'shopping'],
    ['en', en('ELECTRONICS MALL'), 'shopping'],
    ['en', en('HOME FURNITURE'), 'shopping'],
    ['en', en('SAMARQAND DARVOZA MALL'), 'shopping'],
    // groceries
    ['ru', ru('ПРОДУКТЫ 24'), 'groceries'],
    ['ru', ru('ПЕКАРНЯ ХЛЕБ'), 'groceries'],
    ['uz', uz('SUPERMARKET NUR'), 'groceries'],
    ['uz', uz('NON UYI'), 'groceries'],
    ['uz', uz('FAMILY MART'), 'groceries'],
    ['en', en('GREEN GROCERY'), 'groceries'],
    ['en', en('CITY MARKET'), 'groceries'],
    ['en', en('FRESH FOOD'), 'groceries'],
    ['en', en('GOLDEN BAKERY'), 'groceries'],
    // cafe: also the typo-like spellings of choyxona
    ['ru', ru('КАФЕ ЗИЁ'), 'cafe'],
    ['ru', ru('ЧАЙХАНА НАВРУЗ'), 'cafe'],
    ['uz', uz('CHAYXANA NAVRUZ'), 'cafe'],
    ['uz', uz('CHOYXANA NAVRUZ'), 'cafe'],
    ['uz', uz('CHAYXONA NAVRUZ'), 'cafe'],
    ['uz', uz('CHOYXONA NAVRUZ'), 'cafe'],
    ['uz', uz('OSHXONA MILLIY'), 'cafe'],
    ['uz', uz('KAFE ZIYO'), 'cafe'],
    ['uz-cyr', uzCyr('ОШХОНА БАРАКА'), 'cafe'],
    ['en', en('RESTAURANT SAMARKAND'), 'cafe'],
    ['en', en('FASTFOOD MAX'), 'cafe'],
    ['en', en('PIZZA HOUSE'), 'cafe'],
    ['en', en('BURGER TIME'), 'cafe'],
    // transport
    ['ru', ru('ТАКСИ 1050'), 'transport'],
    ['uz', uz('AGZS NUR'), 'transport'],
    ['uz', uz('AVIAKASSA TOSHKENT'), 'transport'],
    ['uz', uz('BILET UZ'), 'transport'],
    ['en', en('TAXI CITY'), 'transport'],
    ['en', en('UZBEKISTAN AIRWAYS'), 'transport'],
    ['en', en('SILK AIRLINES'), 'transport'],
    ['en', en('FUEL STATION 7'), 'transport'],
    // health
    ['ru', ru('АПТЕКА 36.6'), 'health'],
    ['uz', uz('APTEKA 777'), 'health'],
    ['uz', uz('DORIXONA SHIFO'), 'health'],
    ['uz', uz('STOMATOLOGIYA DENT'), 'health'],
    ['uz-cyr', uzCyr('ДОРИХОНА ШИФО'), 'health'],
    ['en', en('CITY PHARMACY'), 'health'],
    ['en', en('FAMILY CLINIC'), 'health'],
    // housing
    ['ru', ru('ЭНЕРГОСБЫТ ТАШКЕНТ'), 'housing'],
    ['uz', uz('ENERGOSBYT TOSHKENT'), 'housing'],
    ['uz', uz('HUDUDGAZ TOSHKENT'), 'housing'],
    ['uz', uz('SUVOQOVA TOSHKENT'), 'housing'],
    ['uz', uz('KOMMUNAL XIZMAT'), 'housing'],
    ['uz', uz('ELEKTR TARMOQ'), 'housing'],
    ['uz', uz('GAZ TAMINOT'), 'housing'],
    // entertainment
    ['ru', ru('КИНО ПАРК'), 'entertainment'],
    ['uz', uz('KINO TEATR ALISHER'), 'entertainment'],
    ['en', en('CINEMA CITY'), 'entertainment'],
    ['en', en('MOVIE WORLD'), 'entertainment'],
    ['en', en('GAMES ZONE'), 'entertainment'],
    ['en', en('GOOGLE PLAY'), 'entertainment'],
    ['en', en('STEAM'), 'entertainment'],
    // education
    ['ru', ru('ДЕТСКИЙ САДИК СОЛНЫШКО'), 'education'],
    ['uz', uz('XUSUSIY BOGCHA QUYOSH'), 'education'],
    ['uz', uz('MAKTAB 45'), 'education'],
    ['uz', uz('INGLIZ TILI KURSI'), 'education'],
    ['uz', uz('TOSHKENT UNIVERSITETI'), 'education'],
    ['uz', uz('SADIK QUYOSH'), 'education'],
    ['en', en('BRIGHT SCHOOL'), 'education'],
    // money in: the sender's words on the income side
    ['ru', humoIn('ZARPLATA OOO ORIENT'), 'salary'],
    ['ru', humoIn('ЗАРПЛАТА ООО ОРИЕНТ'), 'salary'],
    ['uz', kirim('ISH HAQI ORIENT MCHJ'), 'salary'],
    ['uz', kirim('MAOSH ORIENT MCHJ'), 'salary'],
    ['uz', kirim('OYLIK ORIENT MCHJ'), 'salary'],
    ['en', credit('SALARY ORIENT LLC'), 'salary'],
  ])('%s: %s → %s', (_lang, text, category) => {
    const result = parse(text);
    expect(result.card).toBeDefined();
    expect(result.items).toHaveLength(1);
    expect(result.items[0].category).toBe(category);
  });

  it.each([
    // people are not categorised by the words of their names
    ['ru', humoIn('P2P KARIMOV A.'), 'income', 'other'],
    ['uz', kirim('ORIENT LOGISTIKA MCHJ'), 'income', 'other'],
    ['en', credit('JOHN SMITH'), 'income', 'other'],
    ['uz', uz('ABDULLAEVA GULI'), 'expense', 'other'],
    ['en', en('KARIMOV A.'), 'expense', 'other'],
    // payment services and banks say nothing ("uzum" is also grapes)
    ['uz', uz('UZUM BANK'), 'expense', 'other'],
    ['uz', uz('CLICK'), 'expense', 'other'],
    // an expense word on money in is no income category, and a salary word is no expense one
    ['ru', humoIn('APTEKA 777 VOZVRAT'), 'income', 'other'],
    ['uz', uz('ZARPLATA MARKAZ'), 'expense', 'other'],
    // words the lexicons do not know
    ['en', en('GLOBAL TRADE GROUP'), 'expense', 'other'],
    ['uz-cyr', uzCyr('ОМАД САВДО'), 'expense', 'other'],
  ])('%s: %s → %s %s', (_lang, text, type, category) => {
    const result = parse(text);
    expect(result.card).toBeDefined();
    expect(result.items[0]).toMatchObject({ type, category });
  });
});

describe('label words of the label:value families, in every language; a label is never its own value', () => {
  it.each([
    // merchant labels
    [
      'uz: Joy',
      "➖ 150 000,00 so'm\nKarta: *4821\nJoy: CHAYXANA NAVRUZ\nSana: 03.02.2027\nVaqt: 14:05\nQoldiq: 1 200 000,00 so'm",
      { merchant: 'CHAYXANA NAVRUZ', amountMinor: 15_000_000n, balanceMinor: 120_000_000n, language: 'uz' },
    ],
    [
      'uz: Savdo nuqtasi',
      "Chiqim\nSumma: 38 000 so'm\nKarta: *4821\nSavdo nuqtasi: KORZINKA CHILONZOR\nSana: 03.02.2027 14:05",
      { merchant: 'KORZINKA CHILONZOR', amountMinor: 3_800_000n, direction: 'expense' },
    ],
    [
      'uz-cyr: Савдо нуқтаси, Сана, Вақт, Қолдиқ',
      '➖ 150 000,00 сўм\nКарта: *4821\nСавдо нуқтаси: ОШХОНА БАРАКА\nСана: 03.02.2027\nВақт: 14:05\nҚолдиқ: 1 200 000,00 сўм',
      {
        merchant: 'ОШХОНА БАРАКА',
        localDate: '2027-02-03',
        localTime: '14:05',
        balanceMinor: 120_000_000n,
        language: 'uz',
      },
    ],
    [
      'uz-cyr: Дўкон, Сумма',
      'Тўлов\nСумма: 150 000 сўм\nКарта: *4821\nДўкон: МЕБЕЛЬ УЙИ\nСана: 03.02.2027 14:05',
      { merchant: 'МЕБЕЛЬ УЙИ', amountMinor: 15_000_000n, operation: 'payment', language: 'uz' },
    ],
    [
      'uz-cyr: Жой',
      'Харид\nСумма: 38 000 сўм\nКарта: *4821\nЖой: ДОРИХОНА ШИФО\nСана: 03.02.2027 09:10',
      { merchant: 'ДОРИХОНА ШИФО', operation: 'purchase' },
    ],
    [
      'ru: Торговая точка',
      'Оплата\nСумма: 38 000 сум\nКарта: *4821\nТорговая точка: АПТЕКА 36.6\nДата: 03.02.2027\nВремя: 10:15:33',
      { merchant: 'АПТЕКА 36.6', localTime: '10:15:33', language: 'ru' },
    ],
    [
      'ru: Место',
      'Покупка\nСумма: 38 000 сум\nКарта: *4821\nМесто: KINO PARK\nДата: 03.02.2027 10:15',
      { merchant: 'KINO PARK' },
    ],
    [
      'ru: Magazin in Latin letters',
      'Oplata\nSumma: 38 000 UZS\nMagazin: ENERGOSBYT TOSHKENT\nKarta: *4821\nData: 03.02.2027\nVremya: 10:15:00',
      { merchant: 'ENERGOSBYT TOSHKENT', localTime: '10:15:00' },
    ],
    [
      'en: Merchant, without an operation word',
      'Amount: 38,000.00 UZS\nCard: 8600 **** **** 4821\nMerchant: YANDEX GO\nDate: 03.02.2027\nTime: 08:41:59\nBalance: 3,196,950.00 UZS',
      { merchant: 'YANDEX GO', direction: 'expense', card: '4821', localTime: '08:41:59', language: 'en' },
    ],
    [
      'uz: Summa and Yuboruvchi, without an operation word',
      "Summa: 5 000 000 so'm\nYuboruvchi: ORIENT LOGISTIKA MCHJ\nKarta: *4821\nSana: 03.02.2027 09:00",
      { merchant: 'ORIENT LOGISTIKA MCHJ', direction: 'income', amountMinor: 500_000_000n },
    ],
    // sender / receiver labels, a card number before the name
    [
      'uz-cyr: Пул ўтказмаси, Жўнатувчи, Қабул қилувчи',
      'Пул ўтказмаси\nЖўнатувчи: 8600 **** **** 3412, MIRZAEV B.\nҚабул қилувчи: 9860 **** **** 7390, YUSUPOV SH.\nСумма: 750 000,00 сўм\nСана: 03.02.2027 19:22',
      {
        direction: 'unknown',
        operation: 'transfer',
        amountMinor: 75_000_000n,
        card: '3412',
        otherCard: '7390',
        merchant: 'YUSUPOV SH.',
        transfer: { senderName: 'MIRZAEV B.', receiverName: 'YUSUPOV SH.' },
        language: 'uz',
      },
    ],
    [
      "uz: Pul o'tkazmasi, Jo'natuvchi, Qabul qiluvchi, Miqdor",
      "Pul o'tkazmasi\nJo'natuvchi: 8600 **** **** 3412, MIRZAEV B.\nQabul qiluvchi: 9860 **** **** 7390, YUSUPOV SH.\nMiqdor: 750 000,00 so'm\nSana: 03.02.2027\nVaqt: 19:22:45",
      {
        direction: 'unknown',
        amountMinor: 75_000_000n,
        card: '3412',
        otherCard: '7390',
        transfer: { senderName: 'MIRZAEV B.', receiverName: 'YUSUPOV SH.' },
        localTime: '19:22:45',
      },
    ],
    [
      'uz: Yuboruvchi, Oluvchi (a card label)',
      "O'tkazma\nYuboruvchi: 8600 **** **** 3412, SAIDOV J.\nOluvchi: 9860 **** **** 7390, NAZAROVA D.\nSumma: 200 000 so'm\nSana: 03.02.2027 08:00",
      {
        direction: 'unknown',
        amountMinor: 20_000_000n,
        transfer: { senderName: 'SAIDOV J.', receiverName: 'NAZAROVA D.' },
      },
    ],
    [
      'ru: Перевод выполнен (the state is no name)',
      'Перевод выполнен\nОтправитель: 8600 **** **** 3412, MIRZAEV B.\nПолучатель: 9860 **** **** 7390, SAIDOV J.\nСумма: 750 000,00 сум\nДата: 03.02.2027 19:22:45',
      {
        direction: 'unknown',
        merchant: 'SAIDOV J.',
        transfer: { senderName: 'MIRZAEV B.', receiverName: 'SAIDOV J.' },
        amountMinor: 75_000_000n,
      },
    ],
    [
      'ru: Перевод выполнен, no names',
      'Перевод выполнен\nОтправитель: 8600 **** **** 3412\nПолучатель: 9860 **** **** 7390\nСумма: 750 000,00 сум\nДата: 03.02.2027 19:22',
      { direction: 'unknown', merchant: '', transfer: { senderName: '', receiverName: '' } },
    ],
    [
      'en: Transfer with names after the cards',
      'Transfer\nSender: 8600 **** **** 3412, GLOBALPAY TRANSFER\nReceiver: 9860 **** **** 7390, ORIENT LOGISTIKA\nAmount: 750,000.00 UZS\nDate: 03.02.2027 19:22',
      {
        direction: 'unknown',
        merchant: 'ORIENT LOGISTIKA',
        transfer: { senderName: 'GLOBALPAY TRANSFER', receiverName: 'ORIENT LOGISTIKA' },
      },
    ],
    [
      'en: From / To labels, the name after the card without a comma',
      'Transfer completed\nFrom: 8600 **** **** 3412 DILSHOD R.\nTo: 9860 **** **** 7390 MALIKA S.\nAmount: 750,000.00 UZS\nDate: 03.02.2027 19:22',
      {
        direction: 'unknown',
        card: '3412',
        otherCard: '7390',
        transfer: { senderName: 'DILSHOD R.', receiverName: 'MALIKA S.' },
      },
    ],
    [
      'ru: labels alone on their lines, the card and the name below',
      'Отправитель\n8600 **** **** 3412\nALIEV S.\nПолучатель\n9860 **** **** 7390\nKARIMOVA N.\nСумма 750 000,00 сум\n03.02.2027 19:22:10',
      {
        direction: 'unknown',
        card: '3412',
        otherCard: '7390',
        transfer: { senderName: 'ALIEV S.', receiverName: 'KARIMOVA N.' },
        amountMinor: 75_000_000n,
        localTime: '19:22:10',
      },
    ],
    [
      'uz: a label alone on its line, the value below',
      "➖ 38 000,00 so'm\nKarta: *4821\nSavdo nuqtasi:\nKORZINKA SERGELI\nSana: 03.02.2027 08:41",
      { merchant: 'KORZINKA SERGELI', amountMinor: 3_800_000n },
    ],
  ])('%s', (_name, text, expected) => {
    expect(read(text)).toMatchObject(expected as Record<string, unknown>);
  });

  it.each([
    ["➖ 38 000 so'm\nKarta: *4821\nJoy: KAFE ZIYO\nSana: 03.02.2027 08:41", 'KAFE ZIYO'],
    ['➖ 38 000 сўм\nКарта: *4821\nСавдо нуқтаси: КАФЕ ЗИЁ\nСана: 03.02.2027 08:41', 'КАФЕ ЗИЁ'],
    ['➖ 38 000 сўм\nКарта: *4821\nДўкон: КАФЕ ЗИЁ\nСана: 03.02.2027 08:41', 'КАФЕ ЗИЁ'],
    // an unknown label before a value: the value, not the label
    ["➖ 38 000 so'm\nKarta: *4821\nTerminal nomi: KAFE ZIYO\nSana: 03.02.2027 08:41", 'KAFE ZIYO'],
    // "joy" without a colon is a word of the name
    ['Pokupka: JOY CAFE, 38 000.00 UZS 03.02.27 08:41 karta ***4821', 'JOY CAFE'],
    // a label with nothing after it is no merchant
    ["➖ 38 000 so'm\nKarta: *4821\nJoy:\nSana: 03.02.2027 08:41", ''],
  ])('%s → merchant "%s"', (text, merchant) => {
    const r = read(text);
    expect(r).not.toBeNull();
    expect(r!.merchant).toBe(merchant);
    expect(r!.amountMinor).toBe(3_800_000n);
  });

  it.each([
    'Жўнатувчи: 8600 **** **** 3412, MIRZAEV B.\nҚабул қилувчи: 9860 **** **** 7390\nСумма: 750 000 сўм\nСана: 03.02.2027 19:22',
    "Jo'natuvchi: 8600 **** **** 3412, MIRZAEV B.\nQabul qiluvchi: 9860 **** **** 7390\nSumma: 750 000 so'm\nSana: 03.02.2027 19:22",
    'Sender: 8600 **** **** 3412, MIRZAEV B.\nReceiver: 9860 **** **** 7390\nAmount: 750 000 UZS\nDate: 03.02.2027 19:22',
    'Отправитель: 8600 **** **** 3412, MIRZAEV B.\nПолучатель: 9860 **** **** 7390\nСумма: 750 000 сум\nДата: 03.02.2027 19:22',
  ])('card digits after a sender or receiver label are a card, never the amount: %s', (text) => {
    expect(read(text)).toMatchObject({
      amountMinor: 75_000_000n,
      card: '3412',
      otherCard: '7390',
      transfer: { senderName: 'MIRZAEV B.', receiverName: '' },
    });
  });
});

describe('names and merchants keep their full text', () => {
  it.each([
    ['Popolnenie ot YUSUPOV SH. na 300.000,00 UZS, karta ***4821. Dostupno: 3.202.800,00 UZS', 'YUSUPOV SH.'],
    ['Popolnenie ot SAIDOV J. na 300.000,00 UZS, karta ***4821. Dostupno: 3.202.800,00 UZS', 'SAIDOV J.'],
    ['Popolnenie ot ALI V. na 300.000,00 UZS, karta ***4821. Dostupno: 3.202.800,00 UZS', 'ALI V.'],
    ["Popolnenie ot RAHIMOV O'. na 300.000,00 UZS, karta ***4821. Dostupno: 3.202.800,00 UZS", "RAHIMOV O'."],
    ['Credit: 300,000.00 UZS from KARIMOVA CH., card *4821. Balance: 3,202,800.00 UZS', 'KARIMOVA CH.'],
    [
      'Зачисление 5 000 000 сум на карту *4821 от ООО ОРИЕНТ ЛОГИСТИКА (ЗАРПЛАТА), 03.02.2027 09:00',
      'ООО ОРИЕНТ ЛОГИСТИКА (ЗАРПЛАТА)',
    ],
    [
      "Kirim\nJo'natuvchi: YUSUPOV SH.\nSumma: 300 000 so'm\nKarta: *4821\nSana: 03.02.2027 09:00",
      'YUSUPOV SH.',
    ],
    ['Kirim\nЖўнатувчи: ЮСУПОВ Ш.\nСумма: 300 000 сўм\nКарта: *4821\nСана: 03.02.2027 09:00', 'ЮСУПОВ Ш.'],
    ['Popolnenie: SALARY PAYMENT, 5 000 000.00 UZS 03.02.2027 09:00 karta ***4821', 'SALARY PAYMENT'],
    ['Pokupka: PAYNET TRANSFER 24, 50 000.00 UZS 03.02.2027 09:00 karta ***4821', 'PAYNET TRANSFER 24'],
    ['Oplata: ORIENT LOGISTIKA, 50 000.00 UZS 03.02.2027 09:00 karta ***4821', 'ORIENT LOGISTIKA'],
    // a sentence's stop after an ordinary word is not kept
    ['Spisanie, karta ***4821: 12.500,00 UZS, SAFIA BAKERY. Dostupno: 902.800,00 UZS', 'SAFIA BAKERY'],
  ])('%s → %s', (text, merchant) => {
    expect(read(text)?.merchant).toBe(merchant);
  });

  it('a receipt keeps both names whole', () => {
    const r = read(
      'Sender 860012******3412\nSender name GLOBALPAY TRANSFER\nReceiver 986001******7390\nReceiver name ALI V.\nTransaction date 03.02.2027 19:22:10\nReceiver amount 750,000.00 UZS',
    );
    expect(r?.transfer).toEqual({ senderName: 'GLOBALPAY TRANSFER', receiverName: 'ALI V.' });
  });
});

describe('the user’s own words pasted with a notification', () => {
  const RU_RECEIPT =
    'Перевод\nОтправитель: 8600 **** **** 3412\nПолучатель: 9860 **** **** 7390\nСумма: 750 000,00 сум\nДата: 03.02.2027 19:22';
  const RU_NAMED =
    'Отправитель: 8600 **** **** 3412, JASUROV J.\nПолучатель: 9860 **** **** 7390, ALIEVA M.\nСумма: 750 000,00 сум\nДата: 03.02.2027 19:22';
  const UZ_RECEIPT =
    "Pul o'tkazmasi\nJo'natuvchi: 8600 **** **** 3412, MIRZAEV B.\nQabul qiluvchi: 9860 **** **** 7390, YUSUPOV SH.\nSumma: 750 000 so'm\nSana: 03.02.2027 19:22";
  const UZ_CYR_RECEIPT =
    'Пул ўтказмаси\nЖўнатувчи: 8600 **** **** 3412, МИРЗАЕВ Б.\nҚабул қилувчи: 9860 **** **** 7390, ЮСУПОВ Ш.\nСумма: 750 000 сўм\nСана: 03.02.2027 19:22';
  const EN_RECEIPT =
    'Sender 860012******3412\nSender name TIMUR A.\nReceiver 986001******7390\nReceiver name KARIMOVA D.\nTransaction date 03.02.2027 19:22:10\nReceiver amount 750,000.00 UZS';

  it.each([
    // money in: the sender is the counterparty, the receiving card is the user's
    ['ru', `пришло от Жасура 👇\n${RU_RECEIPT}`, 'income', 'other', 'жасура', '7390'],
    ['ru', `пришло от Жасура 👇\n${RU_NAMED}`, 'income', 'other', 'JASUROV J.', '7390'],
    ['ru', `мама скинула\n${RU_NAMED}`, 'income', 'gifts', 'JASUROV J.', '7390'],
    ['ru', `${RU_NAMED}\nэто брат скинул мне`, 'income', 'gifts', 'JASUROV J.', '7390'],
    ['uz', `akamdan keldi\n${UZ_RECEIPT}`, 'income', 'gifts', 'MIRZAEV B.', '7390'],
    ['uz', `zarplata keldi\n${UZ_RECEIPT}`, 'income', 'salary', 'MIRZAEV B.', '7390'],
    ['uz-cyr', `акамдан келди\n${UZ_CYR_RECEIPT}`, 'income', 'gifts', 'МИРЗАЕВ Б.', '7390'],
    ['en', `received from Timur\n${EN_RECEIPT}`, 'income', 'other', 'TIMUR A.', '7390'],
    ['en', `got it from mom\n${EN_RECEIPT}`, 'income', 'gifts', 'TIMUR A.', '7390'],
    // money out: the receiver is the counterparty, the sending card is the user's
    ['ru', `оплатил садик\n${RU_RECEIPT}`, 'expense', 'education', 'садик', '3412'],
    ['ru', `отправил за квартиру\n${RU_NAMED}`, 'expense', 'housing', 'ALIEVA M.', '3412'],
    ['ru', `перевёл Жасуру за ужин\n${RU_NAMED}`, 'expense', 'cafe', 'ALIEVA M.', '3412'],
    ['uz', `ijara uchun to'ladim\n${UZ_RECEIPT}`, 'expense', 'housing', 'YUSUPOV SH.', '3412'],
    ['uz', `akamga yubordim\n${UZ_RECEIPT}`, 'expense', 'gifts', 'YUSUPOV SH.', '3412'],
    ['uz-cyr', `ижара учун тўладим\n${UZ_CYR_RECEIPT}`, 'expense', 'housing', 'ЮСУПОВ Ш.', '3412'],
    ['en', `sent the rent to landlord\n${EN_RECEIPT}`, 'expense', 'housing', 'KARIMOVA D.', '3412'],
    ['en', `paid for the course\n${EN_RECEIPT}`, 'expense', 'education', 'KARIMOVA D.', '3412'],
  ])('%s: %s', (_lang, text, type, category, description, card) => {
    const result = parse(text);
    expect(result.items).toEqual([
      expect.objectContaining({ type, category, description, amountMinor: 75_000_000n, date: '2027-02-03' }),
    ]);
    expect(result.card).toMatchObject({ direction: type, card });
  });

  it('the words never become part of the reading: no merchant, amount or sender from them', () => {
    const r = read(`пришло от Жасура 500 тыс 👇\n${RU_RECEIPT}`);
    expect(r).toMatchObject({
      note: 'пришло от Жасура 500 тыс 👇',
      direction: 'unknown',
      sideShown: false,
      merchant: '',
      amountMinor: 75_000_000n,
      card: '3412',
      otherCard: '7390',
    });
  });

  it('words saying the family wallet put the record there; words that do not, or none, leave it personal', () => {
    expect(parse(`оплатил садик в семью\n${RU_RECEIPT}`).wallet).toBe('household');
    expect(parse(`ijara uchun oilaga to'ladim\n${UZ_RECEIPT}`).wallet).toBe('household');
    expect(parse(`оплатил садик\n${RU_RECEIPT}`).wallet).toBeUndefined();
    expect(parse(`ужин с семьёй оплатил\n${RU_RECEIPT}`).wallet).toBeUndefined();
    expect(parse(RU_RECEIPT).wallet).toBeUndefined();
  });

  it('the fingerprint is the notification’s, whatever the words say', () => {
    expect(read(`оплатил садик\n${RU_RECEIPT}`)?.fingerprint).toBe(read(RU_RECEIPT)?.fingerprint);
    expect(parse(`мама скинула\n${RU_NAMED}`).card?.fingerprint).toBe(read(RU_NAMED)?.fingerprint);
  });

  it.each([
    // no words: the side stays unknown (the bot asks which card is the user's)
    ['ru', RU_RECEIPT, 'unknown', ''],
    ['uz', UZ_RECEIPT, 'unknown', ''],
    ['en', EN_RECEIPT, 'unknown', ''],
    // words without a verb or a money noun say no side
    ['ru', `вот чек 👇\n${RU_RECEIPT}`, 'unknown', ''],
    ['uz', `Hurmatli mijoz!\n${UZ_RECEIPT}`, 'unknown', ''],
    ['en', `садик\n${EN_RECEIPT}`, 'unknown', ''],
    // words the parser does not read as money ("спасибо, получил" is small talk)
    ['ru', `спасибо, получил\n${RU_RECEIPT}`, 'unknown', 'спасибо, получил'],
  ])('%s: no side from the words: %s', (_lang, text, direction, note) => {
    const result = parse(text);
    expect(result.card).toMatchObject({ direction, note, card: '3412', otherCard: '7390' });
    expect(result.items[0].type).toBe('expense');
  });

  it.each([
    // the notification shows its side (an operation word, a sign): the words do not change it …
    [
      'пришло от мамы\n🔴 Оплата\n➖ 45.000,00 UZS\n📍 KAFE ZIYO\n💳 HUMOCARD *4821\n🕓 14:05 03.02.2027',
      'expense',
      'cafe',
      'KAFE ZIYO',
    ],
    [
      "to'ladim\nKirim: 500 000 so'm\nKarta: ***4821\n03.02.2027 10:00\nQoldiq: 4 500 000 so'm",
      'income',
      'other',
      '',
    ],
    // … but name the category when they speak of the same side
    [
      'оплатил садик\n🔴 Оплата\n➖ 1.200.000,00 UZS\n📍 CLICK P2P\n💳 HUMOCARD *4821\n🕓 14:05 03.02.2027',
      'expense',
      'education',
      'CLICK P2P',
    ],
    [
      'oylik keldi\n🟢 Пополнение\n➕ 5.000.000,00 UZS\n📍 P2P ORIENT\n💳 HUMOCARD *4821\n🕓 10:00 03.02.2027',
      'income',
      'salary',
      'P2P ORIENT',
    ],
    // a neutral transfer with one card: the words decide (money in arrives on the card shown)
    [
      'мама скинула\nПеревод 300 000 сум, карта *4821, 03.02.2027 15:00. Остаток: 1 000 000 сум',
      'income',
      'gifts',
      'мама',
    ],
    [
      'dadamdan keldi\nPerevod na kartu ***4821: 300 000.00 UZS, 03.02.2027 15:00. Dostupno: 3 420 550.00 UZS',
      'income',
      'gifts',
      'dadam',
    ],
    [
      'paid the landlord\nPerevod na kartu ***4821: 300 000.00 UZS, 03.02.2027 15:00',
      'expense',
      'other',
      'landlord',
    ],
  ])('%s', (text, type, category, description) => {
    const result = parse(text);
    expect(result.items).toEqual([expect.objectContaining({ type, category, description })]);
    expect(result.card).toMatchObject(
      type === 'income' ? { card: '4821', otherCard: null } : { direction: type },
    );
  });

  it('a reader of the words that fails leaves the notification as it is', () => {
    const card = read(`мама скинула\n${RU_NAMED}`)!;
    const result = cardNotificationResult(card, { defaultCurrency: 'UZS', now: new Date() }, () => {
      throw new Error('boom');
    });
    expect(result.card).toMatchObject({ direction: 'unknown', card: '3412' });
    expect(result.items[0].type).toBe('expense');
  });

  it('a merchant line in capitals under the notification is no note, though it has a verb', () => {
    const r = read(
      "Chiqim: 120 000 so'm\nKarta: ***4821\n03.02.2027 18:30\nQoldiq: 2 000 000 so'm\nSOTIB OL MARKET",
    );
    expect(r).toMatchObject({ note: '', merchant: 'SOTIB OL MARKET' });
  });
});

describe('more variants of each family', () => {
  it.each([
    // seconds, time before date, both orders, a comma or "at" between them
    [
      'ru: HUMO, time with seconds before the date',
      '🔴 Оплата\n➖ 45.000,00 UZS\n📍 KAFE ZIYO\n💳 HUMOCARD *4821\n🕓 14:05:33 03.02.2027\n💰 1.955.000,00 UZS',
      { localDate: '2027-02-03', localTime: '14:05:33', occurredAt: '2027-02-03T09:05:33.000Z' },
    ],
    [
      "uz: HUMO in Uzbek, To'lov",
      "🔴 To'lov\n➖ 45 000,00 UZS\n📍 OSHXONA MILLIY TAOMLAR\n💳 HUMOCARD *4821\n🕓 03.02.2027 14:05:33\n💰 1 955 000,00 UZS",
      { direction: 'expense', merchant: 'OSHXONA MILLIY TAOMLAR', localTime: '14:05:33', language: 'uz' },
    ],
    [
      'en: HUMO in English, a USD card',
      '🔴 Payment\n➖ 12.50 USD\n📍 STEAM PURCHASE\n💳 VISA *4821\n🕓 03.02.2027 14:05\n💰 287.50 USD',
      { amountMinor: 1_250n, currency: 'USD', balanceMinor: 28_750n, balanceCurrency: 'USD', language: 'en' },
    ],
    [
      'ru: a comma between the date and the time',
      'Покупка: АПТЕКА ДОРИ, 38 000.00 сум 03.02.2027, 18:45 карта ***4821. Баланс: 2 000 000.00 сум',
      { merchant: 'АПТЕКА ДОРИ', localDate: '2027-02-03', localTime: '18:45', language: 'ru' },
    ],
    [
      'en: "at" between the date and the time',
      'Purchase: CINEMA PARK, 80,000.00 UZS 03.02.2027 at 18:45, card ***4821. Balance: 2,000,000.00 UZS',
      { merchant: 'CINEMA PARK', localTime: '18:45', amountMinor: 8_000_000n },
    ],
    [
      'ru: time before the date in an SMS',
      'Pokupka: NON SHOP, 12 500.00 UZS 08:41:09 03.02.2027 karta ***4821. Balans: 2 902 800.00 UZS',
      { localDate: '2027-02-03', localTime: '08:41:09', merchant: 'NON SHOP' },
    ],
    [
      'an ISO stamp with a T',
      'Oplata: HUDUDGAZTAMINOT, 85 000.00 UZS 2027-02-03T14:05:00 karta ***4821',
      { localDate: '2027-02-03', localTime: '14:05:00', merchant: 'HUDUDGAZTAMINOT' },
    ],
    [
      'uz: semicolons, Uzbek words, seconds',
      "HUMOCARD *4821: to'lov 12500.00 UZS; NON UYI; 27-02-03 08:41:05; Qoldiq: 2902800.00 UZS",
      { merchant: 'NON UYI', localTime: '08:41:05', balanceMinor: 290_280_000n, language: 'uz' },
    ],
    [
      'en: semicolons, English words',
      'UZCARD *4821: payment 12500.00 UZS; BURGER HOUSE; 27-02-03 08:41; Available: 2902800.00 UZS',
      { merchant: 'BURGER HOUSE', localDate: '2027-02-03', balanceMinor: 290_280_000n, language: 'en' },
    ],
    // date and time labels with the value on their own lines
    [
      'ru: Data: and Vremya: with the values on the next lines',
      '➖ 12 500,00 UZS\nKarta: *4821\nMagazin: FASTFOOD MAX\nData:\n03.02.2027\nVremya:\n08:41',
      { localDate: '2027-02-03', localTime: '08:41', merchant: 'FASTFOOD MAX' },
    ],
    [
      'uz: Sana: and Vaqt: with the values on the next lines',
      "➖ 38 000,00 so'm\nKarta: *4821\nDo'kon: DORIXONA SHIFO\nSana:\n03.02.2027\nVaqt:\n08:41\nQoldiq: 3 196 950,00 so'm",
      { localDate: '2027-02-03', localTime: '08:41', merchant: 'DORIXONA SHIFO', balanceMinor: 319_695_000n },
    ],
    [
      'uz-cyr: Сана: and Вақт: on separate lines',
      '➖ 38 000,00 сўм\nКарта: *4821\nДўкон: ДОРИХОНА ШИФО\nСана: 03.02.2027\nВақт: 08:41:15',
      { localDate: '2027-02-03', localTime: '08:41:15', language: 'uz' },
    ],
    [
      'en: Date: and Time: on separate lines',
      'Debit\nAmount: 12.50 USD\nCard: *4821\nMerchant: NETFLIX.COM\nDate: 03.02.2027\nTime: 02:00:10',
      { localDate: '2027-02-03', localTime: '02:00:10', currency: 'USD', merchant: 'NETFLIX.COM' },
    ],
    // amounts with no-break spaces in each family
    [
      'uz: Kirim with no-break spaces',
      `Kirim: 2${NBSP}500${NBSP}000${NBSP}so'm\nKarta: ***4821\n05.02.2027 10:00\nQoldiq: 4${NBSP}500${NBSP}000${NBSP}so'm`,
      { direction: 'income', amountMinor: 250_000_000n, balanceMinor: 450_000_000n },
    ],
    [
      'ru: a sentence with narrow no-break spaces',
      `Списание 38${NNBSP}000 сум, карта *4821, MAKTAB 45 KANSTOVARY, 08:41 03.02.2027. Доступно: 3${NNBSP}196${NNBSP}950 сум`,
      { amountMinor: 3_800_000n, balanceMinor: 319_695_000n, merchant: 'MAKTAB 45 KANSTOVARY' },
    ],
    [
      'en: a receipt with no-break spaces',
      `Sender 860012******3412\nReceiver 986001******7390\nTransaction date 03.02.2027 19:22:10\nReceiver amount 1${NBSP}200${NBSP}000.00${NBSP}UZS`,
      { direction: 'unknown', amountMinor: 120_000_000n },
    ],
    // USD cards
    [
      'ru: a USD card in an SMS',
      'Spisanie, karta ***4821: 12.50 USD, STEAM GAMES. Dostupno: 300.00 USD',
      { amountMinor: 1_250n, currency: 'USD', balanceMinor: 30_000n, balanceCurrency: 'USD' },
    ],
    [
      'ru: a dollar sign after the amount',
      'Покупка 12,50 $ STEAM карта *4821 03.02.2027 14:05',
      { amountMinor: 1_250n, currency: 'USD', merchant: 'STEAM' },
    ],
    [
      'en: the currency code before the amount, debited from',
      'UZS 45,000.00 debited from card *4821 at KAFE ZIYO, 03/02/27 14:05',
      { amountMinor: 4_500_000n, currency: 'UZS', merchant: 'KAFE ZIYO', direction: 'expense' },
    ],
    [
      'uz: a USD card in Uzbek',
      'Xarid: AMAZON, 25.00 USD 03.02.2027 14:05 karta ***4821. Qoldiq: 175.00 USD',
      { amountMinor: 2_500n, currency: 'USD', balanceMinor: 17_500n, language: 'uz' },
    ],
    // a neutral transfer: the card's role tells the side
    [
      'ru: Perevod na kartu — whose card? money out, not shown',
      'Perevod na kartu ***4821: 300 000.00 UZS, 03.02.2027 15:00. Dostupno: 3 420 550.00 UZS',
      { direction: 'expense', sideShown: false, card: null, otherCard: '4821', operation: 'transfer' },
    ],
    [
      'ru: Perevod s karty — the sending card is the user’s',
      'Perevod s karty ***4821: 300 000.00 UZS, 03.02.2027 15:00. Dostupno: 3 420 550.00 UZS',
      { direction: 'expense', sideShown: true, card: '4821' },
    ],
    [
      'ru: Перевод with the user’s card only — most likely money out, not shown',
      'Перевод 300 000 сум, карта *4821, 03.02.2027 15:00. Остаток: 1 000 000 сум',
      { direction: 'expense', sideShown: false, card: '4821' },
    ],
  ])('%s', (_name, text, expected) => {
    expect(shape(read(text))).toMatchObject(expected as Record<string, unknown>);
  });
});

describe('ordinary phrases stay phrases, with the new label words and the user’s words too', () => {
  it.each([
    'оплата 50000 за свет',
    'taksi 20 ming',
    'перевел брату 100 тыс',
    'Сумма: 50 000 сум за свет',
    "Summa: 500 000 so'm, karta *4821",
    'Магазин: Корзинка, сумма 150 000 сум',
    "Joy: bozor, 50 ming so'm",
    "Do'kon: Korzinka 120 000 so'm",
    'Получатель: мама, 200 000 сум',
    "Qabul qiluvchi: onam 200 000 so'm",
    'To: mom 50000 sum',
    'From: Timur 50 USD',
    'пришло от Жасура 500 000 сум',
    'оплатил садик 1 200 000 сум за февраль',
    'received from Timur 750,000 UZS 03.02.2027 19:22',
    'sent the rent 4,000,000 UZS to landlord, card 1234',
    "akamdan 300 ming so'm keldi, karta *4821",
    'Отправитель мама, получатель я, 200 000 сум',
  ])('%s', (text) => {
    expect(read(text)).toBeNull();
  });

  it('never throws with the user’s words around odd input', () => {
    for (let i = 0; i < 200; i++) {
      const s = Array.from({ length: 40 }, () =>
        String.fromCharCode(32 + Math.floor(Math.random() * 0x500)),
      ).join('');
      const text = `пришло от ${s}\nОтправитель: 8600 **** **** 3412, ${s}\nПолучатель: 9860 **** **** 7390\nСумма: 1 000 сум ${s}\nДата: 03.02.2027 10:00\n${s} оплатил`;
      expect(() => readCardNotification(text)).not.toThrow();
      expect(() => parsePhrase(text, { defaultCurrency: 'UZS', now: new Date() })).not.toThrow();
    }
  });
});
