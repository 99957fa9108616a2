import { describe, expect, it } from 'vitest';
import { loadSearchVocabulary } from '../../src/search/vocabulary.js';

const { areas } = await loadSearchVocabulary('data');

describe('judgement areas', () => {
  it('names the parts of the service a text speaks of, however they are written', () => {
    expect(areas.find('a judgement of inadequate for overall effectiveness')).toEqual(['Overall effectiveness']);
    expect(areas.find('3. Leadership, management and governance Good')).toEqual(['Leadership']);
    expect(areas.find('the experiences and progress of care leavers and looked-after children')).toEqual(['Children in care', 'Care leavers']);
    expect(areas.find('Children who need help and protection: requires improvement')).toEqual(['Help and protection']);
    expect(areas.find('what % were good for help & protection?')).toEqual(['Help and protection']);
  });

  it('names none in a text about the service as a whole', () => {
    expect(areas.find('Services for children in Manchester are no longer inadequate.')).toEqual([]);
    expect(areas.find('overall, councils did better')).toEqual([]);
  });
});
