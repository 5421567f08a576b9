/**
 * Issue 15, "Done when", in each language, through the real webhook and the due-day run with an injected clock: a
 * user sets a cafe limit and a monthly rent by text, records cafe expenses and is warned once at 80%, is asked about
 * the rent on its day and records it with one tap, and sees the month-end forecast under /stats.
 */
import { CLOCK, type Clock } from '../src/common/time/clock';
import { BudgetsService } from '../src/modules/budgets/budgets.service';
import { RecurringRunner, RecurringScheduler } from '../src/modules/recurring/recurring.scheduler';
import { BotChat } from './helpers/bot-chat';
import { startTestApp, TestApp } from './helpers/test-app';

type Markup = { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> };

const PHRASES = {
  ru: {
    limit: 'лимит на кафе 500 тыс в месяц',
    rent: 'каждый месяц 10 числа аренда 3 млн',
    spend: ['обед в кафе 250000', 'кофе 160000', 'кофе 10000'],
  },
  uz: {
    limit: 'kafe uchun oylik limit 500 ming',
    rent: 'har oy 10-sanada ijara 3 mln',
    spend: ['kafeda tushlik 250 ming', 'kafeda kofe 160 ming', 'kafeda kofe 10 ming'],
  },
  en: {
    limit: 'set a budget of 500k for cafes',
    rent: 'rent 3 mln every month on the 10th',
    spend: ['lunch at a cafe 250k', 'coffee at a cafe 160k', 'coffee at a cafe 10k'],
  },
} as const;

describe('budgets, a recurring rent and the forecast, start to end (e2e, webhook)', () => {
  let t: TestApp;
  let now = new Date('2026-12-03T05:00:00Z'); // 10:00 in Tashkent

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(RecurringScheduler, { strict: false }).stop(); // the test drives the due-day run itself
    t.app.get<Clock>(CLOCK, { strict: false }).now = () => now; // the budgets and the recurring run share it
  });
  afterAll(() => t?.close());

  let chatId = 972_000_000;
  it.each(Object.keys(PHRASES) as Array<keyof typeof PHRASES>)('%s', async (lang) => {
    const said = PHRASES[lang];
    now = new Date('2026-12-03T05:00:00Z');
    const chat = new BotChat(t, ++chatId, lang).at('2026-12-03 10:00');
    await chat.start();
    const budgets = t.app.get(BudgetsService, { strict: false });
    const warnings = () => t.telegram.textsTo(chat.chatId).filter((m) => /^(⚠️|🚨)/u.test(m));

    expect((await chat.send(said.limit)).replies[0].text).toMatch(/^✅ .*500,000 UZS/u);
    expect((await chat.send(said.rent)).replies[0].text).toMatch(/^🔁 .*3,000,000\.00 UZS/u);

    const first = await chat.send(said.spend[0]);
    expect(first.replies[0].text).toContain('250,000');
    await budgets.settled();
    expect(warnings()).toEqual([]);
    await chat.send(said.spend[1]); // 410,000 of 500,000: 82%
    await budgets.settled();
    expect(warnings()).toHaveLength(1);
    await chat.send(said.spend[2]); // 84%: no second warning
    await budgets.settled();
    expect(warnings()).toHaveLength(1);

    // The 10th, 09:00 in Tashkent: asked once, recorded with one tap.
    now = new Date('2026-12-10T04:00:00Z');
    const runner = t.app.get(RecurringRunner, { strict: false });
    await runner.runDue(now);
    await runner.runDue(new Date('2026-12-10T04:05:00Z'));
    const asks = t.telegram
      .sent()
      .filter(
        (p) =>
          Number(p.chat_id) === chat.chatId &&
          ((p.reply_markup as Markup)?.inline_keyboard ?? [])
            .flat()
            .some((b) => b.callback_data?.startsWith('rr:')),
      );
    expect(asks).toHaveLength(1);
    const record = ((asks[0].reply_markup as Markup).inline_keyboard ?? []).flat()[0];
    expect(record.callback_data).toMatch(/^rr:/);
    await chat.at('2026-12-10 10:00').press(record.callback_data!);
    const rent = await chat.rows(`amount = 3000000`);
    expect(rent).toHaveLength(1);
    expect(rent[0]).toMatchObject({ local: '2026-12-10', category: 'housing' });

    // /stats: the month's chart, with the forecast line.
    now = new Date('2026-12-10T05:00:00Z');
    const stats = await chat.send('/stats');
    const caption = stats.replies.find((r) => r.method === 'sendPhoto')?.text ?? '';
    expect(caption).toMatch(/🔮 .*31\.12.*UZS/u);
  });
});
