import { signInitData } from '../../src/modules/auth/telegram-proof';
import { TEST_BOT_TOKEN } from './test-app';

export interface InitDataOptions {
  token?: string;
  authDate?: number;
  user?: Record<string, unknown>;
}

/**
 * Mini App initData signed the way Telegram signs it (hash = HMAC_SHA256(HMAC_SHA256("WebAppData", bot token),
 * data_check_string)). It carries a `signature` field like Telegram's current initData (the SDK insists on it).
 */
export function signedInitData(userId: number, opts: InitDataOptions = {}): string {
  return signInitData(opts.token ?? TEST_BOT_TOKEN, {
    query_id: 'AAHdF6IQAAAAAN0XohDhrOrc',
    user: JSON.stringify({
      id: userId,
      first_name: 'Ali',
      last_name: 'Valiyev',
      username: 'ali_v',
      language_code: 'ru',
      allows_write_to_pm: true,
      ...opts.user,
    }),
    auth_date: String(opts.authDate ?? Math.floor(Date.now() / 1000)),
    signature: 'L9Xj3t0yJHwB0mKcPp2Vq6FqBbZ3cGm1aT6t2t9bT0yV1wJf0sUqGz8rR3n4u6x2Y8cQk5pHh7sL2dN9mE3aBw',
  });
}

export const LIGHT_THEME = {
  bg_color: '#ffffff',
  secondary_bg_color: '#f1f1f4',
  section_bg_color: '#ffffff',
  text_color: '#000000',
  hint_color: '#707579',
  link_color: '#3390ec',
  button_color: '#3390ec',
  button_text_color: '#ffffff',
  destructive_text_color: '#e53935',
};

export const DARK_THEME = {
  bg_color: '#17212b',
  secondary_bg_color: '#0e1621',
  section_bg_color: '#17212b',
  text_color: '#f5f5f5',
  hint_color: '#708499',
  link_color: '#6ab3f3',
  button_color: '#5288c1',
  button_text_color: '#ffffff',
  destructive_text_color: '#ef5350',
};

/** The URL fragment Telegram opens a Mini App with. */
export function launchHash(initData: string, theme: Record<string, string> = LIGHT_THEME): string {
  const params = new URLSearchParams({
    tgWebAppData: initData,
    tgWebAppVersion: '8.0',
    tgWebAppPlatform: 'tdesktop',
    tgWebAppThemeParams: JSON.stringify(theme),
  });
  return `#${params.toString()}`;
}
