/** PostgreSQL error codes the services turn into answers (a driver error, or TypeORM's wrapping of one). */
function hasCode(error: unknown, code: string): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  return e?.code === code || e?.driverError?.code === code;
}

/** 23505: a unique index refused the row (a second one of something that exists once). */
export const isUniqueViolation = (error: unknown): boolean => hasCode(error, '23505');

/** 23503: the row it points at is gone (deleted concurrently). */
export const isForeignKeyViolation = (error: unknown): boolean => hasCode(error, '23503');
