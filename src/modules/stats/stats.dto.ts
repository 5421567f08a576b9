import { ApiPropertyOptional } from '@nestjs/swagger';
import { DomainError } from '../../common/errors/domain-error';
import { CURRENCIES } from '../../common/money';
import { FieldRule } from '../../common/validation/field-rules';
import { FieldErrors } from '../../common/validation/messages';
import { TRANSACTION_TYPES } from '../nlu/nlu.types';
import { parseSummaryQuery, PERIODS } from './stats.period';
import { WalletQueryDto } from '../transactions/transactions.query';

/** The errors of each query being checked: its five rules share one parse. */
const checked = new WeakMap<object, FieldErrors>();

/** What parseSummaryQuery refuses in a query (its checks need neither the clock nor the user's time zone). */
function summaryQueryErrors(query: object): FieldErrors {
  let errors = checked.get(query);
  if (!errors) {
    errors = parseErrors(query);
    checked.set(query, errors);
  }
  return errors;
}

function parseErrors(query: object): FieldErrors {
  try {
    parseSummaryQuery(query as Record<string, unknown>, new Date(), 'UTC');
    return {};
  } catch (error) {
    if (error instanceof DomainError && error.fields) return error.fields;
    throw error;
  }
}

/** One parameter's part of the summary query's rules (period and dates depend on each other). */
function SummaryRule(field: string): PropertyDecorator {
  return FieldRule(`summary_${field}`, (_v, query) => summaryQueryErrors(query)[field]?.[0], {
    onNull: 'check',
    checkAbsent: true,
  });
}

/**
 * GET /api/analytics/summary/: every bad parameter at once, DRF style. The values stay as sent; the controller
 * reads the period in the user's time zone (parseSummaryQuery).
 */
export class SummaryQueryDto extends WalletQueryDto {
  @ApiPropertyOptional({
    enum: PERIODS,
    description: 'Default month (custom when date_from/date_to are given). week = Monday to Sunday.',
  })
  @SummaryRule('period')
  period?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2026-11-01',
    description: 'YYYY-MM-DD, first local day (period=custom only)',
  })
  @SummaryRule('date_from')
  date_from?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2026-11-30',
    description: 'YYYY-MM-DD, last local day, inclusive (period=custom only)',
  })
  @SummaryRule('date_to')
  date_to?: string;

  @ApiPropertyOptional({ enum: TRANSACTION_TYPES })
  @SummaryRule('type')
  type?: string;

  @ApiPropertyOptional({ enum: CURRENCIES, description: 'Any case.' })
  @SummaryRule('currency')
  currency?: string;
}
