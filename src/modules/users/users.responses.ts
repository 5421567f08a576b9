import { ApiProperty } from '@nestjs/swagger';
import { CURRENCIES } from '../../common/money';
import { INSTANT } from '../../common/openapi/schemas';
import { LANGUAGES } from '../nlu/nlu.types';

/** GET/PATCH /api/users/me/: the profile (userJson). */
export class UserResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    oneOf: [
      { type: 'integer', minimum: 1 },
      { type: 'string', pattern: '^[1-9]\\d*$' },
    ],
    example: 123456789,
    description: 'The Telegram chat id: a JSON integer, or a string of digits beyond 2^53 − 1',
  })
  telegram_chat_id: number | string;

  @ApiProperty({ type: String, nullable: true, example: '+998901234567' })
  phone_number: string | null;

  @ApiProperty({ description: 'True when Telegram vouched for the number (a shared contact)' })
  phone_verified: boolean;

  @ApiProperty({ example: 'Alisher' })
  first_name: string;

  @ApiProperty({ example: '' })
  last_name: string;

  @ApiProperty({ type: String, nullable: true, example: 'alisher' })
  username: string | null;

  @ApiProperty({ enum: LANGUAGES, example: 'ru' })
  language: (typeof LANGUAGES)[number];

  @ApiProperty({ enum: CURRENCIES, example: 'UZS' })
  currency: (typeof CURRENCIES)[number];

  @ApiProperty({ example: 'Asia/Tashkent' })
  timezone: string;

  @ApiProperty({ description: 'False once the user blocked the bot' })
  is_active: boolean;

  @ApiProperty()
  daily_reminder: boolean;

  @ApiProperty({ pattern: '^\\d{2}:\\d{2}$', example: '21:00' })
  reminder_time: string;

  @ApiProperty(INSTANT)
  created_at: string;

  @ApiProperty(INSTANT)
  updated_at: string;
}
