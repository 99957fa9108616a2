/**
 * Questions as a hurried colleague types them: the longest word of seven letters or more with two
 * letters in its middle swapped ("inadequate" as "inadqeuate"). Asking the eval sets both ways
 * shows how much a single slip costs.
 */

/** The question with its longest word of 7+ letters misspelt by swapping its two middle letters (unchanged when it has none). */
export function misspellLongestWord(question: string): string {
  let longest: RegExpMatchArray | undefined;
  for (const match of question.matchAll(/\p{L}{7,}/gu)) if (!longest || match[0].length > longest[0].length) longest = match;
  if (!longest || longest.index === undefined) return question;
  const word = longest[0];
  const middle = Math.floor(word.length / 2);
  const slipped = word.slice(0, middle - 1) + word[middle] + word[middle - 1] + word.slice(middle + 1);
  return question.slice(0, longest.index) + slipped + question.slice(longest.index + word.length);
}
