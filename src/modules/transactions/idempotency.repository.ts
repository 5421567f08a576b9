import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { IDEMPOTENCY_TTL_HOURS } from './idempotency';

export interface StoredRequest {
  requestHash: string;
  /** Null while the first request is still being processed. */
  responseStatus: number | null;
  responseBody: Record<string, unknown> | null;
}

interface Row {
  request_hash: string;
  response_status: number | null;
  response_body: Record<string, unknown> | null;
}

const LIVE = `created_at >= now() - interval '${IDEMPOTENCY_TTL_HOURS} hours'`;
const EXPIRED = `created_at < now() - interval '${IDEMPOTENCY_TTL_HOURS} hours'`;

function toStored(rows: Row[]): StoredRequest | null {
  const r = rows[0];
  return r
    ? { requestHash: r.request_hash, responseStatus: r.response_status, responseBody: r.response_body }
    : null;
}

/** All SQL about idempotency keys (table idempotency_keys). Keys are per user and live 24 hours. */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A live (younger than 24 h) key of the user, committed by an earlier request; `em` reads inside a transaction. */
  async find(userId: string, key: string, em?: EntityManager): Promise<StoredRequest | null> {
    const rows: Row[] = await (em ?? this.dataSource.manager).query(
      `SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND ${LIVE}`,
      [userId, key],
    );
    return toStored(rows);
  }

  /**
   * Claims a key inside the caller's transaction: drops the user's expired keys, then INSERT … ON CONFLICT DO
   * NOTHING. True when this transaction owns the key now. A concurrent claim of the same key waits on the unique
   * index until the owner commits (then gets false and reads the stored response) or rolls back (then owns it).
   */
  async claim(em: EntityManager, userId: string, key: string, requestHash: string): Promise<boolean> {
    await em.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND ${EXPIRED}`, [userId]);
    const rows: unknown[] = await em.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT pk_idempotency_keys DO NOTHING
       RETURNING key`,
      [userId, key, requestHash],
    );
    return rows.length === 1;
  }

  /** Stores the response of a claimed key (same transaction as the claim). */
  async complete(
    em: EntityManager,
    userId: string,
    key: string,
    status: number,
    body: Record<string, unknown>,
  ): Promise<void> {
    await em.query(
      `UPDATE idempotency_keys SET response_status = $3, response_body = $4::jsonb WHERE user_id = $1 AND key = $2`,
      [userId, key, status, JSON.stringify(body)],
    );
  }

  /** Deletes every expired key (all users); for a periodic clean-up job. Returns how many went. */
  async deleteExpired(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE ${EXPIRED}`,
    );
    return result[1];
  }
}
