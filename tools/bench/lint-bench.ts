/**
 * The compliance lint: recall on its evaluation corpus, false alarms, per kind, the holdouts, and lint time per
 * 200-character line — beside the regex lint it replaced (kept here only as a baseline, run in the same process).
 */
import { findPersonalNumbers } from '../../domain/personal-numbers';
import { isVariableName, variablesIn } from '../../scripts-library/variables';
import { lintScript } from '../../scripts-library/lint';
import { compliant } from '../../tests/lint-corpus/compliant';
import { scoreCorpus, type CorpusScore } from '../../tests/lint-corpus/evaluate';
import { freshSets } from '../../tests/lint-corpus/fresh';
import { holdouts } from '../../tests/lint-corpus/holdout';
import type { CompliantLine, ViolationLine } from '../../tests/lint-corpus/types';
import { violations } from '../../tests/lint-corpus/violations';
import { percentile, report } from './stats';

// ── The regex lint before the rebuild (baseline only) ─────────────────────────────────────────────────
interface OldFinding {
  severity: 'error' | 'warning';
  rule: string;
  phrase: string;
  index: number;
  message: string;
}

interface Rule {
  rule: string;
  severity: 'error' | 'warning';
  patterns: RegExp[];
  message: string;
  /** "不会停水" reassures rather than threatens: skip matches with a negation just before them. */
  negatable: boolean;
  /** Only counts when one of these words is near (for words that are harmless on their own). */
  near?: RegExp;
}

const NEGATION = /(不会|不能|不得|不可能|不可以|不允许|绝不|决不|从不|并不|并没有|没有|无权|不应|禁止物业|法律禁止|依法不)[^，。！？；,.!?;]{0,6}$/;

const WHO = '(你|您|你们|您们|你家|您家|你们家)?(的)?';
/** A few more words of the same clause (no punctuation in between). */
const CLAUSE = '[^，。！？；,.!?;]{0,8}?';
const UTILITY = '(水电气|水电|水|电|暖气|供暖|暖|燃气|天然气|煤气|气)';
const ACCESS = '(电梯|梯控|门禁卡|门禁|门卡|电梯卡|车库|道闸|单元门|大门|停车卡)';

