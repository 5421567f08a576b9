import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';

/**
 * The error bodies the API answers with, shaped like Django REST Framework's (README "REST API",
 * docs/interface.md §3): `{"detail": "…"}` (simplejwt adds `code` and `messages`), or field errors
 * `{"field": ["message", …]}` (`non_field_errors` for the body as a whole).
 */

/** One entry of simplejwt's `messages`: which token was refused and why. */
export class TokenErrorMessage {
  @ApiProperty({ example: 'AccessToken' }) token_class: string;
  @ApiProperty({ example: 'access' }) token_type: string;
  @ApiProperty({ example: 'Token is invalid' }) message: string;
}

export class ErrorDetail {
  @ApiProperty({ example: 'Not found.' })
  detail: string;

  @ApiPropertyOptional({
    example: 'token_not_valid',
    description:
      'Why a credential was refused (token_not_valid, telegram_auth_failed, bad_authorization_header …)',
  })
  code?: string;

  @ApiPropertyOptional({
    type: [TokenErrorMessage],
    description: 'simplejwt: the tokens tried and why each failed',
  })
  messages?: TokenErrorMessage[];
}

const FIELD_ERRORS = {
  type: 'object',
  description:
    'Field errors: every field named with its messages; `non_field_errors` for the body as a whole.',
  minProperties: 1,
  additionalProperties: { type: 'array', items: { type: 'string' }, minItems: 1 },
  example: { amount: ['Ensure that there are no more than 13 digits before the decimal point.'] },
};

/** What each error status means here; the schema of its body. */
const ERRORS: Record<ApiErrorStatus, { description: string; fields?: boolean }> = {
  400: {
    description: 'Invalid request: field errors, or `{"detail"}` for a body that is not JSON',
    fields: true,
  },
  401: { description: 'No credentials, or a refused token or Telegram proof' },
  403: { description: 'You may see this but not do this (e.g. only the owner of a household may)' },
  404: { description: 'Not found (or not yours), or an invalid page' },
  409: { description: 'A request with this Idempotency-Key is still being processed' },
  413: { description: 'Request body is too large' },
  415: { description: 'Unsupported media type: the body must be application/json in UTF-8' },
  422: { description: 'Idempotency-Key already used with a different request body' },
  429: { description: 'Throttled (a `Retry-After` header says when to come back)' },
  503: { description: 'Temporarily unavailable (a `Retry-After` header may say when to come back)' },
};

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before trying again (always with 429, with 503 when known)',
    schema: { type: 'integer', minimum: 0 },
  },
};

export type ApiErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/**
 * The error responses an operation really gives, with their DRF bodies: `@ApiErrors(400, 401, 404)`.
 * Every JSON request body may also get 413 and 415 (checked before any handler): list them where a body is read.
 * 405 belongs to no operation: the document's description says how a method a path does not list is answered.
 */
export function ApiErrors(...statuses: ApiErrorStatus[]): MethodDecorator & ClassDecorator {
  const detail = { $ref: getSchemaPath(ErrorDetail) };
  return applyDecorators(
    ApiExtraModels(ErrorDetail, TokenErrorMessage),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: ERRORS[status].description,
        schema: ERRORS[status].fields ? { oneOf: [detail, FIELD_ERRORS] } : detail,
        ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
      }),
    ),
  );
}
