import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Currency } from '../../common/money';
import {
  AmountField,
  CurrencyField,
  IsCategoryKey,
  IsChoice,
  IsDateOrDateTime,
  IsText,
} from '../../common/validation/field-rules';
import { TRANSACTION_TYPES, TransactionType } from '../nlu/nlu.types';
import { CATEGORY_KEY_MAX, DESCRIPTION_MAX, PARSE_TEXT_MAX } from './transactions.rules';
import type { NewTransactionInput, TransactionInput } from './transactions.service';
import { WALLETS, type Wallet } from './wallet';

/**
 * Body of POST and PUT /api/transactions/ (type and amount required). Every field error is reported at once, with
 * DRF's messages; unknown fields are ignored. Whether a category key fits the type and the user, and whether the
 * date lies in the allowed range (the user's time zone), is decided by TransactionsService.
 */
export class TransactionBodyDto {
  @ApiProperty({ enum: TRANSACTION_TYPES, example: 'expense' })
  @IsChoice(TRANSACTION_TYPES, { required: true })
  type!: TransactionType;

  @AmountField('50000.00')
  /** In minor units once the validation pipe has run. */
  amount!: bigint;

  @CurrencyField()
  currency?: Currency;

  @ApiPropertyOptional({
    type: String,
    maxLength: CATEGORY_KEY_MAX,
    example: 'groceries',
    description: 'A default key of the type (GET /api/categories/) or custom:<uuid>. Default: other.',
  })
  @IsCategoryKey(CATEGORY_KEY_MAX)
  category?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: DESCRIPTION_MAX,
    example: 'продукты',
    description: 'Trimmed; null is taken as "".',
  })
  @IsText({ max: DESCRIPTION_MAX, allowBlank: true, onNull: 'allow', nullAs: '' })
  description?: string;

  @ApiPropertyOptional({
    type: String,
    example: '2026-11-29',
    description:
      "YYYY-MM-DD (that day, 12:00 in the user's time zone) or an ISO 8601 date-time; between 2000-01-01 and a " +
      'year from today. Default: now.',
  })
  @IsDateOrDateTime()
  date?: string;

  @ApiPropertyOptional({
    enum: WALLETS,
    description:
      "personal: your own wallet; household: your household's (you must be in one). Default for a new record: " +
      'your household default (off unless you turned it on); on a change: where it is.',
  })
  @IsChoice(WALLETS)
  wallet?: Wallet;
}

/** Body of PATCH /api/transactions/{id}/: any of the fields; null stays refused where it is. */
export class TransactionPatchDto extends PartialType(TransactionBodyDto, { skipNullProperties: false }) {}

/** The typed input of a checked POST body (type and amount present). */
export function newTransactionInput(dto: TransactionBodyDto): NewTransactionInput {
  return { ...transactionInput(dto), type: dto.type, amountMinor: dto.amount };
}

/** The typed input of a checked body (PUT, PATCH: absent fields stay undefined). */
export function transactionInput(dto: Partial<TransactionBodyDto>): TransactionInput {
  return {
    type: dto.type,
    amountMinor: dto.amount,
    currency: dto.currency,
    category: dto.category,
    description: dto.description,
    date: dto.date,
    wallet: dto.wallet,
  };
}

export class ParseBodyDto {
  @ApiProperty({ type: String, example: 'потратил 50000 сум на продукты', maxLength: PARSE_TEXT_MAX })
  @IsText({ max: PARSE_TEXT_MAX, required: true, keepSpaces: true })
  text!: string;
}