const RULES: Rule[] = [
  {
    rule: 'utility-cut',
    severity: 'error',
    negatable: true,
    message: '威胁停水、停电、停暖、停气或锁电梯、停门禁：民法典第944条禁止物业以此催缴，话术不得出现。',
    patterns: [
      new RegExp(`(停|断|切断|掐断|关掉|停掉|断掉|拉闸断)${WHO}${UTILITY}`),
      new RegExp(`${UTILITY}${CLAUSE}(停掉|断掉|切断|掐断|关掉|停供|断供|停了|断了|停止供应)`),
      new RegExp(`把${WHO}${UTILITY}(给)?(停|断|关|掐|切)`),
      /拉闸|限电|断供|停供|停止供(水|电|暖|气)/,
      new RegExp(`${ACCESS}${CLAUSE}(停用|停掉|锁了|锁掉|锁上|锁起来|关闭|注销|禁用|失效|用不了|不能用|刷不开|不让用|不给用)`),
      new RegExp(`(锁|停|关|封)(掉|了|上)?${WHO}${ACCESS}`),
      new RegExp(`把${WHO}${ACCESS}(给)?(锁|停|关|注销|封)`),
      /(不让|不给|不准|禁止)(你|您|你们|您们)?(家)?(的车)?(进|出|进出|回家|进小区|进大门|开车进|上楼)/,
    ],
  },
  {
    rule: 'publicise',
    severity: 'error',
    negatable: true,
    message: '威胁公开业主姓名或欠费：公示、曝光欠费业主侵犯隐私（民法典第1034条、个人信息保护法），话术不得出现。',
    patterns: [/曝光|黑名单|欠费名单|欠费榜|老赖榜|挂出来|挂出去|贴出来|晒出来|点名批评|上墙/],
  },
  {
    rule: 'publicise',
    severity: 'error',
    negatable: true,
    message: '威胁公开业主姓名或欠费：公示、曝光欠费业主侵犯隐私（民法典第1034条、个人信息保护法），话术不得出现。',
    patterns: [/公示|公布|通报|张贴|贴在|贴到|发到.{0,4}群|群里(说|发|讲|公布|通报)|公告栏|宣传栏|电梯(口|间|里).{0,3}贴/],
    near: /(名字|姓名|名单|欠费|欠款|房号|门牌|你家|您家|你们家|谁没交|没交的)/,
  },
  {
    rule: 'credit',
    severity: 'error',
    negatable: true,
    message: '称欠物业费会影响征信或信用记录：物业费不直接报送征信系统，这种说法有误导性，话术不得出现。',
    patterns: [/征信|信用记录|信用报告|个人信用|信用分|信用评分|信用卡(会)?受影响|影响.{0,6}(贷款|房贷|车贷|买房|坐飞机|坐高铁|孩子上学|子女上学|考公|政审)/],
  },
  {
    rule: 'insult',
    severity: 'error',
    negatable: false,
    message: '侮辱或贬低业主的用语：坚定可以，但不能伤人，话术不得出现。',
    patterns: [
      /老赖|赖账|耍赖|无赖|不要脸|没脸没皮|没素质|素质(太)?(差|低)|穷鬼|骗子|白眼狼|铁公鸡|占便宜|抠门|丢人现眼|可耻|垃圾|废物|蠢货|笨蛋|混蛋|王八|他妈的|你妈|找死|去死|该死|滚蛋|给我滚|滚出|神经病|脑子(有病|进水)|有病吧|算什么东西/,
    ],
  },
  {
    rule: 'pressure',
    severity: 'warning',
    negatable: false,
    message: '语气较重，请再看一眼：可以坦率说明后续程序，但不要变成威胁或逼迫。',
    patterns: [/后果自负|别怪(我们)?|否则|不然的话|最后一次|最后通牒|限你|必须马上|立刻|立即|马上交|法院|起诉|诉讼|打官司|吃官司|律师函|强制执行|失信|追究|走法律程序|上门讨/],
  },
  {
    rule: 'shaming',
    severity: 'warning',
    negatable: false,
    message: '拿邻居比较或施加羞辱感，容易激化矛盾：每户的物业费是自己的约定，就事论事更好。',
    patterns: [/就(剩)?(您|你)(一家|家)?(没交|还没交|不交)|全(楼|小区)就(您|你)|别人都交了|大家都交了就/],
  },
];


function isNegated(text: string, index: number): boolean {
  return NEGATION.test(text.slice(Math.max(0, index - 12), index));
}

