/**
 * Telegram's side: the launch parameters from the URL hash (#tgWebAppData=…&tgWebAppThemeParams=…), the theme as
 * CSS variables, and the ready/expand calls. Outside Telegram (a plain browser) `launch()` returns undefined.
 */
import { on, postEvent, retrieveLaunchParams, retrieveRawInitData } from '@telegram-apps/sdk';

export interface Launch {
  initData: string;
  userId: number;
  languageCode?: string;
}

type Theme = Record<string, string | undefined>;

export function launch(): Launch | undefined {
  let initData: string | undefined;
  let params;
  try {
    initData = retrieveRawInitData();
    params = retrieveLaunchParams();
  } catch {
    return undefined;
  }
  const user = params.tgWebAppData?.user;
  if (!initData || !user) return undefined;
  applyTheme(params.tgWebAppThemeParams as Theme);
  try {
    on('theme_changed', (event) => applyTheme(event.theme_params as Theme));
  } catch {
    // no event source outside Telegram
  }
  return { initData, userId: user.id, languageCode: user.language_code };
}

/** Tells Telegram the app is drawn and takes the full height; harmless no-ops in a plain browser. */
export function ready(): void {
  for (const call of [() => postEvent('web_app_ready'), () => postEvent('web_app_expand')]) {
    try {
      call();
    } catch {
      // not inside Telegram
    }
  }
}

const VARS: Array<[string, string]> = [
  ['bg_color', '--bg'],
  ['secondary_bg_color', '--bg2'],
  ['text_color', '--text'],
  ['hint_color', '--hint'],
  ['link_color', '--link'],
  ['button_color', '--button'],
  ['button_text_color', '--button-text'],
  ['destructive_text_color', '--danger'],
  ['section_bg_color', '--section'],
];

/** Theme params → CSS variables, and light/dark from the background's luminance. */
export function applyTheme(theme: Theme | undefined): void {
  if (!theme) return;
  const root = document.documentElement;
  for (const [key, cssVar] of VARS) {
    const value = theme[key] ?? theme[key.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase())];
    if (value && /^#[0-9a-f]{6}$/i.test(value)) root.style.setProperty(cssVar, value);
  }
  const bg = theme.bg_color ?? theme.bgColor;
  if (bg && /^#[0-9a-f]{6}$/i.test(bg)) {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(bg.slice(i, i + 2), 16));
    root.dataset.theme = 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
  }
}
