import { applyDecorators, type Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, type ApiErrorStatus } from './errors';

/** One operation's documentation in one place (docs/openapi.md). Exactly one success response is named. */
export type EndpointDoc = {
  summary: string;
  /** Every error status the operation really answers with, with its DRF body (see ApiErrors). */
  errors: ApiErrorStatus[];
} & (
  | { /** 200 with this schema; `[Schema]` for an array of it. */ ok: Type<unknown> | [Type<unknown>] }
  | { /** 201 with this schema. */ created: Type<unknown> }
  | { /** 204, no body: what it means. */ noContent: string }
);

/**
 * `@ApiEndpoint({ summary, ok: Schema, errors: [401, 404] })`: the summary, the success response and the error
 * responses of an operation, instead of three decorators repeated on every handler. Operations whose success
 * response needs more (examples, headers, other media types) keep the explicit decorators.
 */
export function ApiEndpoint(doc: EndpointDoc): MethodDecorator {
  const success =
    'ok' in doc
      ? ApiOkResponse(Array.isArray(doc.ok) ? { type: doc.ok[0], isArray: true } : { type: doc.ok })
      : 'created' in doc
        ? ApiCreatedResponse({ type: doc.created })
        : ApiNoContentResponse({ description: doc.noContent });
  return applyDecorators(ApiOperation({ summary: doc.summary }), success, ApiErrors(...doc.errors));
}
