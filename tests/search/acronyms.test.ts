import { describe, expect, it } from 'vitest';
import { acronymLetters, spellsOut } from '../../src/search/acronyms.js';

describe('acronyms', () => {
  it('are words of two to six capitals, with a plural s', () => {
    expect(acronymLetters('CYP')).toBe('cyp');
    expect(acronymLetters('LAs')).toBe('la');
    expect(acronymLetters('Ofsted')).toBeUndefined();
    expect(acronymLetters('A')).toBeUndefined();
  });

  it('are spelled out by the first letters of a run of words, small words between them skipped', () => {
    expect(spellsOut('cyp', 'Children & Young People Now')).toBe(true);
    expect(spellsOut('ar', 'the chief inspector’s Annual Report for 2018/19')).toBe(true);
    expect(spellsOut('adcs', 'the Association of Directors of Children’s Services said')).toBe(true);
    // A small word may be one of the letters too, or be skipped.
    expect(spellsOut('dfe', 'the Department for Education')).toBe(true);
    expect(spellsOut('de', 'the Department for Education')).toBe(true);
  });

  it('are not spelled out by letters scattered across the text', () => {
    expect(spellsOut('jtai', 'joint inspections of targeted services in an area')).toBe(false);
    expect(spellsOut('cyp', 'children and families, young carers and people')).toBe(false);
  });

  it('of two or three letters, are spelled out only by a name written with capitals, a small word at most inside it', () => {
    // Every page has two or three everyday words that start with the letters.
    expect(spellsOut('fe', 'from each council, for Education')).toBe(false);
    expect(spellsOut('ar', 'the chief inspector’s annual report')).toBe(false);
    expect(spellsOut('ehc', 'in England, half of children were seen')).toBe(false);
    expect(spellsOut('fe', 'colleges of Further Education')).toBe(true);
    expect(spellsOut('ehc', 'an Education, Health and Care plan')).toBe(true);
    expect(spellsOut('dfe', 'the Department for Education')).toBe(true);
    expect(spellsOut('foe', 'for Our Education')).toBe(false);
    // A document's title is a name, however it is written.
    expect(spellsOut('bnw', 'A brave new world: is inspection improving children’s services?')).toBe(false);
    expect(spellsOut('bnw', 'A brave new world: is inspection improving children’s services?', { title: true })).toBe(true);
  });
});
