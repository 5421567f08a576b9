/** Pairing the items of an edited message with the rows it recorded: rows keep their ids where the item lives on. */
import type { NewTransaction } from '../../transactions/transactions.service';
import { ItemShape, matchItems, RecordedItem, reviseItems } from './item-diff';

const item = (description: string, category = 'other', type: ItemShape['type'] = 'expense'): ItemShape => ({
  type,
  category,
  description,
});
const taxi = item('такси', 'transport');
const metro = item('метро', 'transport');
const coffee = item('кофе', 'cafe');
const bread = item('хлеб', 'groceries');
const salary = item('', 'salary', 'income');

describe('matchItems', () => {
  it.each<[string, ItemShape[], ItemShape[], Array<number | null>]>([
    ['nothing changed', [taxi, coffee], [taxi, coffee], [0, 1]],
    ['the same description, whatever else changed', [coffee], [item('Кофе', 'other', 'income')], [0]],
    ['an item added at the end', [coffee], [coffee, taxi], [0, null]],
    ['an item added in front', [coffee], [taxi, coffee], [null, 0]],
    ['the first item removed: the second keeps its row', [taxi, coffee], [coffee], [1]],
    ['the last item removed', [taxi, coffee], [taxi], [0]],
    ['two items swapped', [taxi, coffee], [coffee, taxi], [1, 0]],
    ['words changed, same category: paired by category', [taxi, coffee], [coffee, metro], [1, 0]],
    ['nothing alike: paired in order', [taxi], [bread], [0]],
    ['nothing alike, one fewer: the first keeps its row', [taxi, coffee], [bread], [0]],
    [
      'no descriptions: by type and category, then in order',
      [salary, item('', 'other', 'income')],
      [item('', 'other', 'income'), salary],
      [1, 0],
    ],
    [
      'an empty description never pairs by description',
      [item('', 'transport'), item('', 'cafe')],
      [item('', 'cafe')],
      [1],
    ],
    ['a repeated description pairs in order', [coffee, item('кофе', 'cafe')], [item('кофе', 'cafe')], [0]],
    ['from nothing', [], [taxi, coffee], [null, null]],
    ['to nothing', [taxi, coffee], [], []],
  ])('%s', (_name, old, next, expected) => {
    expect(matchItems(old, next)).toEqual(expected);
  });
});

describe('reviseItems', () => {
  const AT = new Date('2026-03-10T07:00:00Z');
  const tx = (
    description: string,
    category: string,
    amountMinor: bigint,
    type: NewTransaction['type'] = 'expense',
  ): NewTransaction => ({
    type,
    amountMinor,
    currency: 'UZS',
    category,
    description,
    occurredAt: AT,
  });
  const row = (
    id: string,
    description: string,
    category: string,
    textCategory = category,
    type: RecordedItem['type'] = 'expense',
  ): RecordedItem => ({
    id,
    type,
    category,
    description,
    textCategory,
  });

  it('a paired item keeps its row id and takes the new values', () => {
    expect(reviseItems([row('r1', 'кофе', 'cafe')], [tx('кофе', 'cafe', 2_500_000n)])).toEqual([
      { ...tx('кофе', 'cafe', 2_500_000n), id: 'r1' },
    ]);
  });

  it('an unpaired item is a new row (no id)', () => {
    expect(
      reviseItems([row('r1', 'кофе', 'cafe')], [tx('кофе', 'cafe', 1n), tx('такси', 'transport', 2n)]),
    ).toEqual([{ ...tx('кофе', 'cafe', 1n), id: 'r1' }, tx('такси', 'transport', 2n)]);
  });

  it('a category chosen with 🏷 stays while the type is the same', () => {
    const chosen = row('r1', 'кофе', 'groceries', 'cafe');
    expect(reviseItems([chosen], [tx('кофе', 'cafe', 1_800_000n)])[0]).toMatchObject({
      id: 'r1',
      category: 'groceries',
    });
  });

  it('a chosen category gives way when the type changes (it would not fit)', () => {
    const chosen = row('r1', 'кофе', 'groceries', 'cafe');
    expect(reviseItems([chosen], [tx('кофе', 'other', 1_800_000n, 'income')])[0]).toMatchObject({
      id: 'r1',
      type: 'income',
      category: 'other',
    });
  });

  it('a category the text gave follows the new text', () => {
    expect(reviseItems([row('r1', 'такси', 'transport')], [tx('обед', 'cafe', 1n)])[0]).toMatchObject({
      id: 'r1',
      category: 'cafe',
      description: 'обед',
    });
  });

  it('pairs on the category the text gave, not the chosen one', () => {
    const rows = [row('r1', '', 'groceries', 'cafe'), row('r2', '', 'transport')];
    expect(
      reviseItems(rows, [tx('', 'transport', 1n), tx('', 'cafe', 2n)]).map((r) => [r.id, r.category]),
    ).toEqual([
      ['r2', 'transport'],
      ['r1', 'groceries'],
    ]);
  });
});
