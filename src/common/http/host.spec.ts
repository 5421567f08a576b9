import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';
import { isValidHost, linkBase } from './host';

describe('isValidHost', () => {
  it.each([
    ['localhost', true],
    ['localhost:8000', true],
    ['pay.example.uz', true],
    ['PAY.Example.UZ:443', true],
    ['127.0.0.1:40005', true],
    ['app_1:8000', true], // a Docker service name
    ['[::1]', true],
    ['[::1]:8000', true],
    ['[2001:db8::1]:443', true],
    ['', false],
    ['a b', false],
    ['[::1', false],
    ['::1', false],
    ['[zz::1]', false],
    ['evil.com@pay.uz', false],
    ['pay.uz/path', false],
    ['pay.uz:', false],
    ['pay.uz:99999', false],
    ['pay.uz:80:80', false],
    ['-pay.uz', false],
    ['pay%2euz', false],
    ['pay.uz\r\nX: y', false],
  ])('%j → %s', (host, valid) => {
    expect(isValidHost(host)).toBe(valid);
  });
});

describe('linkBase', () => {
  const req = (host: string | undefined) => ({ headers: { host }, protocol: 'http' }) as unknown as Request;
  it('uses PUBLIC_URL whatever the Host says', () => {
    expect(linkBase(req('evil.example'), 'https://pay.example.uz/')).toBe('https://pay.example.uz');
    expect(linkBase(req('a b'), 'https://pay.example.uz/ovozpay')).toBe('https://pay.example.uz/ovozpay');
  });
  it('falls back to the validated Host', () => {
    expect(linkBase(req('localhost:8000'), undefined)).toBe('http://localhost:8000');
  });
  it.each([[''], ['a b'], ['[::1'], [undefined]])(
    'refuses the Host %j without PUBLIC_URL with a DRF 400',
    (host) => {
      expect(() => linkBase(req(host), undefined)).toThrow(DomainError);
    },
  );
});
