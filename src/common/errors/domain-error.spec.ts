import { isDatabaseUnavailable } from './domain-error';

describe('isDatabaseUnavailable', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, true],
    [{ code: '08006' }, true],
    [{ message: 'Connection terminated unexpectedly' }, true],
    [{ driverError: { code: 'ECONNRESET' } }, true],
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }, false],
    [{ code: 400, message: '400: Bad Request: chat not found' }, false], // telegraf's TelegramError: numeric code
    [
      Object.assign(new Error('request to http://127.0.0.1:1/bot…/sendMessage failed'), {
        name: 'FetchError',
        code: 'ECONNREFUSED',
      }),
      false,
    ],
    [new Error('boom'), false],
    [null, false],
    [undefined, false],
  ])('%p → %p', (error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
