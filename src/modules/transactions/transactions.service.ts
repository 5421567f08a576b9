import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import {
  BASE_CURRENCY,
  convertTotals,
  Currency,
  isCurrency,
  MAX_AMOUNT_MINOR,
  rateToDecimal,
} from '../../common/money';
import { readDateOrDateTime } from '../../common/time/local-time';
import { DATE_FORMAT, FieldErrors, invalidChoice } from '../../common/validation/messages';
import { isUuid } from '../../common/validation/uuid';
import { CategoriesService, WithLearnedCategory } from '../categories/categories.service';
import { RatesService } from '../rates/rates.service';
import { parsePhrase, ParseResult, ParseResultJson, toParseJson } from '../nlu';
import { customCategoryId, FALLBACK_CATEGORY } from '../categories/category-keys';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { CSV_HEADER, transactionCsvLine } from './transactions.csv';
import { IdempotencyRepository, StoredRequest } from './idempotency.repository';
import { Transaction, TransactionSource, TransactionType } from './transaction.entity';
import {
  CurrencyTotals,
  DescriptionMatches,
  ExportCursor,
  ExportRow,
  TransactionFilter,
  TransactionOrder,
  TransactionsRepository,
  MemberTotals,
  WalletScope,
} from './transactions.repository';
import { dateRangeProblem, DESCRIPTION_MAX } from './transactions.rules';
import { HouseholdsService } from '../households/households.service';
import {
  canChange,
  canDelete,
  canSee,
  NOT_IN_HOUSEHOLD,
  ONLY_YOUR_OWN_RECORDS,
  targetHousehold,
  Viewer,
  Wallet,
  walletOf,
} from './wallet';

export const PARSE_AMOUNT_TOO_LARGE =
  'The amount is too large: ensure that there are no more than 13 digits before the decimal point.';

export interface BalanceLine {
  currency: string;
  incomeMinor: bigint;
  expenseMinor: bigint;
  balanceMinor: bigint;
}

/** One total in the user's currency; `rateDate` null when no rate was needed (one currency only). */
export interface ConvertedBalance extends BalanceLine {
  rateDate: string | null;
  /** UZS per unit of every currency converted (and of the target, unless it is UZS), as decimal strings. */
  rates: Record<string, string>;
}

export interface BalanceSummary {
  totals: BalanceLine[];
  converted: ConvertedBalance | null;
}

/** The parse result for a user: a category may be the user's own (`custom:<uuid>`) when it was learned. */
export type UserParseJson = Omit<ParseResultJson, 'items'> & {
  items: Array<WithLearnedCategory<ParseResultJson['items'][number]>>;
};

/** One transaction to record (the bot's parsed items, or any other caller). */
export interface NewTransaction {
  type: TransactionType;
  amountMinor: bigint;
  currency: string;
  category: string;
  description: string;
  occurredAt: Date;
}

/** One item of a message's new reading (the user edited it): the row it continues (`id`, which stays), or a new row. */
export interface RevisedTransaction extends NewTransaction {
  id?: string;
}

/** Where recorded transactions come from; with `updateId`, a repeat of the same Telegram update is a no-op. */
export interface RecordSource {
  kind: TransactionSource;
  /** The wallet the message named ("в семью", "oilaga"); absent: the member's default (docs/households.md). */
  wallet?: Wallet;
  updateId?: bigint;
  /** For `voice`: what speech-to-text heard, kept with each row. */
  transcript?: string;
}

/** An Idempotency-Key and the hash of the request it came with. */
export interface IdempotencyClaim {
  key: string;
  requestHash: string;
}

/** A checked REST body (TransactionBodyDto): `date` is ISO text, read in the user's time zone by the service. */
export interface TransactionInput {
  type?: TransactionType;
  amountMinor?: bigint;
  currency?: Currency;
  category?: string;
  description?: string;
  date?: string;
  /** Absent on a new record: the member's default; on a change: stays. */
  wallet?: Wallet;
}

