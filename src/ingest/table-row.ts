/**
 * A table row as a sentence a question can match: a report's judgement table ("Overall
 * effectiveness | Inadequate") reads "Overall effectiveness: Inadequate", further cells after
 * commas. Used for PDF rows (cells found by wide gaps) and HTML and DOCX rows (<td>, <th>).
 */
export function tableRowText(cells: readonly string[]): string {
  const filled = cells.map((cell) => cell.replace(/\s+/g, ' ').trim()).filter((cell) => cell !== '');
  if (filled.length <= 1) return filled[0] ?? '';
  const [first, ...rest] = filled;
  return `${first!.replace(/[:\s]+$/, '')}: ${rest.join(', ')}`;
}
