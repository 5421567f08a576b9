/**
 * A week of messages in Uzbek, Latin and Cyrillic (issue 11, "How it is measured"): one user in Tashkent writes to the
 * bot from Monday 23.11.2026 to Sunday 29.11.2026 as people do — "ming"/"mng"/"минг", "lyam", quantity × price with
 * -dan, typos, apostrophes typed three ways or not at all, who gave money to whom, questions, forwarded card
 * notifications, an edit, photos and a sticker, a correction the bot learns from, undo — each message through the
 * real webhook at its own time (message.date), checked against the rows in the database and the reply. The week ends
 * with /balance and /stats agreeing with the rows.
 *
 * A message the bot does not yet read the way the user meant stays asserted as meant and is marked `knownMiss`
 * (it.failing) with what the bot does instead.
 */
import { buttons } from './helpers/bot-chat';
import { forwardedText, photoContent, STICKER } from './helpers/updates';
import { amountsOf, got, spent, Week, WEEK_RATES, weekApp } from './helpers/week';

const WEEK = { from: '2026-11-23', to: '2026-11-29' };
const inWeek = `to_char(occurred_at AT TIME ZONE 'Asia/Tashkent', 'YYYY-MM-DD') BETWEEN '${WEEK.from}' AND '${WEEK.to}'`;
const inNovember = `to_char(occurred_at AT TIME ZONE 'Asia/Tashkent', 'YYYY-MM') = '2026-11'`;

const UZCARD_BOT = { name: 'Uzcard', isBot: true, id: 777_000_333 };
const UZCARD = [
  '➖ 35 000,00 UZS',
  'Karta: UZCARD *7715',
  'Magazin: YANDEX GO',
  'Data: 25.11.2026',
  'Vremya: 09:05',
  'Balans: 2 115 000,00 UZS',
].join('\n');
const fromUzcard = () => forwardedText(UZCARD, UZCARD_BOT, Date.parse('2026-11-25T09:05:20+05:00'));
const UZCARD_LINE = '💸 35,000.00 UZS — Transport, YANDEX GO · 25.11.2026 09:05 · 💳 ***7715';