/** What POST /api/transactions/ creates: type and amount are required. */
export type NewTransactionInput = TransactionInput & Required<Pick<TransactionInput, 'type' | 'amountMinor'>>;

/** The changes to one transaction (absent fields keep their value). */
interface TransactionChanges {
  type?: TransactionType;
  amountMinor?: bigint;
  currency?: string;
  category?: string;
  description?: string;
  occurredAt?: Date;
  /** Moves the record between wallets (null: the maker's own). */
  householdId?: string | null;
}

/** An Idempotency-Key claim and the response body to keep with it for the replays. */
export interface IdempotentCreate extends IdempotencyClaim {
  response(tx: Transaction, user: User): Promise<Record<string, unknown>>;
}

/** The outcome of a create: the new row, or the response kept for an earlier request with the same key. */
export type CreateOutcome =
  | { replayed: false; transaction: Transaction; user: User }
  | { replayed: true; status: number; body: unknown };

interface CsvPage {
  count: number;
  text: string;
  next: ExportCursor | null;
}

/** Rows per database page of the CSV export (one statement each) and per chunk sent. */
const EXPORT_PAGE_ROWS = 100;

function throwIfAny(errors: FieldErrors): void {
  if (Object.keys(errors).length) throw new DomainError('validation', 'Invalid transaction', errors);
}

function categoryError(type: TransactionType, key: string): string {
  return customCategoryId(key) || !/^[a-z_]+$/.test(key)
    ? invalidChoice(key)
    : `"${key}" is not a valid choice for type "${type}".`;
}

/**
 * Transactions of one user: listing, balance, recording, editing. Plain values in, entities (or API shapes for
 * the REST paths) out; HTTP, the bot and tests share it.
 */
@Injectable()
export class TransactionsService {
  constructor(
    private readonly transactions: TransactionsRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly categories: CategoriesService,
    private readonly users: UsersService,
    private readonly dataSource: DataSource,
    private readonly rates: RatesService,
    private readonly households: HouseholdsService,
  ) {}

  private readonly logger = new Logger(TransactionsService.name);
  private readonly householdListeners: Array<(rows: Transaction[]) => void> = [];

  /** Who is asking: the user and their household membership, read afresh (a removed member sees none at once). */
  async viewer(userId: string): Promise<Viewer> {
    return { userId, membership: await this.households.walletMembership(userId) };
  }

  /**
   * The rows a wallet filter means for this user (`?wallet=` on the list, balance, analytics and export): absent,
   * every row they made; `household`, their household's rows from every member (none when they are in none).
   */
  async walletScope(userId: string, wallet: Wallet | undefined): Promise<WalletScope | undefined> {
    if (wallet === undefined) return undefined;
    if (wallet === 'personal') return 'personal';
    return { householdId: (await this.households.walletMembership(userId))?.householdId ?? null };
  }

  list(userId: string, filter: TransactionFilter, order: TransactionOrder, page: number, pageSize: number) {
    return this.transactions.page(userId, filter, order, (page - 1) * pageSize, pageSize);
  }

  /** Per member, the totals of the household's rows matching the filter (`filter.wallet` is set to the household). */
  memberTotals(householdId: string, filter: TransactionFilter = {}): Promise<MemberTotals[]> {
    return this.transactions.memberTotals(householdId, filter);
  }

  /** Totals per currency (from the trigger-maintained user_balances: constant time however long the history). */
  async balance(userId: string): Promise<BalanceLine[]> {
    const totals: CurrencyTotals[] = await this.transactions.balances(userId);
    return totals.map((t) => ({ ...t, balanceMinor: t.incomeMinor - t.expenseMinor }));
  }

