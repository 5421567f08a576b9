import {
  FAMILY_PENDING_TTL_MS,
  familyPending,
  isFamilyWord,
  readFamilyPending,
  readHouseholdName,
} from './family-pending';

const NOW = new Date('2026-12-01T10:00:00Z');

describe('the household questions in the session state', () => {
  it('reads back what it wrote, and forgets it after a day', () => {
    const p = familyPending('rename', NOW);
    expect(readFamilyPending(JSON.parse(JSON.stringify(p)), NOW)).toEqual(p);
    expect(readFamilyPending(p, new Date(NOW.getTime() + FAMILY_PENDING_TTL_MS + 1))).toBeNull();
  });

  it.each([
    null,
    {},
    { awaiting: 'amount', id: 'x', askedAt: NOW.toISOString(), items: [] },
    { awaiting: 'family', step: 'other', id: 'x', askedAt: NOW.toISOString() },
    { awaiting: 'family', step: 'name', askedAt: NOW.toISOString() },
    { awaiting: 'family', step: 'name', id: 'x', askedAt: 'yesterday' },
  ])('%# ignores anything else: %j', (state) => {
    expect(readFamilyPending(state, NOW)).toBeNull();
  });
});

describe('household names and the family word', () => {
  it('trims and joins spaces; refuses empty and over 100 characters', () => {
    expect(readHouseholdName('  Каримовы \n  дома ')).toBe('Каримовы дома');
    expect(readHouseholdName('   ')).toBeNull();
    expect(readHouseholdName('a'.repeat(100))).toBe('a'.repeat(100));
    expect(readHouseholdName('a'.repeat(101))).toBeNull();
  });

  it.each(['семья', 'Семья', 'oila', 'OILA!', 'family', ' Family? '])('%s opens the card', (text) => {
    expect(isFamilyWord(text)).toBe(true);
  });

  it.each(['в семью', 'oilaga', 'family 5000', 'семья 20000', 'families'])('%s does not', (text) => {
    expect(isFamilyWord(text)).toBe(false);
  });
});
