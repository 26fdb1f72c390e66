/**
 * Scores the compliance lint on a corpus: recall on violations (caught = an error of the expected rule), the
 * false-alarm rate on compliant lines (any error), and both per kind. Deterministic; shared by the corpus test and
 * `npm run bench`.
 */
import { lintScript, type LintFinding } from '../../scripts-library/lint';
import type { CompliantLine, LintCorpusKind, ViolationLine } from './types';

export interface KindScore {
  kind: LintCorpusKind;
  violations: number;
  caught: number;
  compliant: number;
  falseAlarms: number;
}

export interface CorpusScore {
  violations: number;
  caught: number;
  /** Caught with an error, whatever its rule. */
  blocked: number;
  compliant: number;
  falseAlarms: number;
  recall: number;
  falseAlarmRate: number;
  byKind: KindScore[];
  missed: ViolationLine[];
  alarms: { line: CompliantLine; findings: LintFinding[] }[];
}

const errorsOf = (text: string): LintFinding[] => lintScript(text).filter((finding) => finding.severity === 'error');

export function scoreCorpus(violations: readonly ViolationLine[], compliant: readonly CompliantLine[]): CorpusScore {
  const kinds = new Map<LintCorpusKind, KindScore>();
  const kindOf = (kind: LintCorpusKind) => {
    if (!kinds.has(kind)) kinds.set(kind, { kind, violations: 0, caught: 0, compliant: 0, falseAlarms: 0 });
    return kinds.get(kind)!;
  };
  const missed: ViolationLine[] = [];
  let caught = 0;
  let blocked = 0;
  for (const line of violations) {
    const errors = errorsOf(line.text);
    const score = kindOf(line.kind);
    score.violations += 1;
    if (errors.length > 0) blocked += 1;
    if (errors.some((finding) => line.rule === undefined || finding.rule === line.rule)) {
      caught += 1;
      score.caught += 1;
    } else missed.push(line);
  }
  const alarms: CorpusScore['alarms'] = [];
  for (const line of compliant) {
    const errors = errorsOf(line.text);
    const score = kindOf(line.kind);
    score.compliant += 1;
    if (errors.length > 0) {
      score.falseAlarms += 1;
      alarms.push({ line, findings: errors });
    }
  }
  return {
    violations: violations.length,
    caught,
    blocked,
    compliant: compliant.length,
    falseAlarms: alarms.length,
    recall: violations.length === 0 ? 1 : caught / violations.length,
    falseAlarmRate: compliant.length === 0 ? 0 : alarms.length / compliant.length,
    byKind: [...kinds.values()],
    missed,
    alarms,
  };
}
