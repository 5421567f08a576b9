import { miniAppUrl, publicOrigin, telegramMiniAppUrl } from './webapp.url';

describe('Mini App URL from PUBLIC_URL', () => {
  it.each([
    [
      'https://pay.example.com',
      'https://pay.example.com/app/',
      'https://pay.example.com/app/',
      'https://pay.example.com',
    ],
    [
      'https://pay.example.com/',
      'https://pay.example.com/app/',
      'https://pay.example.com/app/',
      'https://pay.example.com',
    ],
    [
      'https://example.com/ovozpay//',
      'https://example.com/ovozpay/app/',
      'https://example.com/ovozpay/app/',
      'https://example.com',
    ],
    [
      'https://example.com:8443/x?y=1#z',
      'https://example.com:8443/x/app/',
      'https://example.com:8443/x/app/',
      'https://example.com:8443',
    ],
    ['http://127.0.0.1:8000', 'http://127.0.0.1:8000/app/', undefined, 'http://127.0.0.1:8000'],
    [undefined, undefined, undefined, undefined],
  ])('%s → %s (Telegram: %s, origin %s)', (publicUrl, app, telegram, origin) => {
    expect(miniAppUrl(publicUrl)).toBe(app);
    expect(telegramMiniAppUrl(publicUrl)).toBe(telegram);
    expect(publicOrigin(publicUrl)).toBe(origin);
  });
});
