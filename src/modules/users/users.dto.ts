import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { CURRENCIES, Currency } from '../../common/money';
import { FieldRule } from '../../common/validation/field-rules';
import { NOT_A_BOOLEAN, NOT_A_STRING } from '../../common/validation/messages';
import { LANGUAGES, Language } from '../nlu/nlu.types';
import { checkPhoneNumber, PHONE_FIELD_MESSAGES } from './phone';
import type { ProfilePatch } from './users.service';

const REMINDER_TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function chooseOneOf(value: unknown, choices: readonly string[]): string {
  return `"${String(value)}" is not a valid choice. Choose one of: ${choices.join(', ')}.`;
}

/**
 * An international phone number ("+" and a number of its country's plan; spaces, dashes, brackets dropped), or
 * null or "" for none; becomes the E.164 number or null.
 */
export function IsOptionalPhone(): PropertyDecorator {
  return applyDecorators(
    FieldRule(
      'isOptionalPhone',
      (v) => {
        if (v === '') return undefined;
        if (typeof v !== 'string') return NOT_A_STRING;
        const check = checkPhoneNumber(v);
        return check.ok ? undefined : PHONE_FIELD_MESSAGES[check.reason];
      },
      { onNull: 'allow' },
    ),
    Transform(({ value }) => {
      if (value === null || value === '') return null;
      const check = checkPhoneNumber(value as string);
      return check.ok ? check.e164 : value;
    }),
  );
}

/** PATCH /api/users/me/: any of the fields, every error at once (the bot's settings use the same service). */
export class UpdateMeDto {
  @ApiPropertyOptional({
    type: String,
    example: '+998901234567',
    nullable: true,
    description: 'International format; null or "" removes it. Stored unverified.',
  })
  @IsOptionalPhone()
  phone_number?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @FieldRule(
    'isLanguage',
    (v) => ((LANGUAGES as readonly unknown[]).includes(v) ? undefined : chooseOneOf(v, LANGUAGES)),
    { onNull: 'check' },
  )
  language?: Language;

  @ApiPropertyOptional({ enum: CURRENCIES })
  @FieldRule(
    'isCurrency',
    (v) => ((CURRENCIES as readonly unknown[]).includes(v) ? undefined : chooseOneOf(v, CURRENCIES)),
    { onNull: 'check' },
  )
  currency?: Currency;

  @ApiPropertyOptional({ type: String, example: 'Asia/Tashkent', description: 'An IANA time zone.' })
  @FieldRule(
    'isTimeZone',
    (v) =>
      typeof v === 'string' && v && isTimeZone(v)
        ? undefined
        : 'Enter a valid IANA time zone, e.g. Asia/Tashkent.',
    { onNull: 'check' },
  )
  timezone?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'The daily "nothing recorded today" reminder (default false).',
  })
  @FieldRule('isBoolean', (v) => (typeof v === 'boolean' ? undefined : NOT_A_BOOLEAN), { onNull: 'check' })
  daily_reminder?: boolean;

  @ApiPropertyOptional({
    type: String,
    pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
    example: '21:00',
    description: "HH:MM, in the user's time zone (default 21:00).",
  })
  @applyDecorators(
    FieldRule(
      'isReminderTime',
      (v) =>
        typeof v === 'string' && REMINDER_TIME_RE.test(v.trim())
          ? undefined
          : 'Time has wrong format. Use HH:MM, e.g. 21:00.',
      { onNull: 'check' },
    ),
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
  )
  reminder_time?: string;
}

/** The typed profile change of a checked body. */
export function profilePatch(dto: UpdateMeDto): ProfilePatch {
  const patch: ProfilePatch = {};
  for (const key of Object.keys(dto) as Array<keyof UpdateMeDto>)
    if (dto[key] !== undefined) (patch as Record<string, unknown>)[key] = dto[key];
  return patch;
}
