/** The JSON of the login endpoints (snake_case; docs/interface.md §3). */
import type { TelegramLogin } from './auth.service';

/** POST /api/users/auth/telegram-login/ */
export function telegramLoginJson({ tokens, user, created }: TelegramLogin) {
  return {
    access: tokens.access,
    refresh: tokens.refresh,
    user_id: user.id,
    phone_number: user.phoneNumber,
    is_new_user: created,
  };
}
