import { DomainError } from '../errors/domain-error';

/** A JSON object body (none at all counts as empty, as DRF reads it); a list or scalar is a DRF 400. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw DomainError.validation('non_field_errors', `Invalid data. Expected a dictionary, but got ${Array.isArray(body) ? 'list' : typeof body}.`);
  }
  return body as Record<string, unknown>;
}
