/**
 * Whether words are negated, on either side: 不会停水, 从不锁电梯, 我们不锁 (a single 不), and after the words —
 * 停水这种事我们不会做, 公布欠费名单是违法的, 跟征信没有关系. The negation of paying (不交, 没缴清) is a
 * condition, not a reassurance: cue spans are masked before looking, and a 不 before a paying verb is skipped. Pure.
 */
import type { Span } from './matcher';
import type { Sentence } from './sentences';
import { clauseAt } from './sentences';

/** Masks spans (cues that contain a 不, like 再不交 or 别怪) so no negation is read inside them. */
export function maskSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const chars = text.split('');
  for (const { start, end } of spans) for (let i = start; i < end; i += 1) chars[i] = '□';
  return chars.join('');
}

const NEGATOR = new RegExp(
  [
    '绝对不会', '绝不会', '绝对不', '绝不', '决不', '从来不', '从来没有?', '从不', '从没', '并没有?', '并不', '并非', '不可能', '不可以', '不允许', '不应该', '不至于',
    '不需要', '不会', '不能', '不得(?!不)', '不准', '不该', '不应', '不要', '不用', '不必', '不是', '不算', '无权', '无需', '无须', '没有权力', '没权', '禁止', '严禁',
    '杜绝', '毋', '甭',
    '(?<![识辨鉴区分告特级类个性差派组离送惜])别(?!怪|以为|说|后悔|找|来找|想|指望|人|的|墅|处|家|提|看|急)',
    '没有(?!交|缴|付|钱)',
    '没(?!法|办法|交|缴|付|钱|空|时间|事|错|想到|那么|多久|几天|什么|人|收到|查到|保障|水|电|气|暖|热)',
    '未(?!缴|交|付|清|结|经|来)',
    '(?<!不得|要)不(?![怕想管论知好然过少错光仅但止同久如够太交缴付还给让许予便方希]|限于)',
  ].join('|'),
  'g',
);

const WINDOW_BEFORE = 10;
const LIST_AFTER_PROHIBITION = /(?:不得|不能|不会|不准|不许|不可|不允许|不应|严禁|禁止|无权|绝不|杜绝)[^，,:：]{0,12}、[^，,:：]{0,30}$/;
const NOT_FOR = /(?:不会|不能|绝不|决不|从不|不得|不可能|无权|不应该|不该)(?:会)?(?:因为|为了|由于|因|仅仅因为)/;

/** A negation in the same clause, at most ten characters before the words. */
export function negatedBefore(masked: string, sentence: Sentence, start: number, reach = WINDOW_BEFORE): boolean {
  const clause = clauseAt(sentence, start);
  const from = Math.max(clause.start, start - reach);
  // 我们不会因为欠费就把您家的水电停掉: a denial of the motive governs the clause.
  if (NOT_FOR.test(masked.slice(clause.start, start))) return true;
  const before = masked.slice(clause.start, start);
  // 不得采取停止供电、供水、供热等方式: a prohibition governs the whole list after it.
  if (LIST_AFTER_PROHIBITION.test(before)) return true;
  const window = masked.slice(from, start);
  // 不收垃圾、不放访客: words with a negation of their own are not negated by the list item before them.
  const ownNegation = /^[不没别]/.test(masked[start] ?? '');
  NEGATOR.lastIndex = 0;
  for (let match = NEGATOR.exec(window); match; match = NEGATOR.exec(window)) {
    const at = from + match.index;
    if (ownNegation && masked.slice(at, start).includes('、')) continue;
    // 是不是, 会不会, 能不能: a question, not a negation.
    if (!/^[不没]/.test(match[0]) || masked[at - 1] !== masked[at + 1]) return true;
  }
  return false;
}

const ASSURANCE_AFTER = new RegExp(
  '^[^。！？!?]{0,12}?(?:' +
    [
      '违法', '错误', '错的', '撤回', '弄错', '搞错', '说错', '发错', '不合法', '违规', '侵权', '侵犯', '犯法', '不允许', '不被允许', '禁止', '不可能', '不对', '谣言', '误导', '吓唬人', '吓人', '瞎说', '乱说', '假的', '不属实',
      '不实', '不是真的', '两回事', '两码事', '无关', '不相关', '不挂钩', '扯不上', '不沾边', '不收录', '不纳入', '不报送', '不上报', '不接', '不会(?:上报|报送|纳入|收录|录入|进|上)', '不会(?:受到?)?影响', '不受(?:到)?影响', '没(?:有)?(?:受到?)?影响', '没这回事', '没有这回事',
      '不存在', '没有的事', '别信', '不要信', '别听', '别当真', '不用担心', '不必担心', '不会的', '(?:没有?|无)(?:任何)?(?:关系|关联|影响|挂钩|联系)',
      '(?:从来|绝对|肯定|当然|根本)?(?:都|也)?(?:(?:不会|不能|不得)(?:这么|这样|那样)?(?:做|干|讲|说|用)|不(?:这么|这样|那样)?(?:做|干|讲|说))(?!到)',
      '(?:没有|无)(?:这个)?(?:权力|权利|权)', '(?:绝对|肯定|当然|根本|从来)(?:都)?不会', '(?:做|干)不出', '没(?:有)?发生', '从来没有过', '[:：](?:不会|没有|不可能)', '(?:不会|没有|不)(?:有|出现|显示|记录|体现)', // 放心 reassures only when it is not followed by a promise that it will happen (你放心，我们说到做到).
      '[，,](?:您|你|请)?放心(?![，,]?(?:我们|我)?(?:说到做到|说话算话|言出必行|一定|肯定|绝对|真的|会的|必须))',
      // 物业这边查不了也报不了: the property has no way to do it.
      '(?:物业|我们|公司)(?:这边|这里|方面)?(?:也|都|根本)?(?:查不了|报不了|查不到|报不上|上报不了|管不着|没有?(?:权限|渠道|接口))', '[，,](?:我)?(?:明确|负责任地|可以)?(?:告诉您|跟您说)?[，,]?(?:不会|没有|不可能)(?:的)?(?:[，,。]|$)',
    ].join('|') +
    ')',
);

const WINDOW_AFTER = 20;

/** A denial or assurance later in the same sentence: 停水这种事我们不会做, 跟征信没有关系. */
export function negatedAfter(masked: string, sentence: Sentence, end: number): boolean {
  return ASSURANCE_AFTER.test(masked.slice(end, Math.min(sentence.end, end + WINDOW_AFTER)));
}

/** A question answered no in the next sentence: 锁电梯？绝对不会。 */
const ANSWERED_NO = /^(?:您|你)?(?:放心|当然|绝对|肯定|根本|完全|压根|压根儿)?(?:[,，])?(?:不会|不可能|没有|不存在|没这回事|哪能|怎么可能|想多了)/;

export const answeredNo = (text: string, sentence: Sentence, next: Sentence | undefined): boolean =>
  next !== undefined && /[?？]/.test(text[sentence.end] ?? '') && ANSWERED_NO.test(text.slice(next.start, next.end));

export const isNegated = (masked: string, sentence: Sentence, span: Span, reach = WINDOW_BEFORE): boolean =>
  negatedBefore(masked, sentence, span.start, reach) || negatedAfter(masked, sentence, span.end);
