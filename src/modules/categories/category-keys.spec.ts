import {
  customCategoryId,
  customCategoryKey,
  isAnyDefaultCategory,
  isDefaultCategory,
} from './category-keys';
import { defaultCategoryName } from './category-names';
import { EXPENSE_CATEGORIES, INCOME_CATEGORIES } from '../nlu/nlu.types';

describe('category keys', () => {
  it.each([
    ['expense', 'groceries', true],
    ['expense', 'other', true],
    ['expense', 'salary', false],
    ['income', 'salary', true],
    ['income', 'gifts', true],
    ['income', 'groceries', false],
    ['income', 'Salary', false],
    ['expense', 'custom:0b7f3a0e-8f43-4a53-9d2b-2d6f5f4f2a10', false],
  ] as const)('%s / %s → %s', (type, key, expected) => {
    expect(isDefaultCategory(type, key)).toBe(expected);
  });

  it.each([
    ['custom:0b7f3a0e-8f43-4a53-9d2b-2d6f5f4f2a10', '0b7f3a0e-8f43-4a53-9d2b-2d6f5f4f2a10'],
    ['custom:0B7F3A0E-8F43-4A53-9D2B-2D6F5F4F2A10', '0b7f3a0e-8f43-4a53-9d2b-2d6f5f4f2a10'],
    ['custom:not-a-uuid', null],
    ['custom:', null],
    ['groceries', null],
    ['0b7f3a0e-8f43-4a53-9d2b-2d6f5f4f2a10', null],
  ])('customCategoryId(%s) → %s', (key, id) => {
    expect(customCategoryId(key)).toBe(id);
  });

  it('round-trips custom keys', () => {
    const id = '0b7f3a0e-8f43-4a53-9d2b-2d6f5f4f2a10';
    expect(customCategoryId(customCategoryKey(id))).toBe(id);
  });

  it('knows every default key of either type', () => {
    expect(isAnyDefaultCategory('salary')).toBe(true);
    expect(isAnyDefaultCategory('groceries')).toBe(true);
    expect(isAnyDefaultCategory('food')).toBe(false);
  });

  it.each([...EXPENSE_CATEGORIES, ...INCOME_CATEGORIES])('has a name for %s in every language', (key) => {
    const names = (['ru', 'uz', 'en'] as const).map((lang) => defaultCategoryName(key, lang));
    for (const name of names) expect(name.trim()).not.toBe('');
  });

  it.each([
    ['groceries', 'ru', 'Продукты'],
    ['groceries', 'uz', 'Oziq-ovqat'],
    ['groceries', 'en', 'Groceries'],
    ['salary', 'ru', 'Зарплата'],
    ['other', 'en', 'Other'],
  ] as const)('%s in %s is %s', (key, lang, name) => {
    expect(defaultCategoryName(key, lang)).toBe(name);
  });
});
