import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/** PATCH /api/users/me/. Values are checked by UsersService.updateProfile (shared with the bot). */
export class UpdateMeDto {
  @ApiPropertyOptional({ example: '+998901234567', nullable: true })
  @Allow()
  phone_number?: string | null;

  @ApiPropertyOptional({ enum: ['ru', 'uz', 'en'] })
  @Allow()
  language?: string;

  @ApiPropertyOptional({ enum: ['UZS', 'USD', 'RUB', 'EUR'] })
  @Allow()
  currency?: string;

  @ApiPropertyOptional({ example: 'Asia/Tashkent' })
  @Allow()
  timezone?: string;

  @ApiPropertyOptional({ description: 'The daily "nothing recorded today" reminder (default false).' })
  @Allow()
  daily_reminder?: boolean;

  @ApiPropertyOptional({ example: '21:00', description: "HH:MM, in the user's time zone (default 21:00)." })
  @Allow()
  reminder_time?: string;
}
