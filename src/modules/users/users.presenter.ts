import type { User } from './user.entity';

/** The API shape of a user (snake_case like the seed). */
export function userJson(user: User) {
  return {
    id: user.id,
    telegram_chat_id:
      Number(user.telegramChatId) <= Number.MAX_SAFE_INTEGER
        ? Number(user.telegramChatId)
        : user.telegramChatId.toString(),
    phone_number: user.phoneNumber,
    phone_verified: user.phoneVerified,
    first_name: user.firstName,
    last_name: user.lastName,
    username: user.username,
    language: user.language,
    currency: user.currency,
    timezone: user.timezone,
    is_active: user.isActive,
    daily_reminder: user.dailyReminder,
    reminder_time: user.reminderTime,
    created_at: user.createdAt.toISOString(),
    updated_at: user.updatedAt.toISOString(),
  };
}
