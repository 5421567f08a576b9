import { ApiProperty } from '@nestjs/swagger';
import { CURRENCIES, type Currency } from '../../common/money';
import { INSTANT } from '../../common/openapi/schemas';
import { HOUSEHOLD_ROLES, type HouseholdRole } from './household.entity';

/** The response schemas of /api/households/ (docs/households.md; householdJson, inviteJson). */

export class HouseholdMemberResponse {
  @ApiProperty({ format: 'uuid' })
  user_id: string;

  @ApiProperty({ example: 'Dilnoza' })
  first_name: string;

  @ApiProperty({ enum: HOUSEHOLD_ROLES, example: 'member' })
  role: HouseholdRole;

  @ApiProperty(INSTANT)
  joined_at: string;
}

export class HouseholdResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Oila' })
  name: string;

  @ApiProperty({ enum: CURRENCIES, example: 'UZS' })
  currency: Currency;

  @ApiProperty({ format: 'uuid' })
  owner_id: string;

  @ApiProperty({ type: [HouseholdMemberResponse], description: 'Oldest member first' })
  members: HouseholdMemberResponse[];
}

export class HouseholdInviteResponse {
  @ApiProperty({
    pattern: '^[A-Za-z0-9_-]{43}$',
    description: 'Single-use; shown once (only its hash is stored)',
  })
  token: string;

  @ApiProperty({
    format: 'uri',
    example: 'https://t.me/OvozPayBot?start=join_q3Xo0wq4kS2vYV0m7f6cQe9lDq8Zr1bT5uN2pA4sE7k',
  })
  link: string;

  @ApiProperty({ ...INSTANT, description: '24 hours after creation' })
  expires_at: string;
}