  /**
   * Totals per currency plus, when it can be had, one total in `currency` (the user's): the other currencies
   * converted through UZS at the Central Bank's rates. Rates are looked up only when another currency is present;
   * `converted` is null when one is missing (mixed currencies are never added up as they are).
   */
  async balanceSummary(userId: string, currency: string, wallet?: WalletScope): Promise<BalanceSummary> {
    const totals =
      wallet === undefined
        ? await this.balance(userId)
        : (await this.transactions.totals(userId, { wallet })).map((t) => ({
            ...t,
            balanceMinor: t.incomeMinor - t.expenseMinor,
          }));
    const others = totals.filter((t) => t.currency !== currency).map((t) => t.currency);
    if (!others.length) {
      const own = convertTotals(totals, currency, new Map());
      return { totals, converted: own && { ...own, rateDate: null, rates: {} } };
    }
    const table = await this.rates.ratesFor([...others, currency]);
    const converted = table && convertTotals(totals, currency, table.rates);
    if (!table || !converted) return { totals, converted: null };
    const rates: Record<string, string> = {};
    for (const c of [...new Set([...others, currency])].sort()) {
      const rate = table.rates.get(c);
      if (rate && c !== BASE_CURRENCY) rates[c] = rateToDecimal(rate);
    }
    return { totals, converted: { ...converted, rateDate: table.date, rates } };
  }

  recent(userId: string, limit = 5): Promise<Transaction[]> {
    return this.transactions.recent(userId, limit);
  }

  /** One of the user's transactions, or null (also for a malformed id or another user's row). */
  findOwned(userId: string, id: string): Promise<Transaction | null> {
    return isUuid(id) ? this.transactions.findOwned(userId, id) : Promise.resolve(null);
  }

  async getOwned(userId: string, id: string): Promise<Transaction> {
    const tx = await this.findOwned(userId, id);
    if (!tx) throw DomainError.notFound();
    return tx;
  }

  /** A row the user may see (their own, or their household's), or 404. */
  async getVisible(userId: string, id: string, viewer?: Viewer): Promise<Transaction> {
    const v = viewer ?? (await this.viewer(userId));
    const tx = isUuid(id)
      ? await this.transactions.findVisible(userId, v.membership?.householdId ?? null, id)
      : null;
    if (!tx || !canSee(tx, v)) throw DomainError.notFound();
    return tx;
  }

  /**
   * The names of the user's category keys in the user's language (for presenting transactions). With `keys`, the
   * user's own categories are read only when one of them is a custom key.
   */
  async categoryNames(
    userId: string,
    user?: User,
    keys?: Iterable<string>,
  ): Promise<(key: string) => string> {
    const u = user ?? (await this.users.getById(userId));
    return this.categories.nameResolver(userId, u.language, keys);
  }

  /**
   * Records one transaction of a checked REST body (POST /api/transactions/), through the same rows and category
   * locks as the bot's recordMany. With an Idempotency-Key the key is claimed in the same database transaction as
   * the insert: a retry with the same body gets the first response, another body 422, a retry racing the first
   * waits for it (or, should it see the key unfinished, 409).
   */
  async create(userId: string, input: NewTransactionInput, idem?: IdempotentCreate): Promise<CreateOutcome> {
    if (idem) {
      const prior = await this.idempotency.find(userId, idem.key);
      if (prior) return this.replay(prior, idem);
    }
    const [user, viewer] = await Promise.all([this.users.getById(userId), this.viewer(userId)]);
    const errors: FieldErrors = {};
    const occurredAt = this.readDate(input.date, user.timezone, errors);
    const household = targetHousehold(input.wallet, viewer);
    if (household === 'not_in_household') errors.wallet = [NOT_IN_HOUSEHOLD];
    const item: NewTransaction = {
      type: input.type,
      amountMinor: input.amountMinor,
      currency: input.currency ?? user.currency,
      category: input.category ?? FALLBACK_CATEGORY,
      description: input.description ?? '',
      occurredAt: occurredAt ?? new Date(),
    };
    if (!(await this.categories.isAllowed(userId, item.type, item.category)))
      errors.category = [categoryError(item.type, item.category)];
    throwIfAny(errors);
    const row = this.rowOf(userId, item, { kind: 'api' }, 0, household as string | null);

    const outcome = await this.dataSource.transaction(async (em) => {
      if (idem && !(await this.idempotency.claim(em, userId, idem.key, idem.requestHash))) {
        return { transaction: null, prior: await this.idempotency.find(userId, idem.key, em) };
      }
      await this.lockCategory(em, userId, item.type, item.category);
      const transaction = await this.transactions.insert(row, em);
      if (idem)
        await this.idempotency.complete(em, userId, idem.key, 201, await idem.response(transaction, user));
      return { transaction, prior: null };
    });
    if (outcome.transaction) {
      this.announce([outcome.transaction]);
      return { replayed: false, transaction: outcome.transaction, user };
    }
    if (!outcome.prior)
      throw new DomainError('conflict', 'A request with this Idempotency-Key is still being processed.');
    return this.replay(outcome.prior, idem!);
  }

