/**
 * Insults, blunt (老赖, 没素质), sarcastic (住得起…交不起, 几百块都拿不出来, 您可真会算计) and regional (扑街,
 * 瓜娃子, 赤佬). Only an explicit denial before the word lifts it (我没说您是老赖, 您不是…), or a disowning after
 * it (这种叫法我们绝对不用); a command is no denial (别跟我耍赖). Pure.
 */
import type { Lexicons } from './lexicon-set';
import type { Span } from './matcher';
import { negatedAfter } from './negation';
import { clauseAt, type Sentence } from './sentences';

/** Sarcasm and insults that need their company to be insults. */
const SHAPES = new RegExp(
  [
    '(?:住|买|开)得起[^。！？!?]{0,14}(?:交|缴|付)不起',
    '(?:开着|住着|开的是|住的是|戴着|穿着|背着|拿着)[^。！？!?]{0,12}(?:车|房|别墅|豪宅|大平层|名表|名牌|包|手机|宝马|奔驰|奥迪|保时捷|路虎|特斯拉)[^。！？!?]{0,14}(?:交|缴|付)不起',
    '(?:交|缴|付)不起(?:就)?(?:别|不要)(?:住|买)',
    '(?:这点|这么点|这几个|几个|几百块|几百|几十块|这几百块|几千块|一两千)(?:钱|块)?[^，。！？,!?]{0,6}?(?:都|也)(?:舍不得|拿不出|交不起|缴不起|要拖|要赖|掏不出|付不起|出不起)',
    '(?:还)?住什么(?:小区|房子|楼房|大房子|好房子)', '(?:当初|那您|那你|还)买什么(?:房|房子|车)', '(?:交|缴|付)不起(?:还)?(?:住|买)', '穷(?:就|还|得)(?:直说|别|装|说|认)',
    '(?:乡下|农村|外地|山沟|山里|小地方|穷地方)(?:来的|人|出来的)(?:是不是|就是|都|果然|就|素质|没|懂|哪)', '(?:你们|您们)(?:乡下|农村|外地|山沟|山里|小地方)(?:人|来的)',
    '(?:就|瞧|看)(?:您|你)(?:这|那)(?:个|副)?[^，。！？,!?]{0,3}?(?:素质|德行|德性|熊样|样子|样儿|(?<!怎么|这|那|一|多)样)(?!的)', '什么素质', '佩服[^，。！？,!?]{0,3}脸皮', '(?:跟|像)(?:头|个|只|条)?(?:驴|猪|狗|木头|傻子)(?:似的|一样)', '占(?:了|尽|够)?[^，。！？,!?]{0,3}便宜', '脸皮[^，。！？,!?]{0,6}(?:可以|够|硬|大)', '(?:脑子|脑袋|脑壳)[^，。！？,!?]{0,6}(?:被门|被驴|进水|秀逗|短路|有坑|浆糊|豆腐渣)',
    '算盘(?:珠子)?[^，。！？,!?]{0,4}(?:崩|打得|响|精)', '(?:真|也|倒)是(?:个)?(?:老赖|无赖|奇葩|极品|人才)(?:业主)?',
    '连[^，。！？,!?]{0,8}(?:都|也)(?:交不起|缴不起|拿不出|舍不得|掏不出)',
    '(?:老板|大老板|大款|有钱人|土豪|开宝马的|开奔驰的)[^，。！？,!?]{0,4}(?:还)?(?:差|缺|在乎|心疼)(?:这|那)?(?:几百|几十|几千|点|么点)',
    '脸皮[^，。！？,!?]{0,6}厚', '没钱(?:就)?(?:别|不要)(?:学|装|住|买)', '(?:真|是)[^，。！？,!?]{0,4}还是装',
    '(?:还|也|真)好意思', '(?<!不)好意思(?:吗|么|不交|拖|欠|说)',
    '真会(?:算计|占便宜)', '好算盘', '算盘打得',
    '装(?:傻|糊涂|聋作哑|死|蒜|可怜)', '装什么(?:穷|可怜|糊涂)?(?=[，。！？,!?]|$)', '别装了',
    '(?:你|您|你们|这种人|这人)(?:就是|真是|简直是|是)?(?:个|一个)?(?:骗子|垃圾|废物|无赖)', '(?:垃圾|废物)(?:业主|住户|人|东西|玩意)', '骗谁',
    '素质(?:太|真的|真|很|实在|这么|那么|也太|好)?(?:差|低|烂)', '欠(?:钱|费)的(?:是|才是)大爷', '有没有素质', '素质呢',
    '(?:脑子|脑袋|脑壳)(?:是不是)?(?:有病|有毛病|进水|坏了|瓦特|有包|秀逗)',
    '(?:你|您)(?:是不是|是)(?:傻|蠢|笨|瞎|聋|疯)(?:了|啊|呀|的)?(?=[，。！？,!?]|$)', '(?:你|您)(?:是不是)?有(?:病|毛病)',
  ].join('|'),
  'g',
);

