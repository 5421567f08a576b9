import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { CURRENCIES, type Currency } from '../../common/money';
import { DAY, INSTANT, MONEY, PageResponse } from '../../common/openapi/schemas';
import {
  LANGUAGES,
  TRANSACTION_TYPES,
  type JsonIntent,
  type Language,
  type TransactionType,
} from '../nlu/nlu.types';
import type { TransactionSource } from './transaction.entity';
import { WALLETS, type Wallet } from './wallet';

/** The response schemas of /api/transactions/ (README "REST API"; the JSON of transactionJson and friends). */

const SOURCES: readonly TransactionSource[] = ['text', 'voice', 'api'];
const INTENTS: readonly JsonIntent[] = [
  'transaction',
  'balance_query',
  'stats_query',
  'undo',
  'set_language',
  'set_currency',
  'smalltalk',
  'unknown',
];
const CATEGORY = {
  example: 'groceries',
  description: 'A default category key (GET /api/categories/) or `custom:<uuid>` of your own category',
};

export class TransactionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: TRANSACTION_TYPES, example: 'expense' })
  type: TransactionType;

  @ApiProperty(MONEY)
  amount: string;

  @ApiProperty({ enum: CURRENCIES, example: 'UZS' })
  currency: Currency;

  @ApiProperty(CATEGORY)
  category: string;

  @ApiProperty({ example: 'Продукты', description: "The category's name in the user's language" })
  category_name: string;

  @ApiProperty({ example: 'продукты' })
  description: string;

  @ApiProperty({ ...INSTANT, description: 'When it happened' })
  date: string;

  @ApiProperty({ enum: SOURCES, example: 'api', description: 'text and voice: the bot; api: this API' })
  source: TransactionSource;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'What speech-to-text heard (source voice), else null',
  })
  transcript: string | null;

  @ApiProperty({
    enum: WALLETS,
    example: 'personal',
    description:
      "personal: the maker's own (no one else sees it); household: the household's, seen by every member",
  })
  wallet: Wallet;

  @ApiProperty({
    format: 'uuid',
    description: 'Who made the record (in a household, possibly another member)',
  })
  created_by: string;

  @ApiProperty(INSTANT)
  created_at: string;

  @ApiProperty(INSTANT)
  updated_at: string;
}

export class TransactionPageResponse extends PageResponse {
  @ApiProperty({ type: [TransactionResponse] })
  results: TransactionResponse[];
}

/** Income, expense and balance of one currency. */
export class BalanceTotal {
  @ApiProperty({ enum: CURRENCIES, example: 'UZS' })
  currency: Currency;

  @ApiProperty(MONEY)
  income: string;

  @ApiProperty(MONEY)
  expense: string;

  @ApiProperty(MONEY)
  balance: string;
}

/** `converted`: the totals in the user's currency; inline, as OpenAPI 3.0 cannot make a referenced schema nullable. */
const CONVERTED_BALANCE: ApiPropertyOptions = {
  type: 'object',
  nullable: true,
  required: ['currency', 'income', 'expense', 'balance', 'rate_date', 'rates'],
  properties: {
    currency: { type: 'string', enum: [...CURRENCIES], example: 'UZS' },
    income: { ...MONEY, type: 'string' },
    expense: { ...MONEY, type: 'string' },
    balance: { ...MONEY, type: 'string' },
    rate_date: {
      ...DAY,
      type: 'string',
      nullable: true,
      description:
        "The Central Bank of Uzbekistan's rate date; null when only the user's currency is present",
    },
    rates: {
      type: 'object',
      additionalProperties: { type: 'string', pattern: '^\\d+(\\.\\d+)?$' },
      example: { USD: '12741.19' },
      description: 'UZS per unit of each currency converted, as decimal strings',
    },
  },
  description: "Everything in the user's currency; null when a rate is missing",
};

export class BalanceResponse {
  @ApiProperty({ type: [BalanceTotal] })
  totals: BalanceTotal[];

  @ApiProperty(CONVERTED_BALANCE)
  converted: (BalanceTotal & { rate_date: string | null; rates: Record<string, string> }) | null;

  @ApiProperty(INSTANT)
  as_of: string;
}

/** One item of a phrase as read (nothing is saved). */
export class ParsedItem {
  @ApiProperty({ enum: TRANSACTION_TYPES, example: 'expense' })
  type: TransactionType;

  @ApiProperty({ ...MONEY, nullable: true, description: 'null when the phrase names no amount' })
  amount: string | null;

  @ApiProperty({ enum: CURRENCIES, example: 'UZS' })
  currency: Currency;

  @ApiProperty(CATEGORY)
  category: string;

  @ApiProperty({ example: 'продукты' })
  description: string;

  @ApiProperty({ ...DAY, description: "The day it happened, in the user's time zone" })
  date: string;
}

export class ParseResponse {
  @ApiProperty({ enum: LANGUAGES, example: 'ru' })
  language: Language;

  @ApiProperty({ type: [ParsedItem] })
  items: ParsedItem[];

  @ApiProperty({ enum: INTENTS, example: 'transaction' })
  intent: JsonIntent;
}
