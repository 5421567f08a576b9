// OvozPay's own work for a recorded phrase without the framework (issue 16, docs/benchmarks-analysis.md): the bound
// any HTTP layer leaves. telegraf's webhook callback on plain node:http and pg, like the anchor (bench/minimal-bot.js),
// running the app's compiled code (dist/) for the statements, parser and reply of a recorded text message: the claim
// with the sender's reads (ProcessedUpdatesRepository.claimReading), the phrase parser, the insert of the update's rows
// (TransactionsRepository.insertForUpdate), the recurring pattern read for a record with a description
// (RecurringRepository.patternRecordsUnlessKnown, detectPattern), a reply with buttons, and the done-mark with the
// message's link in its statement (the update scope and MessageLinksRepository.remember) — the app's statements
// (four, three for a record without a description). Left out: NestJS, Express, nestjs-telegraf's handler chain, helmet,
// the host and webhook checks, the reply's retry wrapper, the INFO line per update, applying the learned keywords,
// category names, budgets and households. Measurement only: nothing here is the app's behaviour.
// Env: PORT, DATABASE_URL (migrated by the app), TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT, TELEGRAM_WEBHOOK_SECRET.
'use strict';
const { join } = require('node:path');
const { DataSource } = require('typeorm');
const { benchBot, run, serveWebhook } = require('./webhook-bot');

const DIST = join(__dirname, '..', 'dist');
const dist = (path) => require(join(DIST, path));
const { buildDataSourceOptions } = dist('database/data-source');
const { ProcessedUpdatesRepository } = dist('modules/bot/infra/processed-updates.repository');
const { MessageLinksRepository } = dist('modules/bot/infra/message-links.repository');
const { openUpdateScope, closeUpdateScope } = dist('modules/bot/infra/update-scope');
const { TransactionsRepository } = dist('modules/transactions/transactions.repository');
const { Transaction } = dist('modules/transactions/transaction.entity');
const { RecurringRepository } = dist('modules/recurring/recurring.repository');
const { RecurringRule } = dist('modules/recurring/recurring-rule.entity');
const { RecurringOccurrence } = dist('modules/recurring/recurring-occurrence.entity');
const { detectPattern, foldDescription, isPatternDescription, localMonth, monthBefore, PATTERN_MONTHS } =
  dist('modules/recurring/patterns');
const { zonedTimeToUtc } = dist('common/time/local-time');
const { parsePhrase } = dist('modules/nlu/parser');

const env = process.env;
const LEASE_SECONDS = 60;

async function main() {
  const dataSource = await new DataSource(
    buildDataSourceOptions(env.DATABASE_URL, { embedded: false, poolSize: 10 }),
  ).initialize();
  const updates = new ProcessedUpdatesRepository(dataSource);
  const links = new MessageLinksRepository(dataSource);
  const transactions = new TransactionsRepository(dataSource.getRepository(Transaction));
  const recurring = new RecurringRepository(
    dataSource.getRepository(RecurringRule),
    dataSource.getRepository(RecurringOccurrence),
  );

  const bot = benchBot('Lean');

  bot.on('text', async (ctx) => {
    const m = ctx.message;
    const updateId = ctx.update.update_id;
    const { claim, reads } = await updates.claimReading(updateId, LEASE_SECONDS, m.chat.id);
    if (claim !== 'claimed' || !reads.user) return;
    const user = reads.user;
    openUpdateScope(user, reads.sessionState);
    const now = new Date();
    const parsed = parsePhrase(m.text, { defaultCurrency: user.currency, now, timeZone: user.timezone });
    let answer = '🤔';
    if (parsed.intent === 'transaction' && parsed.items.every((it) => it.amountMinor !== null)) {
      const rows = parsed.items.map((item, index) => ({
        userId: user.id,
        householdId: null,
        type: item.type,
        amount: item.amountMinor,
        currency: item.currency,
        category: item.category,
        description: item.description.trim(),
        occurredAt: now,
        source: 'text',
        sourceUpdateId: BigInt(updateId),
        sourceItem: index,
        transcript: null,
      }));
      const saved = await transactions.insertForUpdate(dataSource.manager, user.id, BigInt(updateId), rows);
      // the pattern read, as RecurringService.offerFor does it: per record with a description, once per description
      const looked = new Set();
      for (const row of saved.rows) {
        if (!isPatternDescription(row.description)) continue;
        const key = foldDescription(row.description);
        if (looked.has(`${row.type}:${key}`)) continue;
        looked.add(`${row.type}:${key}`);
        const month = localMonth(row.occurredAt, user.timezone);
        const from = monthBefore(month, PATTERN_MONTHS - 1)
          .split('-')
          .map(Number);
        const to = monthBefore(month, -1).split('-').map(Number);
        const records = await recurring.patternRecordsUnlessKnown(
          user.id,
          row.type,
          key,
          zonedTimeToUtc(user.timezone, from[0], from[1], 1),
          zonedTimeToUtc(user.timezone, to[0], to[1], 1),
        );
        detectPattern(
          { id: row.id, amountMinor: row.amount, currency: row.currency, occurredAt: row.occurredAt },
          records,
          user.timezone,
        );
      }
      answer = saved.rows
        .map((t) => `✅ ${t.type === 'expense' ? '−' : '+'}${t.amount / 100n} ${t.currency} · ${t.category}`)
        .join('\n');
      const sent = await ctx.reply(answer, {
        reply_markup: {
          inline_keyboard: saved.rows.map((t) => [
            { text: '✏️', callback_data: `tx:edit:${t.id}` },
            { text: '🗑', callback_data: `tx:del:${t.id}` },
          ]),
        },
      });
      await links.remember(user, {
        userId: user.id,
        chatId: BigInt(m.chat.id),
        messageId: BigInt(m.message_id),
        kind: 'records',
        updateId: BigInt(updateId),
        items: saved.rows.map((t) => ({ type: t.type, category: t.category })),
        replyMessageId: BigInt(sent.message_id),
        lastUpdateId: BigInt(updateId),
      });
    } else {
      await ctx.reply(answer);
    }
    await updates.finish(updateId, closeUpdateScope(user)?.atFinish);
  });

  serveWebhook(bot);
}

run(main);
