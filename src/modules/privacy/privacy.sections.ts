/**
 * What is stored about a user, table by table: the sections of GET /api/users/me/export/ and the tables
 * /deletemydata erases (every one references users(id) ON DELETE CASCADE; privacy.e2e-spec checks the schema, so a
 * new table with a user_id must be listed here — one line — or the test fails).
 *
 * Secrets never leave: login codes and refresh tokens show their metadata only (no code hash, no token id);
 * Idempotency-Keys show the key and status, not the stored response.
 */
export interface TableSection {
  /** The key in the export JSON. */
  name: string;
  table: string;
  /** SELECT list: explicit columns, money as text ("50000.00"), bigint as text. */
  columns: string;
  /**
   * The order of the rows: plain NOT NULL column names, comma-separated, that with user_id are unique (the export
   * reads the table in pages after the last row's values of these columns; privacy.e2e-spec checks both).
   */
  orderBy: string;
  /** The column naming the user, when it is not `user_id` (a household's owner_id, an invite's created_by). */
  userColumn?: string;
}

export const PROFILE_COLUMNS =
  'id, telegram_chat_id::text AS telegram_chat_id, phone_number, phone_verified, first_name, last_name, username, language, currency, timezone, is_active, created_at, updated_at';

export const TABLE_SECTIONS: readonly TableSection[] = [
  {
    name: 'categories',
    table: 'categories',
    columns: 'id, type, name, created_at, updated_at',
    orderBy: 'created_at, id',
  },
  {
    name: 'learned_categories',
    table: 'learned_categories',
    columns: 'id, type, keyword, category, created_at, updated_at',
    orderBy: 'created_at, id',
  },
  {
    name: 'transactions',
    table: 'transactions',
    columns:
      'id, type, amount::text AS amount, currency, category, description, occurred_at, source, source_update_id::text AS source_update_id, source_item, transcript, external_ref, card_last4, household_id, created_at, updated_at',
    orderBy: 'occurred_at, created_at, id',
  },
  {
    name: 'bot_sessions',
    table: 'bot_sessions',
    columns: 'id, is_active, state, started_at, updated_at, closed_at',
    orderBy: 'started_at, id',
  },
  // The secret keys order ties only; they are never part of the output.
  {
    name: 'login_codes',
    table: 'login_codes',
    columns: 'created_at, expires_at, used_at',
    orderBy: 'created_at, code_hash',
  },
  {
    name: 'refresh_tokens',
    table: 'refresh_tokens',
    columns: 'created_at, expires_at, revoked_at',
    orderBy: 'created_at, jti',
  },
  {
    name: 'voice_messages',
    table: 'voice_messages',
    columns:
      'id, update_id::text AS update_id, kind, mime_type, duration_seconds, file_size, sent_at, status, transcript, error, attempts, created_at, updated_at',
    orderBy: 'created_at, id',
  },
  {
    name: 'message_links',
    table: 'message_links',
    columns:
      'chat_id::text AS chat_id, message_id::text AS message_id, kind, update_id::text AS update_id, items, reply_message_id::text AS reply_message_id, last_update_id::text AS last_update_id, created_at, updated_at',
    // The primary key's order (message ids grow with time in a chat): one index range per page for a busy chat.
    orderBy: 'chat_id, message_id',
  },
  {
    name: 'goals',
    table: 'goals',
    columns:
      'id, title, target_amount::text AS target_amount, saved_amount::text AS saved_amount, currency, deadline::text AS deadline, status, completed_at, created_at, updated_at',
    orderBy: 'created_at, id',
  },
  {
    name: 'debts',
    table: 'debts',
    columns:
      'id, direction, counterparty, amount::text AS amount, repaid_amount::text AS repaid_amount, currency, due_date::text AS due_date, status, description, closed_at, created_at, updated_at',
    orderBy: 'created_at, id',
  },
  // Budgets the user set (a household budget they created too) and the warnings sent about them (docs/budgets.md).
  {
    name: 'budgets',
    table: 'budgets',
    columns: 'id, household_id, category, amount::text AS amount, currency, period, created_at, updated_at',
    orderBy: 'created_at, id',
  },
  {
    name: 'budget_alerts',
    table: 'budget_alerts',
    columns: 'budget_id, period_start::text AS period_start, threshold, sent_at',
    orderBy: 'sent_at, id',
  },
  {
    name: 'sent_reminders',
    table: 'sent_reminders',
    columns: 'kind, reminder_key, sent_at',
    orderBy: 'sent_at, id',
  },
  {
    name: 'planned_payments',
    table: 'planned_payments',
    columns:
      'id, source_update_id::text AS source_update_id, source, transcript, items, planned_on::text AS planned_on, remind_on::text AS remind_on, status, sent_at, resolved_at, created_at, updated_at',
    orderBy: 'created_at, id',
  },
  {
    name: 'recurring',
    table: 'recurring_rules',
    columns:
      'id, type, amount::text AS amount, currency, category, description, every, day, auto, wallet, paused, starts_on::text AS starts_on, created_at, updated_at',
    orderBy: 'created_at, id',
  },
  {
    name: 'recurring_occurrences',
    table: 'recurring_occurrences',
    columns:
      'id, recurring_id, occurrence_date::text AS occurrence_date, status, amount::text AS amount, transaction_id, created_at, resolved_at',
    orderBy: 'created_at, id',
  },
  {
    name: 'recurring_offers',
    table: 'recurring_offers',
    columns:
      'id, type, description, description_key, category, amount::text AS amount, currency, day, wallet, status, recurring_id, created_at, resolved_at',
    orderBy: 'created_at, id',
  },
  {
    name: 'balances',
    table: 'user_balances',
    columns: 'currency, income::text AS income, expense::text AS expense, tx_count',
    orderBy: 'currency',
  },
  {
    name: 'user_cards',
    table: 'user_cards',
    columns: 'last4, source, created_at',
    orderBy: 'created_at, last4',
  },
  {
    name: 'card_transfer_questions',
    table: 'card_transfer_questions',
    columns:
      'update_id::text AS update_id, sender_card, receiver_card, sender_name, receiver_name, amount::text AS amount, currency, occurred_at, created_at',
    orderBy: 'created_at, update_id',
  },
  {
    name: 'household_memberships',
    table: 'household_members',
    columns: 'household_id, role, joined_at, records_to_household, notify_over::text AS notify_over',
    orderBy: 'joined_at, household_id',
  },
  {
    name: 'household_chats_linked',
    table: 'household_chats',
    userColumn: 'linked_by',
    columns: 'chat_id::text AS chat_id, household_id, linked_at',
    orderBy: 'linked_at, chat_id',
  },
  {
    name: 'households_owned',
    table: 'households',
    userColumn: 'owner_id',
    columns: 'id, name, currency, created_at, updated_at',
    orderBy: 'created_at, id',
  },
  // The token's hash never leaves.
  {
    name: 'household_invites',
    table: 'household_invites',
    userColumn: 'created_by',
    columns: 'id, household_id, created_at, expires_at, used_at, revoked_at',
    orderBy: 'created_at, id',
  },
  {
    name: 'idempotency_keys',
    table: 'idempotency_keys',
    columns: 'key, response_status, created_at',
    orderBy: 'created_at, key',
  },
];

/**
 * Tables without a user_id that the deletion leaves alone, and why. processed_updates holds Telegram update ids,
 * a status and timestamps only: nothing that names or describes a person; typeorm_migrations is the schema's history;
 * exchange_rates are the central bank's public rates; household_chat_notices holds a group's chat id and the Telegram
 * id of someone told once that only the family records there (no name, no message, no money; they may have no account
 * at all): the erasure of an account removes its own Telegram id from it (HouseholdsService.handOverBeforeErasure), and
 * unlinking the group removes the group's. (pg-boss keeps its jobs in its own schema, `pgboss`: a voice job's data is
 * the voice_messages id only.)
 */
export const TABLES_WITHOUT_PERSONAL_DATA: readonly string[] = [
  'processed_updates',
  'typeorm_migrations',
  'exchange_rates',
  'household_chat_notices',
];
