import { DomainError } from '../errors/domain-error';

/** The name DRF gives a JSON value's type in "Expected a dictionary, but got …" (Python's). */
function drfTypeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

/** DRF's message for a JSON body that is not an object (`[1]`, `"x"`, `5`, `null`), or undefined for an object. */
export function notADictionary(body: unknown): string | undefined {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return undefined;
  return `Invalid data. Expected a dictionary, but got ${drfTypeName(body)}.`;
}

/** A JSON object body (none at all counts as empty, as DRF reads it); a list, scalar or null is a DRF 400. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  const problem = notADictionary(body);
  if (problem) throw DomainError.validation('non_field_errors', problem);
  return body as Record<string, unknown>;
}
