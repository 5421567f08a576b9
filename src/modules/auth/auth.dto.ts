import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Allow } from 'class-validator';
import { FieldRule, IsText } from '../../common/validation/field-rules';
import { NOT_AN_INTEGER, NOT_NULL, REQUIRED } from '../../common/validation/messages';
import { IsOptionalPhone } from '../users/users.dto';

/** DRF IntegerField(min_value=1) semantics for telegram_chat_id: a JSON integer or a string of digits. */
export function parseChatId(value: unknown): { ok: true; chatId: bigint } | { ok: false; message: string } {
  if (value === undefined) return { ok: false, message: REQUIRED };
  if (value === null) return { ok: false, message: NOT_NULL };
  let n: number;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return { ok: false, message: NOT_AN_INTEGER };
    n = value;
  } else if (typeof value === 'string' && /^\s*-?\d{1,20}\s*$/.test(value)) {
    n = Number(value.trim());
  } else {
    return { ok: false, message: NOT_AN_INTEGER };
  }
  if (n < 1) return { ok: false, message: 'Ensure this value is greater than or equal to 1.' };
  if (!Number.isSafeInteger(n))
    return { ok: false, message: `Ensure this value is less than or equal to ${Number.MAX_SAFE_INTEGER}.` };
  return { ok: true, chatId: BigInt(n) };
}

/** telegram_chat_id: a positive JSON integer or a string of digits; becomes a bigint. */
export function IsChatId(): PropertyDecorator {
  const rule = FieldRule(
    'isChatId',
    (v) => {
      const read = parseChatId(v);
      return read.ok ? undefined : read.message;
    },
    { required: true, onNull: 'check' },
  );
  const transform = Transform(({ value }) => {
    const read = parseChatId(value);
    return read.ok ? read.chatId : value;
  });
  return (target, key) => {
    rule(target, key);
    transform(target, key);
  };
}

/**
 * POST /api/users/auth/telegram-login/. telegram_chat_id and phone_number are checked here (400, DRF's messages);
 * the proof fields are kept as sent: their signature decides (401, AuthService).
 */
export class TelegramLoginDto {
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: 1,
    example: 123456789,
    description: 'Telegram chat id (= user id), a positive integer (a string of digits is accepted too)',
  })
  @IsChatId()
  telegram_chat_id!: bigint;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '+998901234567',
    description: 'Saved on the user when given (international format); null or "" for none',
  })
  @IsOptionalPhone()
  phone_number?: string | null;

  @ApiPropertyOptional({
    type: String,
    description: 'Proof 1: the Mini App initData string (Telegram.WebApp.initData)',
  })
  @Allow()
  init_data?: unknown;

  @ApiPropertyOptional({
    type: String,
    example: 'K7QX2MPA',
    description: 'Proof 2: the one-time code the bot gives on /login (5 minutes)',
  })
  @Allow()
  login_code?: unknown;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int64',
    description: 'Proof 3 (Login Widget): Telegram user id',
  })
  @Allow()
  id?: unknown;

  @ApiPropertyOptional({ type: String, description: 'Login Widget field' })
  @Allow()
  first_name?: unknown;

  @ApiPropertyOptional({ type: String, description: 'Login Widget field' })
  @Allow()
  last_name?: unknown;

  @ApiPropertyOptional({ type: String, description: 'Login Widget field' })
  @Allow()
  username?: unknown;

  @ApiPropertyOptional({ type: String, description: 'Login Widget field' })
  @Allow()
  photo_url?: unknown;

  @ApiPropertyOptional({ type: 'integer', description: 'Login Widget field (unix seconds)' })
  @Allow()
  auth_date?: unknown;

  @ApiPropertyOptional({ type: String, description: 'Login Widget field: the signature (hex)' })
  @Allow()
  hash?: unknown;
}

export class RefreshTokenDto {
  @ApiProperty({ type: String, description: 'The refresh token from telegram-login or the previous refresh' })
  @IsText({ required: true })
  refresh!: string;
}
