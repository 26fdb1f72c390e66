/**
 * What never belongs in a script: a full mobile or ID number in any written form (a landline is usually the
 * company's own hotline and may stay), a bank card number said to be a person's (个人卡, 户名陈某; the company's
 * 对公账户 may stay), and a {变量} that does not exist. Variables are recognised however they are
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

/** A card or account number: 16 to 19 digits, maybe in groups (6222 0212 3456 7890 123). */
const CARD_NUMBER = /(?<![0-9０-９])[0-9０-９](?:[ \-－\u3000]?[0-9０-９]){15,18}(?![0-9０-９])/g;
/** Said to be a person's card: 个人卡, 财务人员的银行卡, 您的卡号. */
const PERSONS_CARD = /(?:个人|私人|本人|员工|职工|财务人员|管家|业主|他|她|您|你|我)(?:的)?(?:银行卡|储蓄卡|借记卡|信用卡|卡号|卡|账户|账号)[^，。；;！？!?\n]{0,5}$/;
/** Held in a person's name: 户名陈某, 户名：张先生 (not 户名某某物业服务有限公司). */
const PERSONS_NAME = /^[^。；;！？!?\n]{0,12}?户名[:：]?(?:是|为)?([\u4e00-\u9fff]{1,4}?)(?=[，,。；;\s]|$)/;
const COMPANY = /公司|物业|中心|管理处|有限|银行|见|详见|同上/;
/** The company's own account: 对公账户 (a card number there is no one's personal information). */
const CORPORATE = /对公|公司账户|单位账户|有限公司/;

/** A bank card number said to be a person's, with nothing saying it is the company's account. */
function personalCards(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const match of text.matchAll(CARD_NUMBER)) {
    const start = match.index;
    const end = start + match[0].length;
    const sentenceStart = Math.max(text.lastIndexOf('。', start), text.lastIndexOf('\n', start)) + 1;
    const nextStop = text.slice(end).search(/[。\n]/);
    const sentence = text.slice(sentenceStart, nextStop < 0 ? text.length : end + nextStop);
    if (CORPORATE.test(sentence)) continue;
    const name = PERSONS_NAME.exec(text.slice(end, end + 20));
    if (PERSONS_CARD.test(text.slice(Math.max(sentenceStart, start - 20), start)) || (name && !COMPANY.test(name[1]!))) found.push({ start, end });
  }
  return found;
}

export function identifierFindings(text: string): IdentifierFinding[] {
  const found: IdentifierFinding[] = [];
  const numbers = findPersonalNumbers(text);
  for (const number of numbers) {
    if (number.kind === 'landline') continue;
    found.push({ rule: 'personal-number', index: number.start, phrase: text.slice(number.start, number.end), ...findingTexts[number.kind] });
  }
  if (/[0-9０-９]{4}/.test(text)) {
    for (const card of personalCards(text)) {
      if (numbers.some((number) => number.start < card.end && card.start < number.end)) continue;
      found.push({ rule: 'personal-number', index: card.start, phrase: text.slice(card.start, card.end), ...findingTexts.bankCard });
    }
  }
  for (const variable of variablesIn(text)) {
    if (!isVariableName(variable.name)) found.push({ rule: 'unknown-variable', index: variable.index, phrase: variable.written, ...unknownVariableText(variable.name) });
  }
  return found;
}