  /**
   * PUT (a whole checked body) and PATCH (some fields) of a transaction: one the user sees but did not make (another
   * member's household record) → 403; `wallet` moves it between the user's wallet and their household's.
   */
  async update(userId: string, id: string, input: TransactionInput): Promise<Transaction> {
    const viewer = await this.viewer(userId);
    const existing = await this.getVisible(userId, id, viewer);
    if (!canChange(existing, viewer)) throw new DomainError('permission_denied', ONLY_YOUR_OWN_RECORDS);
    const user = await this.users.getById(userId);
    const errors: FieldErrors = {};
    const occurredAt = this.readDate(input.date, user.timezone, errors);
    const household = input.wallet === undefined ? undefined : targetHousehold(input.wallet, viewer);
    if (household === 'not_in_household') errors.wallet = [NOT_IN_HOUSEHOLD];
    const type = input.type ?? existing.type;
    const category = input.category ?? existing.category;
    if (input.category !== undefined || type !== existing.type) {
      if (!(await this.categories.isAllowed(userId, type, category)))
        errors.category = [categoryError(type, category)];
    }
    throwIfAny(errors);
    const saved = await this.applyChanges(userId, id, {
      type,
      amountMinor: input.amountMinor,
      currency: input.currency,
      category,
      description: input.description,
      occurredAt,
      householdId: household as string | null | undefined,
    });
    // Moved into the household: the family hears of it as of a new record.
    if (existing.householdId === null && saved.householdId !== null) this.announce([saved]);
    return saved;
  }

  /**
   * Where the user's records are, for a reply that offers to move them: undefined when the user is in no household
   * (nothing to move to) or the records are not theirs to move.
   */
  async movableWallet(
    userId: string,
    rows: readonly Transaction[],
    known?: Viewer,
  ): Promise<Wallet | undefined> {
    if (!rows.length) return undefined;
    const viewer = known ?? (await this.viewer(userId));
    if (!viewer.membership || !rows.every((r) => canChange(r, viewer))) return undefined;
    return walletOf(rows[0]);
  }

  /** Moves one of the user's records between their wallet and their household's (the record reply's button). */
  async moveToWallet(userId: string, id: string, wallet: Wallet): Promise<Transaction> {
    return this.update(userId, id, { wallet });
  }

  /** A checked `date` (ISO text) as an instant in the user's zone; a day outside the allowed range goes to `errors`. */
  private readDate(date: string | undefined, timeZone: string, errors: FieldErrors): Date | undefined {
    if (date === undefined) return undefined;
    const at = readDateOrDateTime(date, timeZone);
    const problem = at ? dateRangeProblem(at, timeZone) : DATE_FORMAT;
    if (problem) errors.date = [problem];
    return problem ? undefined : at!;
  }

  /** Deletes one of the user's transactions; false when there is no such row of this user. */
  async deleteOwned(userId: string, id: string): Promise<boolean> {
    return isUuid(id) && this.transactions.deleteOwned(userId, id);
  }

