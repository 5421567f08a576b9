import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { CURRENCIES } from '../../common/money';
import { INSTANT } from '../../common/openapi/schemas';
import { LANGUAGES } from '../nlu/nlu.types';
import { TABLE_SECTIONS } from './privacy.sections';

/** The profile as the export gives it (privacy.sections.ts PROFILE_COLUMNS: the chat id as text). */
export class ExportedProfile {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ pattern: '^\\d+$', example: '123456789' }) telegram_chat_id: string;
  @ApiProperty({ type: String, nullable: true, example: '+998901234567' }) phone_number: string | null;
  @ApiProperty() phone_verified: boolean;
  @ApiProperty() first_name: string;
  @ApiProperty() last_name: string;
  @ApiProperty({ type: String, nullable: true }) username: string | null;
  @ApiProperty({ enum: LANGUAGES }) language: string;
  @ApiProperty({ enum: CURRENCIES }) currency: string;
  @ApiProperty({ example: 'Asia/Tashkent' }) timezone: string;
  @ApiProperty() is_active: boolean;
  @ApiProperty(INSTANT) created_at: string;
  @ApiProperty(INSTANT) updated_at: string;
}

/**
 * GET /api/users/me/export/: `exported_at`, the profile, then one list of rows per table of privacy.sections.ts
 * (each row the section's columns: money and big integers as text), then any section a module computes
 * (PrivacyService.addSection), whatever JSON it gives.
 */
export const PRIVACY_EXPORT_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['exported_at', 'user', ...TABLE_SECTIONS.map((s) => s.name)],
  properties: {
    exported_at: { type: 'string', format: 'date-time', example: '2026-11-29T09:00:00.000Z' },
    user: { $ref: getSchemaPath(ExportedProfile) },
    // One property per table section, so a new section is documented by the line that adds it.
    ...Object.fromEntries(
      TABLE_SECTIONS.map((section) => [
        section.name,
        {
          type: 'array',
          items: { type: 'object', additionalProperties: true },
          description: `The rows of ${section.table}: ${section.columns.replace(/::text AS \w+/g, '')}`,
        },
      ]),
    ),
  },
  additionalProperties: { description: 'A section a module computes (PrivacyService.addSection)' },
};
