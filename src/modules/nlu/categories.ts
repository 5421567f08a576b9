/** Display names of the category keys (docs/interface.md §6) in the three languages. */
import type { CategoryKey, Language } from './nlu.types';

export const CATEGORY_NAMES: Record<CategoryKey, Record<Language, string>> = {
  groceries: { ru: 'Продукты', uz: 'Oziq-ovqat', en: 'Groceries' },
  cafe: { ru: 'Кафе и рестораны', uz: 'Kafe va restoranlar', en: 'Cafes & restaurants' },
  transport: { ru: 'Транспорт', uz: 'Transport', en: 'Transport' },
  housing: { ru: 'Жильё и коммуналка', uz: 'Uy-joy va kommunal', en: 'Housing & utilities' },
  communication: { ru: 'Связь и интернет', uz: 'Aloqa va internet', en: 'Phone & internet' },
  health: { ru: 'Здоровье', uz: 'Sogʻliq', en: 'Health' },
  clothing: { ru: 'Одежда и обувь', uz: 'Kiyim-kechak', en: 'Clothing' },
  shopping: { ru: 'Покупки', uz: 'Xaridlar', en: 'Shopping' },
  entertainment: { ru: 'Развлечения', uz: 'Koʻngilochar', en: 'Entertainment' },
  education: { ru: 'Образование', uz: 'Taʼlim', en: 'Education' },
  gifts: { ru: 'Подарки', uz: 'Sovgʻalar', en: 'Gifts' },
  other: { ru: 'Прочее', uz: 'Boshqa', en: 'Other' },
  salary: { ru: 'Зарплата', uz: 'Maosh', en: 'Salary' },
  freelance: { ru: 'Фриланс', uz: 'Frilans', en: 'Freelance' },
  business: { ru: 'Бизнес и продажи', uz: 'Biznes va savdo', en: 'Business & sales' },
  investments: { ru: 'Инвестиции', uz: 'Investitsiyalar', en: 'Investments' },
};

export function categoryName(key: CategoryKey, lang: Language): string {
  const names = CATEGORY_NAMES[key] ?? CATEGORY_NAMES.other;
  return names[lang] ?? names.ru;
}