  /**
   * DELETE /api/transactions/{id}/: the user's own record, or, for the household's owner, any record of the
   * household. One the user cannot see → 404; one they see but may not delete → 403.
   */
  async deleteVisible(userId: string, id: string): Promise<void> {
    const viewer = await this.viewer(userId);
    const tx = await this.getVisible(userId, id, viewer);
    if (!canDelete(tx, viewer)) throw new DomainError('permission_denied', ONLY_YOUR_OWN_RECORDS);
    const deleted = canChange(tx, viewer)
      ? await this.transactions.deleteOwned(userId, id)
      : await this.transactions.deleteInHousehold(tx.householdId!, id);
    if (!deleted) throw DomainError.notFound();
  }

  /**
   * Records several transactions in one database transaction. With `source.updateId` the items are tied to
   * (update id, item index): a repeat of the same update returns the rows recorded the first time.
   */
  async recordMany(
    userId: string,
    items: NewTransaction[],
    source: RecordSource,
    /** The caller's fresh read of who is recording (not read again). */
    viewer?: Viewer,
  ): Promise<Transaction[]> {
    if (!items.length) return [];
    const household = targetHousehold(source.wallet, viewer ?? (await this.viewer(userId)));
    if (household === 'not_in_household') throw DomainError.validation('wallet', NOT_IN_HOUSEHOLD);
    const rows: Array<Partial<Transaction>> = [];
    for (const [index, item] of items.entries()) {
      await this.checkItem(userId, item, index);
      rows.push(this.rowOf(userId, item, source, index, household));
    }
    const updateId = source.updateId;
    const recorded =
      updateId !== undefined && rows.every((r) => !customCategoryId(r.category!))
        ? // The common bot case: built-in categories only, nothing to lock. One multi-row INSERT … ON CONFLICT DO
          // NOTHING is atomic by itself, and a concurrent duplicate waits for the first to commit: no explicit
          // transaction (START/COMMIT were a third of the webhook's round trips).
          await this.transactions.insertForUpdate(this.dataSource.manager, userId, updateId, rows)
        : await this.dataSource.transaction(async (em) => {
            for (const row of rows) await this.lockCategory(em, userId, row.type!, row.category!);
            if (updateId === undefined) {
              const inserted = await this.transactions.insertMany(em, rows);
              return { rows: inserted, insertedIds: new Set(inserted.map((r) => r.id)) };
            }
            return this.transactions.insertForUpdate(em, userId, updateId, rows);
          });
    if (household !== null) this.announce(recorded.rows.filter((r) => recorded.insertedIds.has(r.id)));
    return recorded.rows;
  }

  /**
   * Someone who wants to hear of new household records (the household expense notifications): called after the
   * records are committed, once per record (never for a redelivered update), never awaited.
   */
  onHouseholdRecorded(listener: (rows: Transaction[]) => void): void {
    this.householdListeners.push(listener);
  }

  private announce(rows: Transaction[]): void {
    const shared = rows.filter((r) => r.householdId !== null);
    if (!shared.length) return;
    for (const listener of this.householdListeners) {
      try {
        listener(shared);
      } catch (error) {
        this.logger.error(`A household record listener failed: ${(error as Error).message}`);
      }
    }
  }

  /**
   * Parses a phrase for this user (docs/interface.md §6) without saving anything: the user's currency and time zone; the
   * language is detected, and the user's language is used when the text has no words to tell by (e.g. "50000").
   */
  async parse(userId: string, text: string, now = new Date()): Promise<ParseResult> {
    const user = await this.users.getById(userId);
    return parsePhrase(text, {
      language: /\p{L}/u.test(text) ? 'auto' : user.language,
      defaultCurrency: user.currency,
      timeZone: user.timezone,
      now,
    });
  }

