/** The reply is data; src/answer/render-terminal.ts and src/slack/blocks.ts render it. */

export interface Citation {
  passageId: string;
  /** The document's key in the index (its path under the reports folder). */
  docId: string;
  title: string;
  source: string;
  /** Where in the document: "p. 3" or a section heading. */
  location: string;
  /** The quoted sentences, exactly as they stand in the report. */
  extract: string;
  /**
   * The extract's best sentence, as character offsets into `extract`: the line the answer rests on,
   * shown bold in Slack and highlighted in the terminal. Absent when the whole extract is that sentence.
   */
  focus?: { start: number; end: number };
  /** The page the extract starts on, for linking into a PDF (`#page=N`); absent for documents without pages. */
  page?: number;
  score: number;
  /** Figures in the extract that match what the question asks for (e.g. "28%"). */
  figures: string[];
}

export interface Reply {
  question: string;
  /** False when the reports do not seem to answer: `citations` are then the closest extracts, shown as such. */
  answered: boolean;
  /** The lead: the best sentence, or the no-answer text. */
  answer: string;
  /** 0..1, how strongly the evidence supports the lead. */
  confidence: number;
  citations: Citation[];
}
