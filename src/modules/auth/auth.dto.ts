import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { checkPhoneNumber, PHONE_FIELD_MESSAGES } from '../users/phone';

/**
 * POST /api/users/auth/telegram-login/. Every field is kept as sent (`@Allow`) and checked by
 * `parseTelegramLogin`, so the errors read like DRF's serializer errors.
 */
export class TelegramLoginDto {
  @ApiProperty({ example: 123456789, description: 'Telegram chat id (= user id), a positive integer' })
  @Allow()
  telegram_chat_id?: unknown;

  @ApiPropertyOptional({ example: '+998901234567', description: 'Saved on the user when given' })
  @Allow()
  phone_number?: unknown;

  @ApiPropertyOptional({ description: 'Proof 1: the Mini App initData string (Telegram.WebApp.initData)' })
  @Allow()
  init_data?: unknown;

  @ApiPropertyOptional({
    example: 'K7QX2MPA',
    description: 'Proof 2: the one-time code the bot gives on /login (5 minutes)',
  })
  @Allow()
  login_code?: unknown;

  @ApiPropertyOptional({ description: 'Proof 3 (Login Widget): Telegram user id' })
  @Allow()
  id?: unknown;

  @ApiPropertyOptional({ description: 'Login Widget field' })
  @Allow()
  first_name?: unknown;

  @ApiPropertyOptional({ description: 'Login Widget field' })
  @Allow()
  last_name?: unknown;

  @ApiPropertyOptional({ description: 'Login Widget field' })
  @Allow()
  username?: unknown;

  @ApiPropertyOptional({ description: 'Login Widget field' })
  @Allow()
  photo_url?: unknown;

  @ApiPropertyOptional({ description: 'Login Widget field (unix seconds)' })
  @Allow()
  auth_date?: unknown;

  @ApiPropertyOptional({ description: 'Login Widget field: the signature' })
  @Allow()
  hash?: unknown;
}

export class RefreshTokenDto {
  @ApiProperty({ description: 'The refresh token from telegram-login or the previous refresh' })
  @Allow()
  refresh?: unknown;
}

export class TokenPairDto {
  @ApiProperty() access: string;
  @ApiProperty() refresh: string;
}

export class TelegramLoginResponseDto extends TokenPairDto {
  @ApiProperty({ format: 'uuid' }) user_id: string;
  @ApiProperty({ type: String, nullable: true, example: '+998901234567' }) phone_number: string | null;
  @ApiProperty() is_new_user: boolean;
}

const REQUIRED = 'This field is required.';

/** DRF IntegerField(min_value=1) semantics for telegram_chat_id: a JSON integer or a string of digits. */
export function parseChatId(value: unknown): { ok: true; chatId: bigint } | { ok: false; message: string } {
  if (value === undefined) return { ok: false, message: REQUIRED };
  if (value === null) return { ok: false, message: 'This field may not be null.' };
  let n: number;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return { ok: false, message: 'A valid integer is required.' };
    n = value;
  } else if (typeof value === 'string' && /^\s*-?\d{1,20}\s*$/.test(value)) {
    n = Number(value.trim());
  } else {
    return { ok: false, message: 'A valid integer is required.' };
  }
  if (n < 1) return { ok: false, message: 'Ensure this value is greater than or equal to 1.' };
  if (!Number.isSafeInteger(n))
    return { ok: false, message: `Ensure this value is less than or equal to ${Number.MAX_SAFE_INTEGER}.` };
  return { ok: true, chatId: BigInt(n) };
}

/** Optional phone: absent, null or "" → not given; otherwise it must be "+" and a valid number. */
export function parseOptionalPhone(
  value: unknown,
): { ok: true; phone: string | undefined } | { ok: false; message: string } {
  if (value === undefined || value === null || value === '') return { ok: true, phone: undefined };
  if (typeof value !== 'string') return { ok: false, message: 'Not a valid string.' };
  const check = checkPhoneNumber(value);
  return check.ok
    ? { ok: true, phone: check.e164 }
    : { ok: false, message: PHONE_FIELD_MESSAGES[check.reason] };
}

export function parseRefresh(value: unknown): { ok: true; token: string } | { ok: false; message: string } {
  if (value === undefined) return { ok: false, message: REQUIRED };
  if (value === null) return { ok: false, message: 'This field may not be null.' };
  if (typeof value !== 'string') return { ok: false, message: 'Not a valid string.' };
  if (!value.trim()) return { ok: false, message: 'This field may not be blank.' };
  return { ok: true, token: value.trim() };
}