  /**
   * POST /api/transactions/parse/: the docs/interface.md §6 JSON of a phrase for this user, each item in the category the
   * user taught for a word of its description when there is one (as the bot records it), else the parser's.
   */
  async parseForUser(userId: string, text: string, now = new Date()): Promise<UserParseJson> {
    const result = await this.parse(userId, text, now);
    // An amount no record can hold is refused like REST's amount field, not answered as "no amount" (null).
    if (result.aside?.kind === 'too_large') throw DomainError.validation('text', PARSE_AMOUNT_TOO_LARGE);
    const json = toParseJson(result);
    return { ...json, items: await this.categories.applyLearned(userId, json.items) };
  }

  /**
   * The user's transactions in [from, to) (of `type`, when given) whose description has a word starting with
   * `term` — a folded word as the phrase parser gives it ("такси", "taksi", "coffee"): per currency how many and
   * how much, and the `limit` latest.
   */
  findByDescriptionWord(
    userId: string,
    term: string,
    range: { from: Date; to: Date; type?: TransactionType; wallet?: WalletScope },
    limit = 5,
  ): Promise<DescriptionMatches> {
    return this.transactions.matchingDescription(
      userId,
      term,
      { dateFrom: range.from, dateTo: range.to, type: range.type, wallet: range.wallet },
      limit,
    );
  }

  /** Deletes and returns the user's most recently created transaction (null when there is none). */
  undoLast(userId: string): Promise<Transaction | null> {
    return this.dataSource.transaction(async (em) => {
      const last = await this.transactions.latestForUpdate(em, userId);
      if (!last) return null;
      await this.transactions.deleteOwned(userId, last.id, em);
      return last;
    });
  }

  /** The user's transactions recorded from one Telegram update (the bot's reply to it lists them), in item order. */
  findByUpdate(userId: string, updateId: bigint): Promise<Transaction[]> {
    return this.transactions.findByUpdate(userId, updateId);
  }

  /** Deletes and returns the user's transactions recorded from one Telegram update (empty when none are left). */
  undoUpdate(userId: string, updateId: bigint): Promise<Transaction[]> {
    return this.dataSource.transaction(async (em) => {
      const rows = await this.transactions.findByUpdate(userId, updateId, em);
      for (const row of rows) await this.transactions.deleteOwned(userId, row.id, em);
      return rows;
    });
  }

  /** The user's rows recorded from one Telegram update, in item order, locked FOR UPDATE in the caller's transaction. */
  lockUpdate(em: EntityManager, userId: string, updateId: bigint): Promise<Transaction[]> {
    return this.transactions.findByUpdate(userId, updateId, em);
  }

  /**
   * Brings the rows recorded from one Telegram update in line with a new reading of its message (the user edited it),
   * in the caller's database transaction `em` (the caller changes its own rows with it): an item with an `id` changes
   * that row in place, an item without one becomes a new row, rows no item names are deleted; item i ends up as
   * source_item i, so the buttons under the reply keep addressing (update id, item). user_balances follows through its
   * triggers. Returns the rows in item order and the deleted ones.
   */
  async reviseUpdate(
    em: EntityManager,
    userId: string,
    updateId: bigint,
    items: RevisedTransaction[],
    source: RecordSource,
  ): Promise<{ rows: Transaction[]; removed: Transaction[] }> {
    for (const [index, item] of items.entries()) await this.checkItem(userId, item, index);
    const existing = await this.transactions.findByUpdate(userId, updateId, em);
    const byId = new Map(existing.map((r) => [r.id, r]));
    const ids = items.flatMap((i) => (i.id === undefined ? [] : [i.id]));
    if (ids.some((id) => !byId.has(id)) || new Set(ids).size !== ids.length) throw DomainError.notFound();
    for (const item of items) await this.lockCategory(em, userId, item.type, item.category);
    const values = (item: NewTransaction): Partial<Transaction> => ({
      type: item.type,
      amount: item.amountMinor,
      currency: item.currency,
      category: item.category,
      description: item.description.trim().slice(0, DESCRIPTION_MAX),
      occurredAt: item.occurredAt,
    });
    const changed = items.flatMap((item, index) =>
      item.id === undefined
        ? []
        : [
            {
              id: item.id,
              values: values(item),
              sourceItem: index,
              moves: byId.get(item.id)!.sourceItem !== index,
            },
          ],
    );
    const added = items.flatMap((item, index) =>
      item.id !== undefined
        ? []
        : [
            {
              ...values(item),
              userId,
              // A new item of an edited message goes where the message's first record went.
              householdId: existing[0]?.householdId ?? null,
              source: source.kind,
              sourceUpdateId: updateId,
              sourceItem: index,
              transcript: null,
            },
          ],
    );
    const kept = new Set(ids);
    const removed = existing.filter((r) => !kept.has(r.id));
    const rows = await this.transactions.reviseForUpdate(em, userId, updateId, {
      removeIds: removed.map((r) => r.id),
      changed,
      added,
    });
    return { rows, removed };
  }

