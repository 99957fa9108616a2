import type { Reply } from '../answer/types.js';

/** The documented `--json` shape: {"answered","answer","confidence","citations":[{"title","source","location","extract","score"}]}. */
export function replyToJson(reply: Reply) {
  return {
    answered: reply.answered,
    answer: reply.answer,
    confidence: reply.confidence,
    citations: reply.citations.map((citation) => ({
      title: citation.title,
      source: citation.source,
      location: citation.location,
      extract: citation.extract,
      score: citation.score,
      figures: citation.figures,
    })),
  };
}
