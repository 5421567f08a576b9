import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { Currency } from '../../common/money';
import { localDate, readDateOrDateTime, zonedTimeToUtc } from '../../common/time/local-time';
import { invalidChoice } from '../../common/validation/messages';
import { checkAmountMinor } from '../../common/validation/readers';
import { isUuid } from '../../common/validation/uuid';
import { CategoriesService } from '../categories/categories.service';
import { HouseholdsService } from '../households/households.service';
import type { TransactionType } from '../nlu/nlu.types';
import { CLOCK, type Clock } from '../../common/time/clock';
import type { Transaction } from '../transactions/transaction.entity';
import { TransactionsService } from '../transactions/transactions.service';
import { NOT_IN_HOUSEHOLD, Wallet } from '../transactions/wallet';
import { UsersService } from '../users/users.service';
import { RecurringRule } from './recurring-rule.entity';
import {
  detectPattern,
  foldDescription,
  isPatternDescription,
  localMonth,
  monthBefore,
  PATTERN_MONTHS,
} from './patterns';
import { ActiveRule, OccurrenceWithRule, PatternOffer, RecurringRepository } from './recurring.repository';
import {
  addDays,
  CATCH_UP_DAYS,
  Every,
  isoWeekday,
  nextDate,
  occurrenceOnOrAfter,
  validDay,
} from './recurring.schedule';

export interface NewRecurring {
  type: TransactionType;
  amountMinor: bigint;
  currency?: Currency;
  category?: string;
  description?: string;
  every: Every;
  day: number;
  auto?: boolean;
  /** Absent: the member's default (docs/households.md). */
  wallet?: Wallet;
}

export type RecurringChanges = Partial<NewRecurring> & { paused?: boolean };

/** What the bot's phrase reading gives (intent set_recurring): day null → today's; amount null → the bot asks. */
export interface RecurringDraft {
  type: TransactionType;
  amountMinor: bigint | null;
  currency: Currency;
  category: string;
  description: string;
  every: Every;
  day: number | null;
  wallet?: Wallet;
}

/** A rule and its next occurrence's local date. */
export interface RecurringView {
  rule: RecurringRule;
  nextDate: string;
}

export type CreateFromBotOutcome = { kind: 'created'; view: RecurringView } | { kind: 'needs_amount' };

/** What answering an ask did. */
export type AnswerOutcome =
  | { kind: 'recorded'; rule: RecurringRule; date: string; amountMinor: bigint }
  | { kind: 'skipped'; rule: RecurringRule; date: string }
  | { kind: 'done' }
  | { kind: 'not_found' };

/** What ✅ under a pattern's offer did. */
export type OfferOutcome =
  { kind: 'created'; view: RecurringView } | { kind: 'failed' } | { kind: 'not_found' };

/** A record dated further back than this says nothing about a pattern now (docs/recurring.md). */
const PATTERN_RECENT_MS = 31 * 86_400_000;

/**
 * Recurring payments and incomes of one user (docs/recurring.md): the REST API, the bot and the scheduler share it.
 * Each occurrence is claimed in recurring_occurrences (UNIQUE (recurring_id, occurrence_date)) in the same database
 * transaction as what it records, so it is recorded once.
 */
@Injectable()
export class RecurringService {
  private readonly logger = new Logger(RecurringService.name);