/**
 * Sarcasm that is praise elsewhere (您可真会过日子 about the garden): an insult only with the fee in the same sentence
 * (您可真是个人才，住这么大的房子连物业费都要赖).
 */
const SARCASM = new RegExp(
  [
    '最会过日子', '可真(?:会|行|有本事|能耐|厉害|是个人才|够可以|有你的|有您的|大方|慷慨|有钱|潇洒)', '真(?:大方|慷慨|潇洒)', '真会(?:算|过日子|省)', '真(?:是|是个)人才', '(?:真|也)(?:是)?(?:够|太)可以的', '真有(?:你|您)的',
    '佩服佩服', '厉害厉害', '服了(?:你|您)', '(?:你|您)(?:可)?真行', '好样的', '真是绝了', '了不起啊', '厉害了', '高啊', '人才啊',
  ].join('|'),
  'g',
);
const FEE_IN_SENTENCE = /欠|交|缴|费|钱|赖|拖|投诉/;

/** An explicit denial just before: 我没说您是…, 您不是…, 从没把您当…. */
const DENIED_BEFORE = /(?:(?<!是)不是|没说|别说|不要说|别觉得|别把自己|没有说|不会说|不会叫|不该叫|不能叫|不要叫|别叫|没把|不把|没当|不当|从没|从来没|从不|绝不|并非|绝对不是|不算|谁说|哪是|不是说|不能说|不可以说|不许说|不准说|不得说|不该说|不应该说|禁止说|严禁说|不能骂|不要骂|别骂|不许骂|不得骂|不能用|不得用|禁止用|严禁用|不能称|不得称|(?<![就也])不叫|不称|不骂|从不叫)[^，。！？,!?]{0,6}(?:、[^，。！？,!?、]{0,6})*$/;
/** Calling it out as a word: 这种叫法我们绝对不用, 这个说法不对. */
const DISOWNED_AFTER = /^[^。！？!?]{0,10}(?:叫法|说法|称呼|字眼|词)[^。！？!?]{0,8}(?:不用|不说|不叫|不该|不能|不对|不好|不礼貌)/;
/** Sarcasm that keeps the insult: 您不是老赖是什么. */
const STILL_MEANT = /^(?:是什么|还能是什么|又是什么|谁是)/;

export function insultsIn(lex: Lexicons, text: string, masked: string, sentence: Sentence): Span[] {
  const slice = text.slice(sentence.start, sentence.end);
  SHAPES.lastIndex = 0;
  const hits: Span[] = [
    ...lex.insults.find(text, sentence.start, sentence.end),
    ...[...slice.matchAll(SHAPES)].map((match) => ({ start: sentence.start + match.index, end: sentence.start + match.index + match[0].length })),
  ];
  if (FEE_IN_SENTENCE.test(slice)) {
    SARCASM.lastIndex = 0;
    for (const match of slice.matchAll(SARCASM)) hits.push({ start: sentence.start + match.index, end: sentence.start + match.index + match[0].length });
  }
  return hits.filter((hit) => {
    const clause = clauseAt(sentence, hit.start);
    if (STILL_MEANT.test(text.slice(hit.end, hit.end + 5))) return true;
    const denied = DENIED_BEFORE.test(text.slice(clause.start, hit.start));
    return !(denied || DISOWNED_AFTER.test(text.slice(hit.end, sentence.end)) || (negatedAfter(masked, sentence, hit.end) && /叫法|说法|称呼/.test(slice)));
  });
}
