/**
 * Every default script, rendered in every state of the call where it can be suggested, with every combination of
 * what the call may have established: what the steward reads aloud must be whole, grammatical Chinese that states
 * only facts this call has — no fallback standing in for an agreement, no empty name, no "3,000.00 元", no slash.
 */
import { describe, expect, it } from 'vitest';
import { defaultLibrary } from '../../../scripts-library/default-library';
import { renderScript, valuesFor, type CallFacts } from '../../../scripts-library/render';
import { currentVersion } from '../../../scripts-library/schema';
import { ownerTypes, stages, tones, type StageId } from '../../../scripts-library/stages';
import { suggestScripts } from '../../../scripts-library/suggest';
import { variables } from '../../../scripts-library/variables';
import { objectionTypes } from '../../../domain/grievance';
import { stagesFor } from '../../../state-machines/call-flow';

const library = defaultLibrary('2026-11-26T09:00:00+08:00').entries;
const TODAY = '2026-11-26';

/** What each state of the call may have established (beyond the household itself). */
interface Situation {
  promises: 'none' | 'one' | 'plan';
  grievance: boolean;
  callback: boolean;
  revisit: boolean;
  /** A written notice issued lately: none, one without a deadline, or a 限期缴费通知书 with its deadline. */
  notice: 'none' | 'plain' | 'deadline';
}

const callStates: { state: string; objection?: string; outcome?: string; situations: Partial<Situation>[] }[] = [
  { state: 'dialling', situations: [{}] },
  { state: 'opening', situations: [{}, { revisit: true }] },
  { state: 'thirdParty', situations: [{}, { callback: true }] },
  { state: 'revisit', situations: [{ revisit: true }] },
  { state: 'revisitDone', situations: [{ revisit: true }] },
  { state: 'reminder', situations: [{}, { notice: 'plain' }, { notice: 'deadline' }] },
  { state: 'explain', situations: [{}] },
  { state: 'brokenPromise', situations: [{}] },
  ...objectionTypes.map((objection) => ({ state: 'objection', objection: objection.id, situations: [{}, { grievance: true }] })),
  { state: 'pin', situations: [{}] },
  { state: 'channel', situations: [{}] },
  { state: 'instalment', situations: [{}] },
  { state: 'refusal', situations: [{}] },
  {
    state: 'close',
    situations: [{}, { promises: 'one' }, { promises: 'plan' }, { grievance: true }, { callback: true }, { promises: 'one', grievance: true }, { revisit: true }],
  },
  { state: 'wrapUp', situations: [{}, { callback: true }] },
  { state: 'wrapUp', outcome: 'wrong-person', situations: [{}] },
];

const households: { label: string; facts: CallFacts }[] = [
  {
    label: 'a resident owing several fee types',
    facts: {
      household: { ownerName: '何丽华', roomLabel: '8栋2单元1203', community: '观山水' },
      summary: { owedFen: 1_012_800, monthsOverdue: 24, earliestUnpaid: '2024-12-01', lateFeeFen: 35_600 },
      owedFeeTypes: ['物业费', '停车费'],
    },
  },
  {
    label: 'a shop rented by a company, without a late fee',
    facts: {
      household: { ownerName: '鑫源商贸有限公司', roomLabel: '商铺C-21', community: '观山水' },
      summary: { owedFen: 300_000, monthsOverdue: 3, earliestUnpaid: '2026-09-01', lateFeeFen: 0 },
      owedFeeTypes: ['物业费'],
    },
  },
  {
    label: 'a shop with a late fee in the ledger',
    facts: {
      household: { ownerName: '欧阳澜', roomLabel: '商铺A-03', community: '观山水' },
      summary: { owedFen: 860_050, monthsOverdue: 8, earliestUnpaid: '2026-04-01', lateFeeFen: 12_380 },
      owedFeeTypes: ['物业费', '水电公摊', '停车费'],
    },
  },
];

function factsFor(base: CallFacts, situation: Situation, extras: { account: boolean; broken: boolean }): CallFacts {
  const plan = [
    { date: '2026-12-03', amountFen: 300_000, channel: '微信' },
    { date: '2027-01-03', amountFen: 300_000, channel: '微信' },
    { date: '2027-02-03', amountFen: 412_800, channel: '微信' },
  ];
  return {
    ...base,
    settings: { stewardName: '王敏', companyName: '晨光物业' },
    today: TODAY,
    promises: situation.promises === 'one' ? [{ date: '2026-11-27', amountFen: 300_000, channel: '转账' }] : situation.promises === 'plan' ? plan : [],
    brokenPromise: extras.broken ? { date: '2026-11-20', amountFen: 150_050 } : null,
    revisitDate: situation.grievance ? '2026-11-28' : null,
    revisitSubject: situation.revisit ? '主卧顶棚漏水渗水的问题' : null,
    callback: situation.callback ? { date: '2026-11-27', time: '19:30' } : null,
    noticeIssued: situation.notice === 'plain' ? { kind: '律师函', date: '2026-11-20' } : situation.notice === 'deadline' ? { kind: '限期缴费通知书', date: '2026-11-24', deadline: '2026-12-09' } : null,
    ...(extras.account ? { account: '工商银行 6222 0000 1234 5678，户名 晨光物业服务有限公司' } : {}),
  };
}

const householdVariables = new Set<string>(variables.filter((variable) => variable.fact === 'household').map((variable) => variable.name));

