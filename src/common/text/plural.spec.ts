import { pluralEn, pluralRu } from './plural';

const RECORD: readonly [string, string, string] = ['запись', 'записи', 'записей'];

describe('plural forms', () => {
  it.each([
    [0, 'записей'],
    [1, 'запись'],
    [2, 'записи'],
    [4, 'записи'],
    [5, 'записей'],
    [11, 'записей'],
    [12, 'записей'],
    [14, 'записей'],
    [21, 'запись'],
    [22, 'записи'],
    [25, 'записей'],
    [101, 'запись'],
    [111, 'записей'],
    [112, 'записей'],
    [1_000_001n, 'запись'],
  ])('ru %s %s', (n, form) => {
    expect(pluralRu(n, RECORD)).toBe(form);
  });

  it.each([
    [0, 'records'],
    [1, 'record'],
    [2, 'records'],
    [21, 'records'],
  ])('en %s %s', (n, form) => {
    expect(pluralEn(n, 'record', 'records')).toBe(form);
  });
});
