import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { Currency, formatMoney, toDecimalString } from '../../common/money';
import { isUuid } from '../../common/validation/uuid';
import { namesMatch } from '../nlu/plans';
import { FieldErrors } from '../../common/validation/messages';
import { UsersService } from '../users/users.service';
import { Debt, DebtDirection, DebtStatus } from './debt.entity';
import { DebtFilter, DebtsRepository, DueDebtRow } from './debts.repository';
import { checkAmountMinor } from '../../common/validation/readers';

export interface NewDebt {
  direction: DebtDirection;
  counterparty: string;
  amountMinor: bigint;
  /** Default: the user's currency. */
  currency?: Currency;
  dueDate?: string | null;
  description?: string;
}

/** Changes to a debt (absent fields keep their value). */
export interface DebtChanges {
  direction?: DebtDirection;
  counterparty?: string;
  amountMinor?: bigint;
  currency?: Currency;
  dueDate?: string | null;
  description?: string;
  status?: DebtStatus;
}

export interface Repayment {
  debt: Debt;
  /** The repayment paid the debt off (it is closed now). */
  closedNow: boolean;
}

function throwIfAny(errors: FieldErrors): void {
  if (Object.keys(errors).length) throw new DomainError('validation', 'Invalid debt', errors);
}

/** Debts of one user: lent and borrowed money, repayments, closing. Shared by REST, the bot and reminders. */
@Injectable()
export class DebtsService {
  private readonly logger = new Logger(DebtsService.name);

  constructor(
    private readonly debts: DebtsRepository,
    private readonly users: UsersService,
  ) {}

  list(userId: string, filter: DebtFilter, page: number, pageSize: number) {
    return this.debts.page(userId, filter, (page - 1) * pageSize, pageSize);
  }

  /** The user's open debts (the bot's list). */
  async open(userId: string): Promise<Debt[]> {
    return (await this.debts.page(userId, { status: 'open' }, 0, 50)).rows;
  }

  findOwned(userId: string, id: string): Promise<Debt | null> {
    return isUuid(id) ? this.debts.findOwned(userId, id) : Promise.resolve(null);
  }

  async getOwned(userId: string, id: string): Promise<Debt> {
    const debt = await this.findOwned(userId, id);
    if (!debt) throw DomainError.notFound();
    return debt;
  }

  async create(userId: string, debt: NewDebt): Promise<Debt> {
    checkAmountMinor('amount', debt.amountMinor);
    const row = await this.debts.insert({
      userId,
      direction: debt.direction,
      counterparty: debt.counterparty.trim().slice(0, 100),
      amount: debt.amountMinor,
      repaidAmount: 0n,
      currency: debt.currency ?? (await this.users.getById(userId)).currency,
      dueDate: debt.dueDate ?? null,
      status: 'open',
      description: (debt.description ?? '').trim().slice(0, 500),
    });
    this.logger.log(`Debt recorded: user_id=${userId}, debt_id=${row.id}, direction=${row.direction}`);
    return row;
  }

  /** PATCH: any field; the amount may not drop below what was repaid; status closed/open closes or reopens. */
  async update(userId: string, id: string, values: DebtChanges): Promise<Debt> {
    const debt = await this.getOwned(userId, id);
    const errors: FieldErrors = {};
    if (values.amountMinor !== undefined && values.amountMinor < debt.repaidAmount) {
      errors.amount = [
        `Ensure this value is greater than or equal to the repaid amount (${toDecimalString(debt.repaidAmount)}).`,
      ];
    }
    throwIfAny(errors);
    if (values.direction !== undefined) debt.direction = values.direction;
    if (values.counterparty !== undefined) debt.counterparty = values.counterparty;
    if (values.amountMinor !== undefined) debt.amount = values.amountMinor;
    if (values.currency !== undefined) debt.currency = values.currency;
    if (values.dueDate !== undefined) debt.dueDate = values.dueDate;
    if (values.description !== undefined) debt.description = values.description;
    if (values.status !== undefined && values.status !== debt.status) {
      debt.status = values.status;
      debt.closedAt = values.status === 'closed' ? new Date() : null;
    }
    return this.debts.save(debt);
  }

  async deleteOwned(userId: string, id: string): Promise<boolean> {
    return isUuid(id) && this.debts.deleteOwned(userId, id);
  }

  /** A (partial) repayment; 400 above the remaining amount or on a closed debt; a debt paid off is closed. */
  async repay(userId: string, id: string, amountMinor: bigint): Promise<Repayment> {
    if (!isUuid(id)) throw DomainError.notFound();
    checkAmountMinor('amount', amountMinor);
    const result = await this.debts.repay(userId, id, amountMinor);
    switch (result.outcome) {
      case 'not_found':
        throw DomainError.notFound();
      case 'closed':
        throw DomainError.validation('amount', 'This debt is already closed.');
      case 'too_much':
        throw DomainError.validation(
          'amount',
          `Ensure this value is less than or equal to the remaining amount (${toDecimalString(result.remainingMinor)}).`,
        );
      case 'ok':
        this.logger.log(
          `Debt repayment: user_id=${userId}, debt_id=${id}${result.closedNow ? ', debt closed' : ''}`,
        );
        return { debt: result.debt, closedNow: result.closedNow };
    }
  }

  /** Closes a debt (forgiven, settled otherwise); true when it changed. */
  async close(userId: string, id: string): Promise<{ debt: Debt; changed: boolean }> {
    const debt = await this.getOwned(userId, id);
    if (debt.status === 'closed') return { debt, changed: false };
    debt.status = 'closed';
    debt.closedAt = new Date();
    return { debt: await this.debts.save(debt), changed: true };
  }

  /** Open debts of the user a spoken name fits, only in the given direction when it is known. */
  async findOpenByName(userId: string, name: string, direction?: DebtDirection): Promise<Debt[]> {
    const open = await this.open(userId);
    return open.filter((d) => namesMatch(name, d.counterparty) && (!direction || d.direction === direction));
  }

  /** Open debts of active users due in [from, to] (YYYY-MM-DD), for the due reminders. */
  openDueBetween(from: string, to: string): Promise<DueDebtRow[]> {
    return this.debts.openDueBetween(from, to);
  }

  /** "1,500.00 USD" of what is left. */
  static remainingText(debt: Debt): string {
    return formatMoney(debt.amount - debt.repaidAmount, debt.currency);
  }
}