  /**
   * The user's transactions matching the filter as CSV text chunks (header first, then one chunk per page of rows),
   * dates in `timeZone`, category names in `language`. Counts rows in `counter`. A page is read only when the
   * previous chunk has been taken, and no database connection is held in between (TransactionsRepository.exportPage).
   */
  async *exportCsv(
    userId: string,
    filter: TransactionFilter,
    timeZone: string,
    language: User['language'],
    counter?: { rows: number },
  ): AsyncGenerator<string> {
    const name = await this.categories.nameResolver(userId, language);
    yield CSV_HEADER;
    let after: ExportCursor | null = null;
    do {
      const page: CsvPage = await this.csvPage(userId, filter, after, (tx) =>
        transactionCsvLine(tx, name(tx.category), timeZone),
      );
      if (counter) counter.rows += page.count;
      if (page.text) yield page.text;
      after = page.next;
    } while (after);
  }

  /** One page of the CSV export as text: the rows are not kept while the text waits for the client. */
  private async csvPage(
    userId: string,
    filter: TransactionFilter,
    after: ExportCursor | null,
    line: (tx: ExportRow) => string,
  ): Promise<CsvPage> {
    const { rows, next } = await this.transactions.exportPage(userId, filter, after, EXPORT_PAGE_ROWS);
    return { count: rows.length, text: rows.map(line).join(''), next };
  }

  /** Changes the category of one of the user's transactions (a default key of its type or the user's own). */
  async setCategory(userId: string, id: string, category: string): Promise<Transaction> {
    const existing = await this.getOwned(userId, id);
    if (!(await this.categories.isAllowed(userId, existing.type, category))) {
      throw DomainError.validation('category', categoryError(existing.type, category));
    }
    return this.applyChanges(userId, id, { category });
  }

  /** The row of one new transaction, whoever records it (REST, the bot's phrases, card notifications). */
  private rowOf(
    userId: string,
    item: NewTransaction,
    source: RecordSource,
    index: number,
    householdId: string | null,
  ): Partial<Transaction> {
    return {
      userId,
      householdId,
      type: item.type,
      amount: item.amountMinor,
      currency: item.currency,
      category: item.category,
      description: item.description.trim().slice(0, DESCRIPTION_MAX),
      occurredAt: item.occurredAt,
      source: source.kind,
      sourceUpdateId: source.updateId ?? null,
      sourceItem: index,
      transcript: source.transcript?.slice(0, 4000) ?? null,
    };
  }