function oldLintScript(text: string): OldFinding[] {
  const findings: OldFinding[] = [];
  const seen = new Set<string>();
  const add = (finding: OldFinding) => {
    const key = `${finding.rule}@${finding.index}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };

  for (const rule of RULES) {
    for (const pattern of rule.patterns) {
      const global = new RegExp(pattern.source, 'g');
      for (const match of text.matchAll(global)) {
        const index = match.index!;
        if (rule.negatable && isNegated(text, index)) continue;
        if (rule.near) {
          const around = text.slice(Math.max(0, index - 14), index + match[0].length + 14);
          if (!rule.near.test(around)) continue;
        }
        add({ severity: rule.severity, rule: rule.rule, phrase: match[0], index, message: rule.message });
      }
    }
  }
  // Mobiles and ID numbers in any written form; a landline is usually the company's own hotline, so it may stay.
  for (const number of findPersonalNumbers(text)) {
    if (number.kind === 'landline') continue;
    const message = number.kind === 'mobile' ? '话术中出现了完整手机号：个人信息不应写进话术，请用变量或删除。' : '话术中出现了身份证号：个人信息不应写进话术，请删除。';
    add({ severity: 'error', rule: 'personal-number', phrase: text.slice(number.start, number.end), index: number.start, message });
  }
  for (const variable of variablesIn(text)) {
    if (!isVariableName(variable.name)) {
      add({ severity: 'error', rule: 'unknown-variable', phrase: `{${variable.name}}`, index: variable.index, message: `没有名为「${variable.name}」的变量：请从变量列表中选择。` });
    }
  }
  return findings.sort((a, b) => a.index - b.index || (a.severity === 'error' ? -1 : 1));
}


// ── Figures ───────────────────────────────────────────────────────────────────────────────────────────
const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

/** The old lint scored the same way as the new one (caught = an error of the expected rule). */
function scoreOld(lines: readonly ViolationLine[], clean: readonly CompliantLine[]): { recall: number; falseAlarmRate: number } {
  const caught = lines.filter((line) => oldLintScript(line.text).some((f) => f.severity === 'error' && f.rule === line.rule)).length;
  const alarms = clean.filter((line) => oldLintScript(line.text).some((f) => f.severity === 'error')).length;
  return { recall: caught / lines.length, falseAlarmRate: alarms / clean.length };
}

function printScore(name: string, score: CorpusScore, withKinds: boolean): void {
  report(`${name}: recall on violations (${score.violations})`, `${pct(score.recall)} (${score.caught} caught)`, '≥ 97%', score.recall >= 0.97);
  report(`${name}: false alarms on compliant lines (${score.compliant})`, `${pct(score.falseAlarmRate)} (${score.falseAlarms} blocked)`, '≤ 2%', score.falseAlarmRate <= 0.02);
  if (!withKinds) return;
  for (const kind of score.byKind) {
    const recall = kind.violations > 0 ? `recall ${pct(kind.caught / kind.violations)} of ${kind.violations}` : 'no violations';
    report(`  ${kind.kind}`, `${recall}; false alarms ${kind.falseAlarms}/${kind.compliant}`);
  }
}

/** 200-character lines made of corpus lines, so every kind of finding is in play. */
function longLines(count: number): string[] {
  const texts = [...violations, ...compliant].map((line) => line.text);
  return Array.from({ length: count }, (_, i) => {
    let line = '';
    for (let j = i; line.length < 200; j += 7) line += texts[j % texts.length];
    return line.slice(0, 200);
  });
}

function timePerLine(lint: (text: string) => unknown, lines: readonly string[], rounds: number): { mean: number; p95: number } {
  for (const line of lines) lint(line);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    for (const line of lines) lint(line);
    samples.push((performance.now() - started) / lines.length);
  }
  return { mean: samples.reduce((a, b) => a + b, 0) / samples.length, p95: percentile(samples, 95) };
}

export async function lintBench(): Promise<void> {
  console.log('\n── Compliance lint ──');
  printScore('corpus', scoreCorpus(violations, compliant), true);
  const old = scoreOld(violations, compliant);
  report('old regex lint on the same corpus', `recall ${pct(old.recall)}; false alarms ${pct(old.falseAlarmRate)}`);
  for (const holdout of holdouts) {
    const now = scoreCorpus(holdout.violations, holdout.compliant);
    const first = `first measured: recall ${pct(holdout.firstMeasured.recall)}, false alarms ${pct(holdout.firstMeasured.falseAlarmRate)}`;
    const since = holdout.usedForTuning ? `; now ${pct(now.recall)}, ${pct(now.falseAlarmRate)} (tuned on its kinds since)` : '';
    report(`${holdout.name} (${now.violations} + ${now.compliant} lines)`, `${first}${since}`);
  }
  for (const set of freshSets) {
    const now = scoreCorpus(set.violations, set.compliant);
    const first = `first measured untouched: recall ${pct(set.firstMeasured.recall)}, false alarms ${pct(set.firstMeasured.falseAlarmRate)}`;
    report(`${set.name} (${now.violations} + ${now.compliant} lines)`, `${first}${set.usedForTuning ? '; tuned on its kinds since' : ''}`);
    printScore(`  ${set.name} now`, now, false);
  }

  const lines = longLines(200);
  const ours = timePerLine(lintScript, lines, 20);
  const theirs = timePerLine(oldLintScript, lines, 20);
  report('lint time per 200-char line (mean of 20 rounds)', `${ours.mean.toFixed(3)} ms (p95 ${ours.p95.toFixed(3)} ms)`, '< 1 ms', ours.mean < 1);
  report('old regex lint, same lines', `${theirs.mean.toFixed(3)} ms (p95 ${theirs.p95.toFixed(3)} ms)`);
  const custom = [{ category: 'access', term: '人行闸' }, { category: 'insult', term: '抠脚' }] as const;
  const withCustom = timePerLine((text) => lintScript(text, { customTerms: custom }), lines, 10);
  report('lint time with custom terms', `${withCustom.mean.toFixed(3)} ms`, '< 1 ms', withCustom.mean < 1);
}
