import { describe, expect, it } from 'vitest';
import { extractFigures, FiguresIndex, loadStatsVocabulary, parseStatsQuery } from '../../src/stats/index.js';
import { FIGURES_REORDERED, loadFigureOrderModel, orderTier, parseFigureOrderModel, type FigureOrderModel } from '../../src/stats/figure-order.js';
import { FIGURE_SIGNAL_NAMES } from '../../src/stats/figure-signals.js';
import { decodeArtifact, encodeArtifact } from '../../src/store/artifact-codec.js';
import { passage } from './helpers.js';

const vocabulary = loadStatsVocabulary('data');

/** A model weighing one signal alone. */
function weighing(signal: string, weight = 1): FigureOrderModel {
  return { about: 'test', ranking: { features: [signal], mean: [0], scale: [1], weights: [weight], bias: 0 }, provenance: {} };
}

/** A made-up harbour report: one sentence states three figures, each of its own thing. */
const harbour = [
  passage('In 2024/25 Eastport ran 1,450 ferry crossings, logged 310 berth bookings and handled 12 pilot transfers.', { docId: 'eastport.md', title: 'Eastport harbour review 2024/25' }),
  passage('Pilot boats were serviced twice in 2024/25.', { docId: 'eastport.md', title: 'Eastport harbour review 2024/25', start: 200 }),
];
const index = () => new FiguresIndex(extractFigures(harbour, vocabulary), vocabulary);
const raws = (found: { raw: string }[]) => found.map((f) => f.raw);

describe('the learned order of a lookup', () => {
  it('orders a tier by score and keeps the order it came in among equals and after the first few', () => {
    expect(orderTier([1, 2, 3, 4], (n) => (n === 3 ? 1 : 0))).toEqual([3, 1, 2, 4]);
    const long = Array.from({ length: FIGURES_REORDERED + 3 }, (_, n) => n);
    // The last is scored highest, but stands beyond the figures reordered.
    expect(orderTier(long, (n) => n).slice(-3)).toEqual([FIGURES_REORDERED, FIGURES_REORDERED + 1, FIGURES_REORDERED + 2]);
    expect(orderTier(long, (n) => n)[0]).toBe(FIGURES_REORDERED - 1);
  });

  it('puts first, among the figures saying every word, the one whose own clause says them', async () => {
    const query = parseStatsQuery('eastport pilot transfers 2024/25', vocabulary);
    const search = async () => [harbour[0]!.id];
    // The search's order is the sentence's: crossings first.
    expect(raws((await index().findSearching(query, search)).figures)).toEqual(['1,450', '310', '12']);
    expect(raws((await index().findSearching(query, search, weighing('clauseCoverage'))).figures)[0]).toBe('12');
    // "eastport" stands beside the crossings: by nearness alone, the pilot transfers first, then the bookings after them.
    const pilots = parseStatsQuery('pilot transfers 2024/25', vocabulary);
    expect(raws((await index().findSearching(pilots, search, weighing('proximity'))).figures)).toEqual(['12', '310', '1,450']);
    // A saved index reads its figures' sentences from their passages, and orders them the same way.
    const passages = new Map(harbour.map((p) => [p.id, p]));
    const restored = FiguresIndex.fromSaved(decodeArtifact(encodeArtifact(index().toSaved())), (id) => passages.get(id), vocabulary);
    expect(raws((await restored.findSearching(pilots, search, weighing('proximity'))).figures)).toEqual(['12', '310', '1,450']);
  });

  it("reads the same tiers, with each figure's signals, for learning the order", async () => {
    const tiers = await index().tiersSearching(parseStatsQuery('eastport berth bookings', vocabulary), async () => [harbour[0]!.id]);
    expect(tiers).toHaveLength(2);
    expect(tiers[0]!.map(({ figure }) => figure.raw)).toEqual(['1,450', '310', '12']);
    const [crossings, bookings] = tiers[0]!.map(({ signals }) => signals);
    expect(bookings!.clauseCoverage).toBeGreaterThan(crossings!.clauseCoverage);
    expect(bookings!.searchRank).toBe(1);
  });

  it('ships weights that name only signals Citeline has, and puts the asked-for figure first', async () => {
    const shipped = await loadFigureOrderModel('data/figure-order-weights.json');
    expect(shipped.ranking.features.every((name) => (FIGURE_SIGNAL_NAMES as readonly string[]).includes(name))).toBe(true);
    expect(shipped.provenance).toHaveProperty('heldOut');
    const first = async (text: string) => raws((await index().findSearching(parseStatsQuery(text, vocabulary), async () => [harbour[0]!.id], shipped)).figures)[0];
    expect(await first('eastport berth bookings')).toBe('310');
    expect(await first('eastport pilot transfers')).toBe('12');
  });

  it('rejects a weights file naming a signal it does not have, or arrays of other lengths', () => {
    expect(() => parseFigureOrderModel(weighing('moonPhase'), 'weights.json')).toThrow(/weights.json names figure signals Citeline does not have: moonPhase/);
    const uneven = { ...weighing('proximity'), ranking: { ...weighing('proximity').ranking, mean: [0, 1] } };
    expect(() => parseFigureOrderModel(uneven, 'weights.json')).toThrow(/ranking has 1 features but arrays of other lengths/);
    expect(() => parseFigureOrderModel({ about: 'x' }, 'weights.json')).toThrow(/not a valid figure order model/);
  });
});
