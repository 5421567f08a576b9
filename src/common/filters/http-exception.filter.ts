import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, DomainErrorCode, isDatabaseUnavailable } from '../errors/domain-error';
import { allowedMethodsFor } from '../http/allowed-methods';

function statusOf(code: DomainErrorCode): number {
  switch (code) {
    case 'validation':
      return 400;
    case 'not_authenticated':
    case 'telegram_auth_failed':
    case 'token_not_valid':
      return 401;
    case 'permission_denied':
      return 403;
    case 'not_found':
      return 404;
    case 'method_not_allowed':
      return 405;
    case 'conflict':
      return 409;
    case 'unprocessable':
      return 422;
    case 'throttled':
      return 429;
    case 'unavailable':
      return 503;
  }
}

/** Body of a DomainError, shaped like Django REST Framework's error responses. */
export function domainErrorBody(error: DomainError): Record<string, unknown> {
  if (error.fields) return error.fields;
  const body: Record<string, unknown> = { detail: error.message };
  if (error.code === 'telegram_auth_failed' || error.code === 'token_not_valid') body.code = error.code;
  return { ...body, ...error.extra };
}

/**
 * The one HTTP error mapping. Domain errors → status + DRF body; Nest's HttpExceptions keep their status with a
 * `{detail}` body; anything else → 500 without details (logged). Steps aside outside HTTP (the bot has its own).
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    if (res.headersSent) return;

    if (exception instanceof DomainError) {
      // 429 and 503 may say when to come back.
      if (exception.extra?.retryAfter) res.setHeader('Retry-After', String(exception.extra.retryAfter));
      const body = domainErrorBody(exception);
      delete body.retryAfter;
      res.status(statusOf(exception.code)).json(body);
      return;
    }
    if (exception instanceof HttpException) {
      let status = exception.getStatus();
      if (status === 404 && /^Cannot /.test(exception.message)) {
        const allowed = allowedMethodsFor(req);
        if (allowed.length) {
          status = 405;
          res.setHeader('Allow', [...allowed, 'OPTIONS'].join(', '));
        }
      }
      const response = exception.getResponse();
      res.status(status).json(this.httpBody(status, response, req));
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.error(`Database unavailable: ${req.method} ${req.path}: ${(exception as Error).message}`);
      res
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .json({ detail: 'Service temporarily unavailable, try again later.' });
      return;
    }
    this.logger.error(
      `Unhandled error on ${req.method} ${req.path}`,
      (exception as Error)?.stack ?? String(exception),
    );
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ detail: 'A server error occurred.' });
  }

  private httpBody(status: number, response: string | object, req: Request): Record<string, unknown> {
    if (typeof response === 'object' && response !== null && !('statusCode' in response)) {
      return response as Record<string, unknown>; // already DRF-shaped (validation pipe)
    }
    switch (status) {
      case 404:
        return { detail: 'Not found.' };
      case 405:
        return { detail: `Method "${req.method}" not allowed.` };
      case 413:
        return { detail: 'Request body is too large.' };
      case 400: {
        const type = (response as { message?: unknown }).message;
        return { detail: typeof type === 'string' ? type : 'Bad request.' };
      }
      default: {
        const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
        return { detail: typeof message === 'string' ? message : (HttpStatus[status] ?? 'Error') };
      }
    }
  }
}