  constructor(
    private readonly repo: RecurringRepository,
    private readonly users: UsersService,
    private readonly categories: CategoriesService,
    private readonly households: HouseholdsService,
    private readonly transactions: TransactionsService,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  async list(
    userId: string,
    page: number,
    pageSize: number,
  ): Promise<{ rows: RecurringView[]; count: number }> {
    const { rows, count } = await this.repo.page(userId, (page - 1) * pageSize, pageSize);
    return { rows: await this.views(userId, rows), count };
  }

  /** Every rule of the user (the bot's list). */
  async all(userId: string): Promise<RecurringView[]> {
    return (await this.list(userId, 1, 50)).rows;
  }

  async getOwned(userId: string, id: string): Promise<RecurringView> {
    const rule = isUuid(id) ? await this.repo.findOwned(userId, id) : null;
    if (!rule) throw DomainError.notFound();
    return (await this.views(userId, [rule]))[0];
  }

  async create(userId: string, input: NewRecurring): Promise<RecurringView> {
    const user = await this.users.getById(userId);
    checkAmountMinor('amount', input.amountMinor);
    const category = input.category ?? 'other';
    await this.check(userId, input.type, category, input.every, input.day);
    const rule = await this.repo.insert({
      userId,
      type: input.type,
      amount: input.amountMinor,
      currency: input.currency ?? user.currency,
      category,
      description: (input.description ?? '').trim(),
      every: input.every,
      day: input.day,
      auto: input.auto ?? false,
      wallet: await this.walletFor(userId, input.wallet),
      paused: false,
      startsOn: localDate(this.now(), user.timezone),
    });
    this.logger.log(`Recurring created: user_id=${userId}, recurring_id=${rule.id}`);
    return (await this.views(userId, [rule]))[0];
  }

  /**
   * PATCH: any field. A new timing (every/day) or a resume starts the occurrences afresh from today, so nothing
   * in the past is caught up for it (docs/recurring.md).
   */
  async update(userId: string, id: string, changes: RecurringChanges): Promise<RecurringView> {
    const { rule } = await this.getOwned(userId, id);
    const user = await this.users.getById(userId);
    const type = changes.type ?? rule.type;
    const category =
      changes.category ?? (changes.type && changes.type !== rule.type ? 'other' : rule.category);
    const every = changes.every ?? rule.every;
    const day = changes.day ?? rule.day;
    if (changes.amountMinor !== undefined) checkAmountMinor('amount', changes.amountMinor);
    await this.check(userId, type, category, every, day);
    const retimed = every !== rule.every || day !== rule.day || (changes.paused === false && rule.paused);
    if (changes.wallet !== undefined) rule.wallet = await this.walletFor(userId, changes.wallet);
    rule.type = type;
    rule.category = category;
    rule.every = every;
    rule.day = day;
    if (changes.amountMinor !== undefined) rule.amount = changes.amountMinor;
    if (changes.currency !== undefined) rule.currency = changes.currency;
    if (changes.description !== undefined) rule.description = changes.description.trim();
    if (changes.auto !== undefined) rule.auto = changes.auto;
    if (changes.paused !== undefined) rule.paused = changes.paused;
    if (retimed) rule.startsOn = localDate(this.now(), user.timezone);
    return (await this.views(userId, [await this.repo.save(rule)]))[0];
  }

  async deleteOwned(userId: string, id: string): Promise<boolean> {
    return isUuid(id) && this.repo.deleteOwned(userId, id);
  }

  /**
   * A rule from a phrase (the parser's set_recurring): day null → today's day (of the month, or of the week);
   * amount null → nothing is made, the bot asks for the amount first.
   */
  async createFromBot(userId: string, draft: RecurringDraft): Promise<CreateFromBotOutcome> {
    if (draft.amountMinor === null) return { kind: 'needs_amount' };
    const user = await this.users.getById(userId);
    const local = localDate(this.now(), user.timezone);
    const day = draft.day ?? (draft.every === 'week' ? isoWeekday(local) : Number(local.slice(8, 10)));
    const view = await this.create(userId, {
      type: draft.type,
      amountMinor: draft.amountMinor,
      currency: draft.currency,
      category: draft.category,
      description: draft.description,
      every: draft.every,
      day,
      wallet: draft.wallet,
    });
    return { kind: 'created', view };
  }

  /**
   * The rules recording into a wallet, with their next dates in `timeZone` (the viewer's): the user's personal
   * rules, or the household rules of every current member (the forecast, docs/forecast.md).
   */
  async inWallet(
    scope: { userId: string } | { householdId: string },
    timeZone: string,
    now: Date = this.now(),
  ): Promise<RecurringView[]> {
    const rules = await this.repo.inWallet(scope);
    const last = await this.repo.lastHandled(rules.map((r) => r.id));
    return rules.map((rule) => ({
      rule,
      nextDate: nextDate(rule, rule.startsOn, now, timeZone, last.get(rule.id) ?? null),
    }));
  }

  // --- noticing patterns (docs/recurring.md) ------------------------------------------------------------------------

  /**
   * After a record: does one of `rows` (just recorded) complete a monthly pattern (patterns.ts) that was never
   * offered and has no rule yet? Then the offer is claimed (INSERT … ON CONFLICT DO NOTHING, so it is made once even
   * with two instances) and returned; otherwise null. Rows dated more than 31 days before `now` are not looked at.
   */
  async offerFor(
    userId: string,
    rows: Transaction[],
    now: Date,
    /** The user's time zone when the caller has it (not read again). */
    timeZone?: string,
  ): Promise<PatternOffer | null> {
    const looked = new Set<string>();
    let timezone: string | null = timeZone ?? null;
    for (const row of rows) {
      if (!isPatternDescription(row.description)) continue;
      if (now.getTime() - row.occurredAt.getTime() > PATTERN_RECENT_MS) continue;
      const key = foldDescription(row.description);
      if (looked.has(`${row.type}:${key}`)) continue;
      looked.add(`${row.type}:${key}`);
      timezone ??= (await this.users.getById(userId)).timezone;
      const month = localMonth(row.occurredAt, timezone);
      const first = monthBefore(month, PATTERN_MONTHS - 1)
        .split('-')
        .map(Number);
      const next = monthBefore(month, -1).split('-').map(Number);
      // Nothing when the description was offered before or has a rule (one statement for both questions).
      const records = await this.repo.patternRecordsUnlessKnown(
        userId,
        row.type,
        key,
        zonedTimeToUtc(timezone, first[0], first[1], 1),
        zonedTimeToUtc(timezone, next[0], next[1], 1),
      );
      const pattern = detectPattern(
        { id: row.id, amountMinor: row.amount, currency: row.currency, occurredAt: row.occurredAt },
        records,
        timezone,
      );
      if (!pattern) continue;
      const offer: Omit<PatternOffer, 'id'> = {
        type: row.type,
        description: row.description.trim(),
        category: row.category,
        amountMinor: pattern.amountMinor,
        currency: pattern.currency,
        day: pattern.day,
        wallet: row.householdId ? 'household' : 'personal',
        transactionId: row.id,
        paidMonth: `${month}-01`,
      };
      const id = await this.repo.claimOffer(userId, key, offer);
      if (id) {
        this.logger.log(`Recurring offered: user_id=${userId}, offer_id=${id}`);
        return { id, ...offer };
      }
    }
    return null;
  }

  /**
   * ✅ under an offer: the monthly rule is made (once, however often pressed). A rule that cannot be made any more
   * (the category deleted, the household left) leaves the offer open.
   */
  async acceptOffer(userId: string, offerId: string): Promise<OfferOutcome> {
    const offer = isUuid(offerId) ? await this.repo.answerOffer(userId, offerId, 'accepted') : null;
    if (!offer) return { kind: 'not_found' };
    try {
      const outcome = await this.createFromBot(userId, {
        type: offer.type,
        amountMinor: offer.amountMinor,
        currency: offer.currency as Currency,
        category: offer.category,
        description: offer.description,
        every: 'month',
        day: offer.day,
        wallet: offer.wallet,
      });
      if (outcome.kind !== 'created') throw new Error('an offer always has an amount');
      const { rule } = outcome.view;
      await this.repo.offerAccepted(offer.id, rule.id);
      if (offer.transactionId) {
        // the month of the record that completed the pattern is paid: the rule does not ask for it again
        const date = occurrenceOnOrAfter(rule, offer.paidMonth);
        const occurrenceId = await this.dataSource.transaction(async (em) => {
          const id = await this.repo.claim(em, rule, date, 'recorded', null);
          if (id) await this.repo.setTransaction(em, id, offer.transactionId!);
          return id;
        });
        if (occurrenceId) return { kind: 'created', view: (await this.views(userId, [rule]))[0] };
      }
      return outcome;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await this.repo.reopenOffer(offer.id);
      return { kind: 'failed' };
    }
  }

  /** ✖ under an offer: remembered, never offered again. False when it is not the user's or already answered. */
  async declineOffer(userId: string, offerId: string): Promise<boolean> {
    return isUuid(offerId) && (await this.repo.answerOffer(userId, offerId, 'declined')) !== null;
  }

  // --- the scheduler ------------------------------------------------------------------------------------------------

  /** Rules not paused, of users the bot can reach, with what was handled in the catch-up window. */
  active(now: Date): Promise<ActiveRule[]> {
    // a day of slack each side of the window for the zones ahead of and behind UTC
    return this.repo.active(addDays(now.toISOString().slice(0, 10), -CATCH_UP_DAYS - 1));
  }

  /**
   * Records an occurrence of an automatic rule: claims it and records the row in one database transaction (nothing
   * is recorded twice; a failure leaves no claim). False when it was already handled. A rule that cannot be recorded
   * any more (the household left, a category deleted) is marked failed, once.
   */
  async recordAuto(
    rule: RecurringRule,
    date: string,
    timezone: string,
  ): Promise<'recorded' | 'taken' | 'failed'> {
    try {
      return await this.transactions.recordManyInTransaction(
        rule.userId,
        [this.itemOf(rule, date, timezone, rule.amount)],
        { kind: 'api', wallet: rule.wallet },
        async (em, record) => {
          const id = await this.repo.claim(em, rule, date, 'recorded', rule.amount);
          if (!id) return 'taken' as const;
          const [row] = await record();
          await this.repo.setTransaction(em, id, row.id);
          return 'recorded' as const;
        },
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`Recurring not recorded: recurring_id=${rule.id}, date=${date}: ${error.message}`);
      const claimed = await this.dataSource.transaction((em) =>
        this.repo.claim(em, rule, date, 'failed', null),
      );
      return claimed ? 'failed' : 'taken';
    }
  }

  /** Claims an ask about an occurrence: its id, or null when it was already handled. */
  claimAsk(rule: RecurringRule, date: string): Promise<string | null> {
    return this.dataSource.transaction((em) => this.repo.claim(em, rule, date, 'asked', null));
  }

  releaseAsk(id: string): Promise<void> {
    return this.repo.release(id);
  }

  // --- the buttons under an ask ---------------------------------------------------------------------------------

  findOccurrence(userId: string, id: string): Promise<OccurrenceWithRule | null> {
    return isUuid(id) ? this.repo.findOccurrence(userId, id) : Promise.resolve(null);
  }

  /** ✅ Record (the rule's amount, or `amountMinor`): once, however often pressed. */
  async record(userId: string, occurrenceId: string, amountMinor?: bigint): Promise<AnswerOutcome> {
    const found = await this.findOccurrence(userId, occurrenceId);
    if (!found) return { kind: 'not_found' };
    const { rule, occurrence } = found;
    const amount = amountMinor ?? rule.amount;
    checkAmountMinor('amount', amount);
    const user = await this.users.getById(userId);
    const done = await this.transactions.recordManyInTransaction(
      userId,
      [this.itemOf(rule, occurrence.occurrenceDate, user.timezone, amount)],
      { kind: 'api', wallet: rule.wallet },
      async (em, recordRows) => {
        if (!(await this.repo.resolve(em, userId, occurrence.id, 'recorded', amount))) return false;
        const [row] = await recordRows();
        await this.repo.setTransaction(em, occurrence.id, row.id);
        return true;
      },
    );
    return done
      ? { kind: 'recorded', rule, date: occurrence.occurrenceDate, amountMinor: amount }
      : { kind: 'done' };
  }

  /** ⏭ Skip. */
  async skip(userId: string, occurrenceId: string): Promise<AnswerOutcome> {
    const found = await this.findOccurrence(userId, occurrenceId);
    if (!found) return { kind: 'not_found' };
    const done = await this.dataSource.transaction((em) =>
      this.repo.resolve(em, userId, found.occurrence.id, 'skipped', null),
    );
    return done
      ? { kind: 'skipped', rule: found.rule, date: found.occurrence.occurrenceDate }
      : { kind: 'done' };
  }

  // ---------------------------------------------------------------------------------------------------------------

  private itemOf(rule: RecurringRule, date: string, timezone: string, amountMinor: bigint) {
    return {
      type: rule.type,
      amountMinor,
      currency: rule.currency,
      category: rule.category,
      description: rule.description,
      // that local day at 12:00 (docs/interface.md: a date without a time)
      occurredAt: readDateOrDateTime(date, timezone)!,
    };
  }

  private async views(userId: string, rules: RecurringRule[]): Promise<RecurringView[]> {
    if (!rules.length) return [];
    const { timezone } = await this.users.getById(userId);
    const last = await this.repo.lastHandled(rules.map((r) => r.id));
    const now = this.now();
    return rules.map((rule) => ({
      rule,
      nextDate: nextDate(rule, rule.startsOn, now, timezone, last.get(rule.id) ?? null),
    }));
  }

  private async check(userId: string, type: TransactionType, category: string, every: Every, day: number) {
    if (!validDay(every, day))
      throw DomainError.validation(
        'day',
        every === 'month'
          ? 'Ensure this value is between 1 and 31 (a day of the month).'
          : 'Ensure this value is between 1 and 7 (Monday = 1).',
      );
    if (!(await this.categories.isAllowed(userId, type, category)))
      throw DomainError.validation('category', invalidChoice(category));
  }

  /** The wallet a rule records to: household needs a household (docs/households.md). */
  private async walletFor(userId: string, requested: Wallet | undefined): Promise<Wallet> {
    const membership = await this.households.walletMembership(userId);
    if (requested === 'household' && !membership) throw DomainError.validation('wallet', NOT_IN_HOUSEHOLD);
    if (requested) return requested;
    return membership?.recordsToHousehold ? 'household' : 'personal';
  }
}
