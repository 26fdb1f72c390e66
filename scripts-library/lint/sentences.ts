/** Sentences and clauses of a normalised text: the scope of a cue, and of a negation. Pure. */
import type { Span } from './matcher';

export interface Sentence extends Span {
  /** The clauses, split at commas and colons (a 、 list stays one clause: 不会停水、停电). */
  clauses: Span[];
}

const SENTENCE_END = /[。！？!?；;\n]/;
const CLAUSE_END = /[，,：:()（）]/;

export function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  let clauseStart = 0;
  let clauses: Span[] = [];
  for (let i = 0; i <= text.length; i += 1) {
    const ch = text[i] ?? '\n';
    if (CLAUSE_END.test(ch) || SENTENCE_END.test(ch)) {
      if (i > clauseStart) clauses.push({ start: clauseStart, end: i });
      clauseStart = i + 1;
    }
    if (SENTENCE_END.test(ch)) {
      if (i > start) sentences.push({ start, end: i, clauses });
      start = i + 1;
      clauses = [];
    }
  }
  return sentences;
}

/** The clause that holds a position (the sentence itself when none does). */
export function clauseAt(sentence: Sentence, at: number): Span {
  return sentence.clauses.find((clause) => at >= clause.start && at < clause.end) ?? sentence;
}
