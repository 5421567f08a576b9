const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID in its canonical text form (any case): ids in URLs that are not one are simply not found. */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}
