import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Currency } from '../../common/money';
import {
  AmountField,
  CurrencyField,
  FieldRule,
  IsCategoryKey,
  IsChoice,
  IsText,
} from '../../common/validation/field-rules';
import { NOT_A_BOOLEAN } from '../../common/validation/messages';
import { TRANSACTION_TYPES, TransactionType } from '../nlu/nlu.types';
import { CATEGORY_KEY_MAX, DESCRIPTION_MAX } from '../transactions/transactions.rules';
import { WALLETS, type Wallet } from '../transactions/wallet';
import { EVERY, Every } from './recurring.schedule';
import type { RecurringChanges } from './recurring.service';

const NOT_AN_INTEGER = 'A valid integer is required.';

/** A whole number (a JSON number or its digits as a string, as DRF's IntegerField); becomes the number. */
function IsWholeNumber(required: boolean): PropertyDecorator {
  return applyDecorators(
    FieldRule(
      'isWholeNumber',
      (v) =>
        (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^\s*\d{1,3}\s*$/.test(v))
          ? undefined
          : NOT_AN_INTEGER,
      { required },
    ),
    Transform(({ value }) =>
      typeof value === 'string' && /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : value,
    ),
  );
}

const IsBool = () =>
  FieldRule('isBoolean', (v) => (typeof v === 'boolean' ? undefined : NOT_A_BOOLEAN), { onNull: 'check' });

/** Body of POST /api/recurring/ (docs/recurring.md); every field error at once, DRF's messages. */
export class RecurringBodyDto {
  @ApiProperty({ enum: TRANSACTION_TYPES })
  @IsChoice(TRANSACTION_TYPES, { required: true, onNull: 'check' })
  type!: TransactionType;

  @AmountField('3000000.00')
  /** In minor units once the validation pipe has run. */
  amount!: bigint;

  @CurrencyField()
  currency?: Currency;

  @ApiPropertyOptional({
    type: String,
    maxLength: CATEGORY_KEY_MAX,
    example: 'housing',
    description: 'A default key of the type (GET /api/categories/) or custom:<uuid>. Default: other.',
  })
  @IsCategoryKey(CATEGORY_KEY_MAX)
  category?: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: DESCRIPTION_MAX,
    example: 'Аренда',
    description: 'Trimmed; null is "".',
  })
  @IsText({ max: DESCRIPTION_MAX, allowBlank: true, onNull: 'allow', nullAs: '' })
  description?: string;

  @ApiProperty({ enum: EVERY })
  @IsChoice(EVERY, { required: true, onNull: 'check' })
  every!: Every;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 31,
    example: 1,
    description: 'month: 1–31 (a day the month lacks is its last day); week: 1–7, Monday = 1.',
  })
  @IsWholeNumber(true)
  day!: number;

  @ApiPropertyOptional({ type: Boolean, description: 'Record by itself on the day (default false: ask).' })
  @IsBool()
  auto?: boolean;

  @ApiPropertyOptional({ enum: WALLETS, description: "Default: the member's default wallet." })
  @IsChoice(WALLETS, { onNull: 'check' })
  wallet?: Wallet;

  @ApiPropertyOptional({ type: Boolean, description: 'PATCH only: pause (true) or resume (false).' })
  @IsBool()
  paused?: boolean;
}

/** Body of PATCH /api/recurring/{id}/: any of the fields. */
export class RecurringPatchDto extends PartialType(RecurringBodyDto, { skipNullProperties: false }) {}

/** The typed changes of a checked body. */
export function recurringChanges(dto: Partial<RecurringBodyDto>): RecurringChanges {
  return {
    type: dto.type,
    amountMinor: dto.amount,
    currency: dto.currency,
    category: dto.category,
    description: dto.description,
    every: dto.every,
    day: dto.day,
    auto: dto.auto,
    wallet: dto.wallet,
    paused: dto.paused,
  };
}