/** What makes a sentence wrong to read aloud. */
const defects: [string, RegExp][] = [
  ['a raw {variable}', /[{}]/],
  ['money with a thousands separator or .00', /\d,\d{3}|\.00元/],
  ['a space before 元 or 个月', / (元|个月)/],
  ['a doubled space', / {2}/],
  ['a slash read aloud', /\//],
  ['a doubled word', /栋栋|单元单元|管家管家|业主业主|您您/],
  ['an empty name', /管家[，。！？]|我是管家$/],
  ['doubled punctuation', /[，。、；：][，。、；：]/],
];

describe('every default script, in every state where it can be suggested', () => {
  const cases: { where: string; stage: StageId; text: string; fallbacks: string[] }[] = [];
  for (const { state, objection, outcome, situations } of callStates) {
    const stageList = stagesFor(state, { objection: (objection ?? null) as never, outcome: (outcome ?? null) as never, revisitResult: null });
    for (const partial of situations) {
      const situation: Situation = { promises: 'none', grievance: false, callback: false, revisit: false, notice: 'none', ...partial };
      for (const household of households) {
        for (const account of [false, true]) {
          for (const broken of [false, true]) {
            const values = valuesFor(factsFor(household.facts, situation, { account, broken }));
            for (const ownerType of ownerTypes) {
              for (const tone of tones) {
                const kind = household.facts.household!.roomLabel.startsWith('商铺') ? '商铺' : '住宅';
                for (const entry of suggestScripts(library, stageList, { ownerType: ownerType.id, kind, tone }, values)) {
                  const version = currentVersion(entry);
                  const rendered = renderScript(version.text, values, version.fallbacks);
                  cases.push({
                    where: `${entry.id} in ${state}${objection ? `/${objection}` : ''} ${JSON.stringify(situation)} for ${household.label}${account ? ', account set' : ''}${broken ? ', broken promise' : ''}`,
                    stage: version.stage,
                    text: rendered.text,
                    fallbacks: rendered.fallbackUsed,
                  });
                }
              }
            }
          }
        }
      }
    }
  }

  it('suggests something at every step of a conversation', () => {
    for (const { state, objection } of callStates) {
      if (state === 'dialling') continue;
      expect(cases.some((entry) => entry.where.includes(` in ${state}${objection ? `/${objection}` : ''} `)), state).toBe(true);
    }
  });

  it('reaches every default script in some state (none is unreachable)', () => {
    const callStages = new Set(stages.filter((stage) => !stage.id.startsWith('message-')).map((stage) => stage.id));
    const reached = new Set(cases.map((entry) => entry.where.split(' ')[0]));
    const unreached = library.filter((entry) => callStages.has(currentVersion(entry).stage) && !reached.has(entry.id)).map((entry) => entry.id);
    expect(unreached).toEqual([]);
  });

  it('never lets a fallback stand in for a fact of the call, nor an empty one into a sentence', () => {
    const bad = cases.filter((entry) => entry.fallbacks.some((name) => !householdVariables.has(name) || variables.find((variable) => variable.name === name)!.fallback === ''));
    expect(bad.map((entry) => `${entry.where}: ${entry.fallbacks.join('、')}`)).toEqual([]);
  });

  it.each(defects)('never reads out %s', (_label, pattern) => {
    const bad = cases.filter((entry) => pattern.test(entry.text));
    expect(bad.map((entry) => `${entry.where}: ${entry.text}`)).toEqual([]);
  });

  it('ends every spoken sentence properly', () => {
    const bad = cases.filter((entry) => !/[。？！]$/.test(entry.text));
    expect(bad.map((entry) => `${entry.where}: ${entry.text}`)).toEqual([]);
  });

  it('says an agreement only after one was made', () => {
    const bad = cases.filter((entry) => /说定了|约好了/.test(entry.text) && !entry.where.includes('"promises":"one"') && !entry.where.includes('"promises":"plan"'));
    expect(bad.map((entry) => `${entry.where}: ${entry.text}`)).toEqual([]);
  });
});

describe('the message texts', () => {
  it('render whole for the promise or the broken promise they are about', () => {
    const messageStages: StageId[] = ['message-reminder', 'message-promise-due', 'message-broken-promise'];
    const reached = new Set<string>();
    for (const stage of messageStages) {
      for (const household of households) {
        const values = valuesFor(
          factsFor(household.facts, { promises: stage === 'message-promise-due' ? 'one' : 'none', grievance: false, callback: false, revisit: false, notice: 'none' }, { account: true, broken: stage === 'message-broken-promise' }),
        );
        // The message dialog asks with the record's owner type and a mild tone.
        const suggested = ownerTypes.flatMap((type) =>
          suggestScripts(library, [stage], { ownerType: type.id, kind: household.facts.household!.roomLabel.startsWith('商铺') ? '商铺' : '住宅', tone: '温和' }, values),
        );
        expect(suggested.length, stage).toBeGreaterThan(0);
        for (const entry of new Set(suggested)) {
          reached.add(entry.id);
          const { text, fallbackUsed } = renderScript(currentVersion(entry).text, values, currentVersion(entry).fallbacks);
          for (const [label, pattern] of defects.filter(([label]) => label !== 'an empty name')) expect(pattern.test(text), `${entry.id}: ${label}: ${text}`).toBe(false);
          expect(fallbackUsed.filter((name) => !householdVariables.has(name)), entry.id).toEqual([]);
        }
      }
    }
    const unreached = library.filter((entry) => messageStages.includes(currentVersion(entry).stage) && !reached.has(entry.id)).map((entry) => entry.id);
    expect(unreached).toEqual([]);
  });
});
