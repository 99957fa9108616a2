/** How a combined grade ("good or outstanding") answers a question about one grade, for extracts and figures alike. */

/** Ofsted's grades, worst first; "Adequate" is the pre-2013 grade between the two below Good. */
const GRADE_ORDER = ['Inadequate', 'Requires improvement', 'Adequate', 'Good', 'Outstanding'] as const;
const BEST_GRADE = 'Outstanding';

/**
 * The single grade a combined one also counts for. A combination that reaches the best grade reads
 * "X or better", which reports count as X ("60% good or outstanding" answers "what share were
 * good?"); of Outstanding alone it tells nothing ("82% of homes good or outstanding" is no count of
 * outstanding homes), and a combination short of the best ("inadequate or requires improvement")
 * tells of neither part.
 */
export function orBetterGrade(parts: readonly string[]): string | undefined {
  if (parts.length < 2 || !parts.includes(BEST_GRADE)) return undefined;
  return [...parts].sort((a, b) => rank(a) - rank(b))[0];
}

function rank(grade: string): number {
  const index = (GRADE_ORDER as readonly string[]).indexOf(grade);
  return index === -1 ? GRADE_ORDER.length : index;
}
