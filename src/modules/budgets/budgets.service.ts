import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import type { Currency, Rate } from '../../common/money';
import { checkAmountMinor } from '../../common/validation/readers';
import { invalidChoice } from '../../common/validation/messages';
import { isUuid } from '../../common/validation/uuid';
import type { Language } from '../../config/app-config';
import { CategoriesService } from '../categories/categories.service';
import { isAnyDefaultCategory, isDefaultCategory } from '../categories/category-keys';
import { HouseholdsService } from '../households/households.service';
import { RatesService } from '../rates/rates.service';
import type { Transaction } from '../transactions/transaction.entity';
import type { User } from '../users/user.entity';
import type { WalletMembership } from '../households/households.repository';
import { NOT_IN_HOUSEHOLD, type Wallet } from '../transactions/wallet';
import { UsersService } from '../users/users.service';
import { Budget, BudgetPeriod } from './budget.entity';
import {
  BudgetLine,
  coveredCategories,
  daysNeedingRates,
  FOOD,
  percentSpent,
  periodBounds,
  PeriodBounds,
  reachedThresholds,
  spentIn,
} from './budget-status';
import { BudgetOwner, BudgetsRepository } from './budgets.repository';
import { budgetAlertText } from './budgets.texts';
import { CLOCK, type Clock } from '../../common/time/clock';
import { BackgroundWork } from '../../common/background/background-work';

export type { BudgetLine } from './budget-status';

/** Sends a warning to a chat (the notifications module's rate-limited TelegramSender when the bot is on). */
export interface BudgetAlertSender {
  /** False when nothing can be sent (the bot is off): then no warning is claimed. */
  available(): boolean;
  send(chatId: string, text: string): Promise<unknown>;
}
export const BUDGET_ALERT_SENDER = Symbol('BUDGET_ALERT_SENDER');

export const DUPLICATE_BUDGET = 'A budget for this category and period already exists.';

export interface NewBudget {
  /** A category key, "food", or null: all spending. */
  category: string | null;
  amountMinor: bigint;
  /** Default: the user's currency. */
  currency?: Currency;
  /** Default: month. */
  period?: BudgetPeriod;
  /** Default: personal. */
  wallet?: Wallet;
}

/** Changes to a budget (absent fields keep their value). */
export interface BudgetChanges {
  category?: string | null;
  amountMinor?: bigint;
  currency?: Currency;
  period?: BudgetPeriod;
  wallet?: Wallet;
}

/**
 * Budgets of a person and of their household (docs/budgets.md): plain values in, entities and lines out, shared by
 * REST, the bot and tests. The caller's household membership is read afresh on every call.
 */
