/** Where the Mini App lives, derived from PUBLIC_URL (pure, no I/O). */

export const MINI_APP_PATH = '/app/';

/** `${PUBLIC_URL}/app/` (any path prefix of PUBLIC_URL kept), or undefined without PUBLIC_URL. */
export function miniAppUrl(publicUrl: string | undefined): string | undefined {
  if (!publicUrl) return undefined;
  const url = new URL(publicUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${MINI_APP_PATH}`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

/** Telegram opens web_app buttons only on https URLs: the Mini App URL when PUBLIC_URL is https, else undefined. */
export function telegramMiniAppUrl(publicUrl: string | undefined): string | undefined {
  const url = miniAppUrl(publicUrl);
  return url && url.startsWith('https://') ? url : undefined;
}

/** The origin browsers send in `Origin` for pages served from PUBLIC_URL. */
export function publicOrigin(publicUrl: string | undefined): string | undefined {
  return publicUrl ? new URL(publicUrl).origin : undefined;
}
