/**
 * What never belongs in a script: a full mobile or ID number in any written form (a landline is usually the
 * company's own hotline and may stay), and a {变量} that does not exist. Variables are recognised however they are
 * spaced or however wide their braces: { 称呼 } and ｛称呼｝ are the variable 称呼. Read on the original text. Pure.
 */
import { findPersonalNumbers } from '../../domain/personal-numbers';
import { isVariableName, variablesIn } from '../variables';
import { findingTexts, unknownVariableText, type FindingText } from './messages';

export interface IdentifierFinding extends FindingText {
  rule: 'personal-number' | 'unknown-variable';
  index: number;
  phrase: string;
}


export function identifierFindings(text: string): IdentifierFinding[] {
  const found: IdentifierFinding[] = [];
  for (const number of findPersonalNumbers(text)) {
    if (number.kind === 'landline') continue;
    found.push({ rule: 'personal-number', index: number.start, phrase: text.slice(number.start, number.end), ...findingTexts[number.kind] });
  }
  for (const variable of variablesIn(text)) {
    if (!isVariableName(variable.name)) found.push({ rule: 'unknown-variable', index: variable.index, phrase: variable.written, ...unknownVariableText(variable.name) });
  }
  return found;
}