  private async applyChanges(userId: string, id: string, values: TransactionChanges): Promise<Transaction> {
    return this.dataSource.transaction(async (em) => {
      const tx = await this.transactions.findOwned(userId, id, em);
      if (!tx) throw DomainError.notFound();
      const type = values.type ?? tx.type;
      const category = values.category ?? tx.category;
      if (type !== tx.type || category !== tx.category) await this.lockCategory(em, userId, type, category);
      const before = { type: tx.type, category: tx.category, description: tx.description };
      if (values.type !== undefined) tx.type = values.type;
      if (values.amountMinor !== undefined) tx.amount = values.amountMinor;
      if (values.currency !== undefined) tx.currency = values.currency;
      if (values.category !== undefined) tx.category = values.category;
      if (values.description !== undefined) tx.description = values.description;
      if (values.occurredAt !== undefined) tx.occurredAt = values.occurredAt;
      if (values.householdId !== undefined) tx.householdId = values.householdId;
      const saved = await this.transactions.save(tx, em);
      // A changed category is a correction: its key word is learned for the next records (docs/learning.md).
      await this.categories.learnFromChange(em, userId, before, saved);
      return saved;
    });
  }

  /**
   * Inside the writing transaction: a custom category must still exist (it is locked until commit, so a
   * concurrent delete re-assigns this row afterwards rather than leaving it dangling).
   */
  private async lockCategory(
    em: EntityManager,
    userId: string,
    type: TransactionType,
    key: string,
  ): Promise<void> {
    if (!customCategoryId(key)) return;
    if (!(await this.categories.isAllowed(userId, type, key, em)))
      throw DomainError.validation('category', invalidChoice(key));
  }

  private async checkItem(userId: string, item: NewTransaction, index: number): Promise<void> {
    const problem = (field: string, message: string) =>
      DomainError.validation(`items[${index}].${field}`, message);
    if (item.type !== 'income' && item.type !== 'expense') throw problem('type', invalidChoice(item.type));
    if (typeof item.amountMinor !== 'bigint' || item.amountMinor < 1n)
      throw problem('amount', 'Ensure this value is greater than or equal to 0.01.');
    if (item.amountMinor > MAX_AMOUNT_MINOR)
      throw problem('amount', 'Ensure that there are no more than 13 digits before the decimal point.');
    if (!isCurrency(item.currency)) throw problem('currency', invalidChoice(item.currency));
    if (!(item.occurredAt instanceof Date) || Number.isNaN(item.occurredAt.getTime()))
      throw problem('date', 'Enter a valid date.');
    if (!(await this.categories.isAllowed(userId, item.type, item.category)))
      throw problem('category', categoryError(item.type, item.category));
  }

  private replay(prior: StoredRequest, idem: IdempotencyClaim): CreateOutcome {
    if (prior.requestHash !== idem.requestHash) {
      throw new DomainError(
        'unprocessable',
        'Idempotency-Key was already used with a different request body.',
      );
    }
    if (prior.responseStatus === null || prior.responseBody === null) {
      throw new DomainError('conflict', 'A request with this Idempotency-Key is still being processed.');
    }
    return { replayed: true, status: prior.responseStatus, body: prior.responseBody };
  }

  /**
   * Records items in a database transaction the caller takes part in: `work` runs inside it and calls `record()` when
   * it wants the rows written (e.g. after claiming a recurring occurrence's key, docs/recurring.md), so the caller's
   * rows and the records commit or roll back together. The same checks as recordMany, made before the transaction
   * opens (the embedded engine has one connection); no update id.
   */
  async recordManyInTransaction<T>(
    userId: string,
    items: NewTransaction[],
    source: RecordSource,
    work: (em: EntityManager, record: () => Promise<Transaction[]>) => Promise<T>,
  ): Promise<T> {
    const household = targetHousehold(source.wallet, await this.viewer(userId));
    if (household === 'not_in_household') throw DomainError.validation('wallet', NOT_IN_HOUSEHOLD);
    const rows: Array<Partial<Transaction>> = [];
    for (const [index, item] of items.entries()) {
      await this.checkItem(userId, item, index);
      rows.push(this.rowOf(userId, item, { ...source, updateId: undefined }, index, household));
    }
    return this.dataSource.transaction((em) =>
      work(em, async () => {
        for (const row of rows) await this.lockCategory(em, userId, row.type!, row.category!);
        return this.transactions.insertMany(em, rows);
      }),
    );
  }
}
