import { merchantCategory } from './merchants';

describe('merchantCategory', () => {
  it.each([
    ['MAKRO YUNUSABAD', 'groceries'],
    ['KORZINKA.UZ CHILONZOR', 'groceries'],
    ['Корзинка Сергели', 'groceries'],
    ['HAVAS 24', 'groceries'],
    ['CARREFOUR SAMARQAND DARVOZA', 'groceries'],
    ['BARAKA MARKET', 'groceries'],
    ['EVOS-12', 'cafe'],
    ['SAFIA BAKERY', 'cafe'],
    ['OQTEPA LAVASH MINOR', 'cafe'],
    ['KFC TASHKENT CITY', 'cafe'],
    ['BON! CAFE', 'cafe'],
    ['RESTORAN ZARAFSHON', 'cafe'],
    ['Кафе Ширин', 'cafe'],
    ['YANDEX.GO', 'transport'],
    ['YANDEX GO', 'transport'],
    ['MYTAXI', 'transport'],
    ['UZAUTO MOTORS', 'transport'],
    ['MUSTANG AZS-4', 'transport'],
    ['LUKOIL 12', 'transport'],
    ['AGZS NUR', 'transport'],
    ['АЗС №5', 'transport'],
    ['PAYME*UZMOBILE', 'communication'],
    ['BEELINE UZ', 'communication'],
    ['UCELL', 'communication'],
    ['MOBIUZ', 'communication'],
    ['UZTELECOM', 'communication'],
    ['SARKOR TELECOM', 'communication'],
    ['CLICK*HUDUDGAZ', 'housing'],
    ['APTEKA 777', 'health'],
    ['Аптека Дори-Дармон', 'health'],
    ['GRAND PHARM', 'health'],
    ['TEXNOMART SERGELI', 'shopping'],
    ['MEDIAPARK', 'shopping'],
    ['ARTEL BRAND STORE', 'shopping'],
    ['KORZINKA CAFE', 'groceries'],
  ] as const)('%s → %s', (merchant, category) => {
    expect(merchantCategory(merchant)).toBe(category);
  });

  it.each(['CLICK', 'PAYME', 'PAYME P2P', 'KARIMOV A.', 'BOBUR T.', '', 'HUMO SMS'])(
    '%s says nothing',
    (merchant) => {
      expect(merchantCategory(merchant)).toBeNull();
    },
  );

  it.each([
    // the lexicons read the words when no brand matches (lexicon.ru/uz/en.ts)
    ['ELEKTRON DUNYO', 'shopping'],
    ['ELECTRONICS MALL', 'shopping'],
    ['TEXNIKA OLAMI', 'shopping'],
    ['MEBEL CITY', 'shopping'],
    ['HOME FURNITURE', 'shopping'],
    ['NON UYI', 'groceries'],
    ['CITY MARKET', 'groceries'],
    ['FAMILY MART', 'groceries'],
    ['GOLDEN BAKERY', 'groceries'],
    ['ПЕКАРНЯ ХЛЕБ', 'groceries'],
    ['CHOYXONA ZIYO', 'cafe'],
    // the spellings of choyxona on signs: one letter off, two letters off, Russian in Uzbek Latin
    ['CHOYXANA ZIYO', 'cafe'],
    ['CHAYXONA ZIYO', 'cafe'],
    ['CHAYXANA ZIYO', 'cafe'],
    ['ЧАЙХАНА ЗИЁ', 'cafe'],
    ['FASTFOOD MAX', 'cafe'],
    ['SILK AIRLINES', 'transport'],
    ['UZBEKISTAN AIRWAYS', 'transport'],
    ['AVIAKASSA', 'transport'],
    ['AGZS 7', 'transport'],
    ['DORIXONA 24', 'health'],
    ['STOMATOLOGIYA DENT', 'health'],
    ['PHARM PLUS', 'health'],
    ['ENERGOSBYT', 'housing'],
    ['SUVOQOVA TOSHKENT', 'housing'],
    ['HUDUDGAZ SAMARQAND', 'housing'],
    ['GOOGLE PLAY', 'entertainment'],
    ['MOVIE WORLD', 'entertainment'],
    ['XUSUSIY BOGCHA', 'education'],
    ['MAKTAB 45', 'education'],
    // Russian words printed in Uzbek Latin (x for х)
    ['XOZTOVARY', 'shopping'],
    ['XLEB DOMASHNIY', 'groceries'],
    // the strongest word wins: a café (cafe^) in a cinema
    ['KINO CAFE', 'cafe'],
    // a brand with a generic word is the brand's: Baraka Market; "Baraka" alone is a word of many names
    ['OSHXONA BARAKA', 'cafe'],
    ['CLICK APTEKA', 'health'],
    ['UZUM TEZKOR', 'cafe'],
  ] as const)('%s → %s (the lexicons)', (merchant, category) => {
    expect(merchantCategory(merchant)).toBe(category);
  });

  it.each([
    ['ZARPLATA ORIENT', 'salary'],
    ['ЗАРПЛАТА ООО ОРИЕНТ', 'salary'],
    ['ISH HAQI MCHJ', 'salary'],
    ['MAOSH', 'salary'],
    ['OYLIK AVANS', 'salary'],
    ['SALARY PAYMENT', 'salary'],
    ['INVEST DIVIDEND', 'investments'],
  ] as const)('money in from %s → %s', (sender, category) => {
    expect(merchantCategory(sender, 'income')).toBe(category);
  });

  it.each([
    ['APTEKA 777', 'income'],
    ['KORZINKA', 'income'],
    ['ZARPLATA ORIENT', 'expense'],
    ['UZUM BANK', 'expense'],
    ['ABDULLAEVA GULI', 'expense'],
    ['GULI A.', 'expense'],
    ['ALIYEVA MALIKA', 'income'],
    ['ORIENT LOGISTIKA', 'expense'],
    ['GLOBAL TRADE GROUP', 'expense'],
  ] as const)('%s says nothing on the %s side', (text, side) => {
    expect(merchantCategory(text, side)).toBeNull();
  });

  it('never throws', () => {
    expect(merchantCategory(undefined as unknown as string)).toBeNull();
    expect(merchantCategory('x'.repeat(10_000))).toBeNull();
  });
});