@Injectable()
export class BudgetsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(BudgetsService.name);
  /** Warnings being sent in the background (tests wait for them with `settled`). */
  private readonly warnings = new BackgroundWork(this.logger, 'Budget warnings failed');

  constructor(
    private readonly budgets: BudgetsRepository,
    private readonly users: UsersService,
    private readonly households: HouseholdsService,
    private readonly categories: CategoriesService,
    private readonly rates: RatesService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BUDGET_ALERT_SENDER) private readonly sender: BudgetAlertSender,
  ) {}

  /** The service's clock (the bot stamps its questions with it). */
  now(): Date {
    return this.clock.now();
  }

  private async owner(userId: string): Promise<BudgetOwner> {
    const membership = await this.households.walletMembership(userId);
    return { userId, householdId: membership?.householdId ?? null };
  }

  /** Every budget the user sees, with where it stands. */
  async list(userId: string): Promise<BudgetLine[]> {
    const owner = await this.owner(userId);
    return this.lines(userId, await this.budgets.visible(owner));
  }

  async get(userId: string, id: string): Promise<BudgetLine> {
    return (await this.lines(userId, [await this.findVisible(userId, id)]))[0];
  }

  private async findVisible(userId: string, id: string): Promise<Budget> {
    const budget = isUuid(id) ? await this.budgets.findVisible(await this.owner(userId), id) : null;
    if (!budget) throw DomainError.notFound();
    return budget;
  }

  async create(userId: string, input: NewBudget): Promise<BudgetLine> {
    checkAmountMinor('amount', input.amountMinor);
    await this.checkCategory(userId, input.category);
    const householdId = await this.householdFor(userId, input.wallet ?? 'personal');
    const row = await this.budgets.insert({
      userId,
      householdId,
      category: input.category,
      amount: input.amountMinor,
      currency: input.currency ?? (await this.users.getById(userId)).currency,
      period: input.period ?? 'month',
    });
    if (row === 'duplicate') throw duplicate();
    this.logger.log(
      `Budget created: user_id=${userId}, budget_id=${row.id}, household=${householdId !== null}`,
    );
    return (await this.lines(userId, [row]))[0];
  }

  /** The bot's entry for a budget said in a phrase ("лимит на кафе 500 тыс в месяц"): same rules as REST. */
  createFromBot(
    userId: string,
    budget: {
      category: string | null;
      amountMinor: bigint;
      currency: Currency;
      period: BudgetPeriod;
      wallet: Wallet;
    },
  ): Promise<BudgetLine> {
    return this.create(userId, budget);
  }

  async update(userId: string, id: string, changes: BudgetChanges): Promise<BudgetLine> {
    const budget = await this.findVisible(userId, id);
    if (changes.category !== undefined) {
      await this.checkCategory(userId, changes.category);
      budget.category = changes.category;
    }
    if (changes.amountMinor !== undefined) {
      checkAmountMinor('amount', changes.amountMinor);
      budget.amount = changes.amountMinor;
    }
    if (changes.currency !== undefined) budget.currency = changes.currency;
    if (changes.period !== undefined) budget.period = changes.period;
    if (changes.wallet !== undefined) {
      const householdId = await this.householdFor(userId, changes.wallet);
      // A household budget made personal becomes the caller's own, whoever created it.
      if (householdId === null && budget.householdId !== null) budget.userId = userId;
      budget.householdId = householdId;
    }
    if ((await this.budgets.save(budget)) === 'duplicate') throw duplicate();
    return (await this.lines(userId, [budget]))[0];
  }

  async delete(userId: string, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.budgets.deleteVisible(await this.owner(userId), id)))
      throw DomainError.notFound();
    this.logger.log(`Budget deleted: user_id=${userId}, budget_id=${id}`);
  }

  /**
   * After the user recorded `rows`: where each budget they fall under now stands (for the reply: "☕ Кафе: осталось
   * 120,000 из 500,000"), and the 80% / 100% warnings that became due are claimed and sent in the background —
   * never delaying or failing the caller (errors are logged). A personal budget counts the user's records in their
   * own wallet; a household budget the household's records (docs/budgets.md). Only expenses dated in a budget's
   * current period count.
   */
  async afterRecorded(
    userId: string,
    rows: Transaction[],
    /** What the caller has already read this update (the bot's record flow): not read again. */
    known?: {
      user: User;
      membership: WalletMembership | null;
      /** Whether any personal / household budget exists at all (false: that scope is not read). */
      budgetsExist?: { personal: boolean; household: boolean };
    },
  ): Promise<BudgetLine[]> {
    const expenses = rows.filter((r) => r.type === 'expense' && r.userId === userId);
    if (!expenses.length) return [];
    const exist = known?.budgetsExist ?? { personal: true, household: true };
    const [owner, user] = known
      ? [{ userId, householdId: known.membership?.householdId ?? null }, known.user]
      : await Promise.all([this.owner(userId), this.users.getById(userId)]);
    const now = this.clock.now();
    const candidates = [
      ...(exist.personal && expenses.some((r) => r.householdId === null)
        ? await this.budgets.ofScope(owner, 'personal')
        : []),
      ...(exist.household && owner.householdId && expenses.some((r) => r.householdId === owner.householdId)
        ? await this.budgets.ofScope(owner, 'household')
        : []),
    ];
    const hit = candidates.filter((b) => {
      const bounds = periodBounds(b.period, now, user.timezone);
      const covered = coveredCategories(b.category);
      return expenses.some(
        (r) =>
          r.householdId === b.householdId &&
          r.occurredAt >= bounds.start &&
          r.occurredAt < bounds.end &&
          (covered === null || covered.includes(r.category)),
      );
    });
    if (!hit.length) return [];
    const lines = await this.lines(userId, hit, user.timezone, now);
    this.warnings.add(() => this.sendDueAlerts(hit, lines));
    return lines;
  }

  /** Resolves when the warnings started so far have been sent (or failed); for tests and shutdown. */
  settled(): Promise<void> {
    return this.warnings.settled();
  }

  /** Warnings already claimed are sent before the database closes (at most a few seconds' wait). */
  beforeApplicationShutdown(): Promise<void> {
    return this.warnings.drain();
  }

  /**
   * Claims every threshold reached in one INSERT … ON CONFLICT DO NOTHING (once per budget, period start and
   * threshold, whichever instance gets there first), then sends one warning — for the highest threshold reached — if
   * this call claimed that one, to the budget's owner or to every member of its household. A record that crosses 80%
   * and 100% at once gives the 100% warning only, also when two instances race for the claims. Without a sender
   * (the bot is off) nothing is claimed.
   */
  private async sendDueAlerts(budgets: Budget[], lines: BudgetLine[]): Promise<void> {
    if (!this.sender.available()) return;
    for (const [i, budget] of budgets.entries()) {
      const line = lines[i];
      if (line.spentMinor === null) continue;
      const reached = reachedThresholds(line.spentMinor, line.amountMinor);
      if (!reached.length) continue;
      const claimed = await this.budgets.claimAlerts(budget, line.periodFrom, reached);
      const highest = reached[reached.length - 1];
      if (!claimed.includes(highest)) continue;
      const recipients = await this.budgets.recipients(budget);
      this.logger.log(
        `Budget warning ${highest}%: budget_id=${budget.id}, period=${line.periodFrom}, recipients=${recipients.length}`,
      );
      for (const r of recipients) {
        try {
          await this.sender.send(r.chatId, budgetAlertText(r.language as Language, highest, line));
        } catch (error) {
          this.logger.error(`Budget warning not sent: chat_id=${r.chatId}: ${(error as Error).message}`);
        }
      }
    }
  }

  /** Where each budget stands in its current period, in `timeZone` (default: the user's). */
  private async lines(
    userId: string,
    budgets: Budget[],
    timeZone?: string,
    now: Date = this.clock.now(),
  ): Promise<BudgetLine[]> {
    const zone = timeZone ?? (await this.users.getById(userId)).timezone;
    const customNames = await this.customNames(userId, budgets);
    return Promise.all(
      budgets.map(async (b) => {
        const bounds = periodBounds(b.period, now, zone);
        const spent = await this.spent(b, bounds, zone, now);
        return {
          id: b.id,
          category: b.category,
          customName: b.category === null ? null : (customNames.get(b.category) ?? null),
          wallet: b.householdId === null ? 'personal' : 'household',
          period: b.period,
          currency: b.currency,
          amountMinor: b.amount,
          spentMinor: spent,
          remainingMinor: spent === null ? null : b.amount - spent,
          percent: spent === null ? null : percentSpent(spent, b.amount),
          periodFrom: bounds.from,
          periodTo: bounds.to,
        } satisfies BudgetLine;
      }),
    );
  }

  /** The period's expenses in the budget's currency, each day's at that day's bank rate; null when one is missing. */
  private async spent(b: Budget, bounds: PeriodBounds, zone: string, now: Date): Promise<bigint | null> {
    const scope = b.householdId ? { householdId: b.householdId } : { userId: b.userId };
    const spending = await this.budgets.spending(
      scope,
      coveredCategories(b.category),
      bounds.start,
      bounds.end,
      zone,
    );
    const rates = new Map<string, ReadonlyMap<string, Rate> | null>();
    for (const [day, currencies] of daysNeedingRates(b.currency, spending)) {
      const table = await this.rates.ratesFor(currencies, day, now);
      rates.set(day, table ? table.rates : null);
    }
    return spentIn(b.currency, spending, rates);
  }

  private async customNames(userId: string, budgets: Budget[]): Promise<Map<string, string>> {
    const keys = budgets
      .map((b) => b.category)
      .filter((k): k is string => k !== null && k !== FOOD && !isAnyDefaultCategory(k));
    if (!keys.length) return new Map();
    const names = await this.categories.nameResolver(userId, 'en', keys);
    return new Map(keys.map((k) => [k, names(k)]));
  }

  /** null (everything), "food", an expense key, or one of the user's own expense categories. */
  private async checkCategory(userId: string, category: string | null): Promise<void> {
    if (category === null || category === FOOD || isDefaultCategory('expense', category)) return;
    if (!(await this.categories.isAllowed(userId, 'expense', category)))
      throw DomainError.validation('category', invalidChoice(category));
  }

  /** personal → null; household → the caller's household (400 when they are in none). */
  private async householdFor(userId: string, wallet: Wallet): Promise<string | null> {
    if (wallet === 'personal') return null;
    const owner = await this.owner(userId);
    if (!owner.householdId) throw DomainError.validation('wallet', NOT_IN_HOUSEHOLD);
    return owner.householdId;
  }
}

function duplicate(): DomainError {
  return new DomainError('validation', DUPLICATE_BUDGET, { non_field_errors: [DUPLICATE_BUDGET] });
}
