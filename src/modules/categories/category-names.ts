/**
 * Names of the default categories as users see them (ru, uz Latin, en). The parser module is to export its own
 * `categoryName(key, lang)`; until then this table is the one the REST API and the bot use.
 */
import type { CategoryKey, Language } from '../nlu/nlu.types';

const NAMES: Record<CategoryKey, Record<Language, string>> = {
  groceries: { ru: 'Продукты', uz: 'Oziq-ovqat', en: 'Groceries' },
  cafe: { ru: 'Кафе и рестораны', uz: 'Kafe va restoranlar', en: 'Cafes and restaurants' },
  transport: { ru: 'Транспорт', uz: 'Transport', en: 'Transport' },
  housing: { ru: 'Жильё и коммунальные услуги', uz: 'Uy-joy va kommunal xizmatlar', en: 'Housing and utilities' },
  communication: { ru: 'Связь и интернет', uz: 'Aloqa va internet', en: 'Phone and internet' },
  health: { ru: 'Здоровье', uz: 'Sogʻliq', en: 'Health' },
  clothing: { ru: 'Одежда', uz: 'Kiyim-kechak', en: 'Clothing' },
  shopping: { ru: 'Покупки', uz: 'Xaridlar', en: 'Shopping' },
  entertainment: { ru: 'Развлечения', uz: 'Koʻngilochar', en: 'Entertainment' },
  education: { ru: 'Образование', uz: 'Taʼlim', en: 'Education' },
  gifts: { ru: 'Подарки', uz: 'Sovgʻalar', en: 'Gifts' },
  other: { ru: 'Другое', uz: 'Boshqa', en: 'Other' },
  salary: { ru: 'Зарплата', uz: 'Maosh', en: 'Salary' },
  freelance: { ru: 'Фриланс', uz: 'Frilans', en: 'Freelance' },
  business: { ru: 'Бизнес', uz: 'Biznes', en: 'Business' },
  investments: { ru: 'Инвестиции', uz: 'Investitsiyalar', en: 'Investments' },
};

export function defaultCategoryName(key: CategoryKey, lang: Language): string {
  return NAMES[key][lang] ?? NAMES[key].ru;
}
