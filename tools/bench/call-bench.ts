/** A call-flow transition to the rendered suggestion: machine step + script selection + rendering. */
import { initialTransition, transition } from 'xstate';
import { defaultEntries } from '../../scripts-library/default-library';
import { renderScript, valuesFor } from '../../scripts-library/render';
import { currentVersion, type ScriptEntry } from '../../scripts-library/schema';
import { suggestScripts } from '../../scripts-library/suggest';
import { callFlowMachine, stagesFor, type CallEvent } from '../../state-machines/call-flow';
import { fmt, percentile, report, time } from './stats';

const EVENTS: CallEvent[] = [{ type: 'ANSWERED' }, { type: 'OWNER_CONFIRMED' }, { type: 'EXPLAIN' }, { type: 'VAGUE' }, { type: 'PROMISE_PINNED', promise: { date: '2026-11-28', amountFen: 50_000, channel: '微信' } }, { type: 'END' }];

function bigLibrary(size: number): ScriptEntry[] {
  const base = defaultEntries('2026-11-26T09:00:00+08:00');
  return Array.from({ length: size }, (_, i) => ({ ...base[i % base.length]!, id: `bench-${i}` }));
}

export async function callBench(): Promise<void> {
  console.log('\n── Call flow: transition to the rendered suggestion ──');
  const values = valuesFor({
    household: { ownerName: '欧阳澜', roomLabel: '8栋2单元1203', community: '观山水' },
    summary: { owedFen: 261_900, monthsOverdue: 2, earliestUnpaid: '2025-09-01', lateFeeFen: 1_230 },
    settings: { stewardName: '王敏', companyName: '晨光物业' },
  });
  for (const [label, library] of [
    [`default library (${defaultEntries('x').length} scripts)`, defaultEntries('2026-11-26T09:00:00+08:00')],
    ['2,000-script library', bigLibrary(2000)],
  ] as const) {
    const samples: number[] = [];
    for (let round = 0; round < 200; round += 1) {
      let [snapshot] = initialTransition(callFlowMachine, { callId: 'c', householdId: 'h', ownerType: 'A', kind: '住宅', owedFen: 261_900, monthsOverdue: 2, brokenPromise: null, revisit: null, today: '2026-11-26', horizonDays: 30, startedAt: 's' });
      for (const event of EVENTS) {
        samples.push(
          (
            await time(() => {
              [snapshot] = transition(callFlowMachine, snapshot, event);
              const [best] = suggestScripts(library, stagesFor(String(snapshot.value), snapshot.context), { ownerType: 'A', kind: '住宅', tone: '温和' }, values);
              return best ? renderScript(currentVersion(best).text, values, currentVersion(best).fallbacks).text : '';
            })
          ).ms,
        );
      }
    }
    const p95 = percentile(samples, 95);
    report(`transition → rendered suggestion p95, ${label}`, `${fmt(p95)} (p50 ${fmt(percentile(samples, 50))})`, '≤ 16 ms', p95 <= 16);
  }
}
