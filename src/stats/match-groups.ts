/** The figures matched for a question, laid out for display: side by side by what each measures. */
import type { Figure, FigureMatch, FigureMatchGroup } from './types.js';

/** "Inadequate · percent · local authorities". */
export function measureOf(figure: Figure): string {
  return [figure.grade ?? 'no grade', figure.unit, figure.counted ?? 'unspecified'].join(' · ');
}

/**
 * Lays the strongest matches side by side by what they measure, so that other periods and
 * sources giving the same kind of figure show rather than one being picked silently.
 * `within`: how far below the best confidence a match may be and still be shown.
 */
export function groupMatches(matches: FigureMatch[], within = 0.15): FigureMatchGroup[] {
  const best = matches[0]?.confidence ?? 0;
  const strong = matches.filter((m) => m.confidence >= best - within);
  const groups = new Map<string, FigureMatch[]>();
  for (const match of strong) groups.set(match.measure, [...(groups.get(match.measure) ?? []), match]);
  return [...groups].map(([measure, members]) => {
    const ordered = [...members].sort((a, b) => (a.figure.period?.sortKey ?? '').localeCompare(b.figure.period?.sortKey ?? '') || a.figure.citation.docId.localeCompare(b.figure.citation.docId));
    const valuesByPeriod = new Map<string, Set<number>>();
    for (const m of ordered) {
      const label = m.figure.period?.label ?? 'no period';
      valuesByPeriod.set(label, (valuesByPeriod.get(label) ?? new Set()).add(m.figure.value));
    }
    return {
      measure,
      matches: ordered,
      periods: [...new Set(ordered.map((m) => m.figure.period?.label ?? 'no period'))],
      docIds: [...new Set(ordered.map((m) => m.figure.citation.docId))],
      disagreement: [...valuesByPeriod.values()].some((values) => values.size > 1),
    };
  });
}

