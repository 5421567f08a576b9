import { randomUUID } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { UsersService } from '../../src/modules/users/users.service';
import { TEST_SECRET_KEY, TestApp } from './test-app';

/**
 * A user for a chat id (created if needed) and an access token for it, signed like the app's own tokens
 * (simplejwt claims, HS256, TEST_SECRET_KEY). Stands in for POST /api/users/auth/telegram-login/ in tests that
 * are about other endpoints.
 */
export async function accessTokenFor(t: TestApp, chatId: number): Promise<{ token: string; userId: string }> {
  const { user } = await t.app.get(UsersService).findOrCreate({ chatId: BigInt(chatId) });
  const token = sign({ token_type: 'access', user_id: user.id, jti: randomUUID() }, TEST_SECRET_KEY, {
    algorithm: 'HS256',
    expiresIn: 600,
  });
  return { token, userId: user.id };
}
