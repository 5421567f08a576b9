import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';
import { linkBase } from './host';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const MAX_PAGE = Math.floor(Number.MAX_SAFE_INTEGER / MAX_PAGE_SIZE);

/** `page` and `page_size` query values, validated like DRF's PageNumberPagination. */
export function readPagination(query: { page?: unknown; page_size?: unknown }): {
  page: number;
  pageSize: number;
} {
  const page = query.page === undefined || query.page === '' ? 1 : Number(query.page);
  // A safe integer whose row offset PostgreSQL can take (1e30 would overflow OFFSET's bigint → a 500).
  if (!Number.isSafeInteger(page) || page < 1 || page > MAX_PAGE)
    throw new DomainError('not_found', 'Invalid page.');
  let pageSize = DEFAULT_PAGE_SIZE;
  if (query.page_size !== undefined && query.page_size !== '') {
    const n = Number(query.page_size);
    if (Number.isInteger(n) && n > 0) pageSize = Math.min(n, MAX_PAGE_SIZE);
  }
  return { page, pageSize };
}

/**
 * DRF's `{count, next, previous, results}` with absolute next/previous links, built on PUBLIC_URL when it is set
 * (the Host header is the client's to choose) and on the validated Host otherwise (see linkBase).
 */
export function paginated<T>(
  req: Request,
  page: number,
  pageSize: number,
  count: number,
  results: T[],
  publicUrl: string | undefined,
) {
  if (page > 1 && (page - 1) * pageSize >= count) throw new DomainError('not_found', 'Invalid page.');
  const link = (p: number | null): string | null => {
    if (p === null) return null;
    const url = new URL(req.originalUrl, 'http://link.invalid');
    if (p === 1) url.searchParams.delete('page');
    else url.searchParams.set('page', String(p));
    return `${linkBase(req, publicUrl)}${url.pathname}${url.search}`;
  };
  return {
    count,
    next: link(page * pageSize < count ? page + 1 : null),
    previous: link(page > 1 ? page - 1 : null),
    results,
  };
}
