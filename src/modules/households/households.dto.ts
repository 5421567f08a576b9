import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Currency } from '../../common/money';
import { CurrencyField, IsText } from '../../common/validation/field-rules';
import type { HouseholdChanges } from './households.service';

export const NAME_MAX = 100;

/** Body of POST /api/households/ (docs/households.md). */
export class HouseholdBodyDto {
  @ApiProperty({ type: String, example: 'Oila', maxLength: NAME_MAX })
  @IsText({ max: NAME_MAX, required: true })
  name!: string;

  @CurrencyField('the creator')
  currency?: Currency;
}

/** Body of PATCH /api/households/current/: any of the fields. */
export class HouseholdPatchDto extends PartialType(HouseholdBodyDto, { skipNullProperties: false }) {}

export function householdChanges(dto: Partial<HouseholdBodyDto>): HouseholdChanges {
  return { name: dto.name, currency: dto.currency };
}

/** Body of POST /api/households/join/. */
export class JoinBodyDto {
  @ApiProperty({
    type: String,
    example: 'q3Xo0wq4kS2vYV0m7f6cQe9lDq8Zr1bT5uN2pA4sE7k',
    maxLength: 100,
    description: 'The token of an invite link (what follows `join_`).',
  })
  @IsText({ max: 100, required: true })
  token!: string;
}

/** Body of POST /api/households/current/transfer/. */
export class TransferBodyDto {
  @ApiProperty({ type: String, format: 'uuid', description: 'A member of your household.' })
  @IsText({ max: 36, required: true })
  user_id!: string;
}
