import { Button, Card, Input, Typography } from 'antd';
import { useState } from 'react';
import type { Snapshot } from 'xstate';
import type { CallStart, HouseholdRecord, Settings } from '../../../../electron/contract';
import { defaultTeamSettings, type CallPurpose, type TeamSettings } from '../../../../domain/follow-up-rules';
import type { ObjectionType } from '../../../../domain/grievance';
import { valuesFor } from '../../../../scripts-library/render';
import type { ScriptEntry } from '../../../../scripts-library/schema';
import type { OwnerType, Tone } from '../../../../scripts-library/stages';
import { stagesFor } from '../../../../state-machines/call-flow';
import { formatYuan } from '../../money';
import { callFacts } from './call-facts';
import { CallBranchesCard } from './CallBranchesCard';
import { CallOutcomesCard } from './CallOutcomesCard';
import { CallRecorded } from './CallRecorded';
import { CallStepCard } from './CallStepCard';
import { NoteCheck } from './NoteCheck';
import { firstSuggestionReadsBack, SuggestedScripts } from './SuggestedScripts';
import { useCallKeys } from './use-call-keys';
import { useCallSession } from './use-call-session';

export interface CallPanelProps {
  record: HouseholdRecord;
  settings: Settings;
  scripts: ScriptEntry[];
  /** A persisted snapshot to resume. */
  resume?: Snapshot<unknown>;
  /** The button after the call: back to the record, or on to the next household of the queue. */
  endLabel?: string;
  /** The team's rules: the horizon for promises and callbacks, the call windows, the account read to owners. */
  team?: Pick<TeamSettings, 'horizonDays' | 'callWindows'> & Partial<Pick<TeamSettings, 'paymentAccount' | 'lintTerms'>>;
  /** The call as the backend started it (calls.start): its id, start time and the owner type to begin with. */
  start: Pick<CallStart, 'callId' | 'startedAt' | 'purpose' | 'ownerType'>;
  /** Why the call is made: collection, or a revisit (维修回访 / 投诉答复) of the follow-up `followUpId`. */
  purpose?: CallPurpose;
  followUpId?: string | null;
  /** The contact record is saved (the record beside the call can refresh). */
  onSaved?(): void;
  onEnded(): void;
}

/** The call screen: the step and its scripts, the owner's answers, the outcome, the notes; composed of its cards. */
export function CallPanel({ record, settings, scripts, team = defaultTeamSettings, resume, endLabel = '返回欠费档案', start, purpose = start.purpose, followUpId = null, onSaved, onEnded }: CallPanelProps) {
  // The owner type the backend judged from the history (the last call's, or inferred); the steward can switch.
  const [ownerType, setOwnerType] = useState<OwnerType>(start.ownerType.type);
  // Long arrears and shops start with the firmer scripts; the steward can switch.
  const [tone, setTone] = useState<Tone>(record.summary.monthsOverdue > 6 || record.household.kind === '商铺' ? '坚定' : '温和');
  const [objection, setObjection] = useState<ObjectionType>('repair');
  const { snapshot, send, state, context, today, now, canTake, canSendAccount, accountSent } = useCallSession({
    record,
    start,
    purpose,
    followUpId,
    resume,
    team,
    stewardName: settings.stewardName,
    ownerType,
    onSaved,
  });
  useCallKeys({ snapshot, send, objection, canTake, canSendAccount, accountSent });

  const values = valuesFor(callFacts(record, settings, team, context));
  const stages = stagesFor(state, context);
  const wanted = { ownerType, kind: record.household.kind, tone };

  if (state === 'ended') return <CallRecorded context={context} endLabel={endLabel} onEnded={onEnded} />;

  const outcomesShown = state === 'close' || state === 'wrapUp' || state === 'saveFailed' || state === 'thirdParty';
  const canEnd = snapshot.can({ type: 'END' });

  return (
    <section aria-label="通话" className="call-panel">
      <CallStepCard
        state={state}
        context={context}
        now={now}
        revisit={purpose === 'revisit'}
        ownerType={ownerType}
        onOwnerTypeChange={setOwnerType}
        ownerTypeBecause={start.ownerType.because}
        tone={tone}
        onToneChange={setTone}
      />

      <SuggestedScripts scripts={scripts} stages={stages} wanted={wanted} values={values} step={state} />

      {!outcomesShown && (
        <CallBranchesCard
          state={state}
          context={context}
          send={send}
          canTake={canTake}
          canSendAccount={canSendAccount}
          accountSent={accountSent}
          objection={objection}
          onObjectionChange={setObjection}
          canObject={snapshot.can({ type: 'OBJECTION', objection })}
          today={today}
        />
      )}

      {outcomesShown && (
        <CallOutcomesCard
          state={state}
          context={context}
          send={send}
          scriptReadsBack={firstSuggestionReadsBack(scripts, stages, wanted, values)}
          callWindows={team.callWindows}
          stewardName={settings.stewardName}
        />
      )}

      <Card size="small" className="call-notes">
        <Input.TextArea aria-label="通话备注" value={context.notes} onChange={(event) => send({ type: 'NOTE', text: event.target.value })} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} placeholder="通话要点（Ctrl+Enter 结束通话）" />
        <NoteCheck notes={context.notes} customTerms={team.lintTerms} />
      </Card>

      <div className="call-footer">
        <Button type="primary" size="large" disabled={!canEnd} loading={state === 'saving'} onClick={() => send({ type: 'END' })}>
          结束通话 <Typography.Text keyboard>Ctrl+Enter</Typography.Text>
        </Button>
        {!canEnd && state !== 'saving' && <Typography.Text type="secondary">选择结果后才能结束通话</Typography.Text>}
        <Typography.Text type="secondary">欠费 {formatYuan(context.owedFen)}</Typography.Text>
      </div>
    </section>
  );
}
