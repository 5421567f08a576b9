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

  it('never throws', () => {
    expect(merchantCategory(undefined as unknown as string)).toBeNull();
    expect(merchantCategory('x'.repeat(10_000))).toBeNull();
  });
});
