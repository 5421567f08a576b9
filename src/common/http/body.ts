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