describe('A week of messages in Uzbek (e2e, webhook)', () => {
  const app = weekApp('uz', 952_000_001, '2026-11-23 08:00');
  const week = new Week('uz', app.chat);
  /** Wednesday's "ertaga …" (its reminder comes on Thursday). */
  let light: ReturnType<Week['nothing']> = {};

  week.day('Dushanba', '2026-11-23', () => {
    week.records('08:10', 'oylik tushdi 6 mln', [got('6000000', 'salary')]);
    week.records('08:50', 'tkasi 18 mng', [spent('18000', 'transport')]);
    week.records('10:30', 'kofe 18 ming', [spent('18000', 'cafe', { description: 'kofe' })]);
    week.records('13:00', 'tushlik 35 ming', [spent('35000', 'cafe', { description: 'tushlik' })]);
    week.records('17:40', 'бозорга 250 минг', [spent('250000', 'groceries')]);
    week.records('19:00', "internetga 99 900 so'm to'ladim", [spent('99900', 'communication')]);
    week.records('20:00', '3 ta somsa 7 mingdan', [spent('21000', 'cafe', { description: 'somsa' })]);
    // A word the bot does not know goes to "Boshqa"; the user moves it with 🏷 and the bot learns it.
    const master = week.records('21:00', 'usta 200 ming', [
      spent('200000', 'other', { description: 'usta' }),
    ]);
    week.correctsCategory('21:01', master, 'housing', ['«usta»']);
  });

  week.day('Seshanba', '2026-11-24', () => {
    week.records('09:00', 'dadam 200 ming tashlab berdi', [got('200000', 'gifts')]);
    week.nothing('10:00', "100 dollar qancha so'm", [
      '💱 100.00 USD = 1,215,000.00 UZS · Markaziy bank kursi 12,150.00, 24.11.2026',
    ]);
    week.nothing('10:05', 'доллар курси қанча', [
      '💱 1.00 USD = 12,150.00 UZS · Markaziy bank kursi 12,150.00, 24.11.2026',
    ]);
    week.records('12:30', 'тушлик 40 минг', [spent('40000', 'cafe')]);
    week.records(
      '14:00',
      { title: '📷 photo, caption "Korzinkadan 143 500"', content: photoContent('Korzinkadan 143 500') },
      [spent('143500', 'groceries')],
    );
    week.nothing('14:01', { title: 'a sticker', content: STICKER }, [
      '🙂 Stiker yoqimli, lekin uni yozib qoʻya olmayman.',
      'Rasm izohini ham oʻqiyman.',
    ]);
    week.records('16:00', 'benzin 150 ming quydim', [
      spent('150000', 'transport', { description: 'benzin' }),
    ]);
    week.records('17:00', 'Yandex taksi 32 500', [spent('32500', 'transport')]);
    // learned on Monday: "ustaga" is the same word as "usta"
    week.records('18:00', 'ustaga 120 ming berdim', [spent('120000', 'housing')]);
    week.records('20:00', 'dorixona 45 600', [spent('45600', 'health', { description: 'dorixona' })]);
  });

  week.day('Chorshanba', '2026-11-25', () => {
    week.forwards(
      '09:10',
      'a forwarded Uzcard notification',
      fromUzcard(),
      `✅ Bildirishnomadan yozib qoʻyildi:\n${UZCARD_LINE}`,
      {
        type: 'expense',
        amount: '35000.00',
        category: 'transport',
        description: 'YANDEX GO',
        local: '2026-11-25',
        time: '09:05',
      },
    );
    week.forwardsAgain(
      '09:12',
      'the same notification',
      fromUzcard(),
      `☑️ Bu bildirishnoma allaqachon yozilgan:\n${UZCARD_LINE}`,
    );

    light = week.nothing(
      '11:00',
      "ertaga svetga 150 ming to'layman",
      [
        /^📅 26\.11\.2026 · .+ — 150,000\.00 UZS$/m,
        '🗓 Bu keyinroq uchun — hozir hech narsa yozilmadi. Oʻsha kuni eslataymi?',
      ],
      {
        also: async (answer) => {
          expect(buttons(answer.replies[0].markup)[0]).toEqual([
            ['🔔 26.11 kuni eslatish', `f:${answer.updateId}:r`],
          ]);
        },
      },
    );
    week.remindsOn(
      '11:01',
      light,
      '2026-11-26',
      '🔔 26.11.2026 kuni ertalab eslataman. Hozircha hech narsa yozilmadi.',
    );

    week.records('12:00', "akamga 300 ming o'tkazdim", [spent('300000', 'gifts')]);
    week.records('13:00', 'telefonimga 20 ming tashladim', [spent('20000', 'communication')]);
    week.nothing('15:00', 'bu oy ovqatga qancha ketdi', async (c) => [
      `🍲 Ovqat, noyabr oyida: ${await amountsOf(c, `type = 'expense' AND category IN ('groceries', 'cafe') AND ${inNovember}`)}`,
      `🛒 Oziq-ovqat: ${await amountsOf(c, `type = 'expense' AND category = 'groceries' AND ${inNovember}`)}`,
      `🍽 Kafe va restoranlar: ${await amountsOf(c, `type = 'expense' AND category = 'cafe' AND ${inNovember}`)}`,
    ]);

    const mistake = week.records('18:00', 'taksi 250 ming', [
      spent('250000', 'transport', { description: 'taksi' }),
    ]);
    week.undoesLast(
      '18:01',
      'oxirgisini bekor qil',
      mistake,
      '↩️ Oxirgi yozuv oʻchirildi:\n💸 250,000.00 UZS — Transport, taksi · 25.11.2026',
    );
    week.records('18:02', 'taksi 25 ming', [spent('25000', 'transport', { description: 'taksi' })]);

    const supper = week.records('20:00', 'kechki ovqat 180 ming', [spent('180000', 'cafe')]);
    week.edits(
      '20:10',
      supper,
      'kechki ovqat 130 ming',
      '130000.00',
      /^✅ Yozib qoʻyildi:\n💸 130,000\.00 UZS — Kafe va restoranlar.* · 25\.11\.2026$/,
    );
  });

  week.day('Payshanba', '2026-11-26', () => {
    week.records('09:00', "mijoz ikki yarim million to'ladi", [got('2500000', ['business', 'freelance'])]);
    week.reminderComes(
      '09:30',
      light,
      /^🔔 Bugun rejada:\n• .+ — 150,000\.00 UZS\n\nToʻladingizmi\? Shu kunning xarajati sifatida yozib qoʻyaman\.$/,
      ['✅ Yozib qoʻyish', '⏭ Oʻtkazib yuborish'],
      /^✅ Yozib qoʻyildi:\n💸 150,000\.00 UZS — Uy-joy va kommunal.* · 26\.11\.2026$/,
      spent('150000', 'housing'),
    );
    week.records('11:00', 'mashina remontiga 3 lyam ketdi', [spent('3000000', 'transport')]);
    week.records('13:00', 'такси 22 минг', [spent('22000', 'transport', { description: 'такси' })]);
    week.records('14:00', 'нон 6000', [spent('6000', 'groceries', { description: 'нон' })]);
    week.nothing('16:00', "telefon olish uchun 5 mln yig'moqchiman", ['🎯 Yangi maqsad:\nTelefon'], {
      also: async () =>
        expect(await app.chat().goals()).toEqual([
          {
            title: expect.stringMatching(/^Telefon/),
            target: '5000000.00',
            currency: 'UZS',
            status: 'active',
          },
        ]),
    });
    week.records('18:00', 'klientdan 500 dollar keldi', [
      got('500', ['business', 'freelance'], { currency: 'USD' }),
    ]);
    week.records('19:00', 'onamga dori oldim 85 ming', [spent('85000', 'health', { description: 'dori' })]);
    week.records('20:00', "gaz pulini to'ladim 85 ming", [spent('85000', 'housing')]);
    week.records('21:00', 'choyxonada 120 ming', [spent('120000', 'cafe')]);
    week.records('21:30', "onamga 500 ming jo'natdim", [spent('500000', 'gifts')]);
  });

  week.day('Juma', '2026-11-27', () => {
    week.records('09:00', 'qizimga kurtka oldim 450 ming', [
      spent('450000', 'clothing', { description: 'kurtka' }),
    ]);
    week.records('11:00', "to'yga 500 ming berdim", [spent('500000', 'gifts')]);
    week.records('13:00', 'ovqat 85 ming va taksi 20 ming', [
      spent('85000', 'cafe', { description: 'ovqat' }),
      spent('20000', 'transport', { description: 'taksi' }),
    ]);
    week.forwards(
      '15:00',
      'a forwarded card SMS (Pokupka …)',
      forwardedText(
        'Pokupka: EVOS CHILONZOR, 67 000.00 UZS 27.11.26 14:52 karta ***7715. Balans: 2 048 000.00 UZS',
        UZCARD_BOT,
        Date.parse('2026-11-27T14:52:40+05:00'),
      ),
      '✅ Bildirishnomadan yozib qoʻyildi:\n💸 67,000.00 UZS — Kafe va restoranlar, EVOS CHILONZOR · 27.11.2026 14:52 · 💳 ***7715',
      {
        type: 'expense',
        amount: '67000.00',
        category: 'cafe',
        description: 'EVOS CHILONZOR',
        local: '2026-11-27',
        time: '14:52',
      },
    );
    week.records('17:00', 'choyxonaga 95 ming toʻladim', [spent('95000', 'cafe')]);
    week.records('19:00', "ijara uchun 3 mln to'ladim", [
      spent('3000000', 'housing', { description: 'ijara' }),
    ]);
    week.records('20:00', 'бензинга 200 минг', [spent('200000', 'transport')]);
    week.records('20:30', 'Click orqali telefonimga 10 ming', [spent('10000', 'communication')]);
    week.records('21:00', 'eski telefonni 1.2 mln ga sotdim', [got('1200000', ['business', 'other'])]);
  });

  week.day('Shanba', '2026-11-28', () => {
    week.records('10:00', 'kecha taksiga 30 ming berdim', [
      spent('30000', 'transport', { date: '2026-11-27' }),
    ]);
    week.records('11:00', 'singlimga sovga oldim 250 ming', [spent('250000', 'gifts')]);
    week.records('12:00', 'bozorlik 380 ming', [spent('380000', 'groceries')]);
    week.records('12:30', "2 kg go'sht 180 ming", [spent('180000', 'groceries')]);
    week.nothing('13:00', { title: '📷 a photo without a caption', content: photoContent() }, [
      '📷 Rasmlarni tushunmayman.',
      'Rasm izohini ham oʻqiyman.',
    ]);
    week.nothing('13:05', 'rahmat', ['🙂 Doim yordamga tayyorman!']);
    week.records('15:00', 'дорихонага 60 минг', [spent('60000', 'health')]);
    week.records('17:00', 'bugun bolalar bilan parkga bordik 180 ming ketdi', [
      spent('180000', 'entertainment'),
    ]);
    week.records('19:00', 'кечки овқатга 150 минг сарфладим', [spent('150000', 'cafe')]);
    week.records('20:30', 'тўйга 1 млн бердик', [spent('1000000', 'gifts')]);
  });

  week.day('Yakshanba', '2026-11-29', () => {
    week.records('10:00', 'non 2 ta 5 mingdan', [spent('10000', 'groceries', { description: 'non' })]);
    week.records('10:30', '5 ta non oldim 4000 dan', [spent('20000', 'groceries', { description: 'non' })]);
    week.records('11:00', 'бугун бозордан гўшт олдим 320 минг', [spent('320000', 'groceries')]);
    week.nothing('12:00', 'bu hafta qancha sarfladim', async (c) => [
      `💸 Xarajatlar, 23.11–29.11.2026 haftasida: ${await amountsOf(c, `type = 'expense' AND ${inWeek}`)}`,
    ]);
    week.nothing('13:00', "dushanba kuni bog'chaga 600 ming to'lashim kerak", [
      /^📅 30\.11\.2026 · .+ — 600,000\.00 UZS$/m,
      '🗓 Bu keyinroq uchun — hozir hech narsa yozilmadi.',
    ]);

    week.endsWith('14:00', {
      phrase: 'балансим қанча',
      head: '💰 Balansingiz',
      rates: { USD: WEEK_RATES.USD },
      rateDay: WEEK_RATES.day,
      stats: '/stats hafta',
      title: '📊 Statistika: 23.11–29.11.2026 haftasida',
      ...WEEK,
    });
  });
});
