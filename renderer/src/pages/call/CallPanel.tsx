import { Alert, App, Button, Card, Input, Result, Segmented, Select, Space, Tag, Typography, type InputRef } from 'antd';
import { useDraftSaver } from './use-draft-saver';
import { useMachine } from '@xstate/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fromPromise, type Snapshot } from 'xstate';
import type { CallStart, HouseholdRecord, Settings } from '../../../../electron/contract';
import { callbackInHalfAnHour, callbackSummary } from '../../../../domain/callback';
import { shanghaiTimeOfDay } from '../../../../domain/clock';
import { complaintReplyDate, objectionTypes, repairRevisitDate, spokenSubject, type ObjectionType } from '../../../../domain/grievance';
import { defaultTeamSettings, type CallPurpose, type TeamSettings } from '../../../../domain/follow-up-rules';
import { spokenYuan } from '../../../../domain/money';
import { arrangementText, valuesFor } from '../../../../scripts-library/render';
import type { ScriptEntry } from '../../../../scripts-library/schema';
import { ownerTypes, type OwnerType, type Tone } from '../../../../scripts-library/stages';
import { CALL_FLOW_VERSION, callFlowMachine, stagesFor, type CallContext, type CallEvent, type CallInput, type CallRecord } from '../../../../state-machines/call-flow';
import { callOutcomes, outcomeForKey } from '../../../../state-machines/call-outcomes';
import { useApi } from '../../api/api-context';
import { useToday } from '../../hooks/use-today';
import { formatYuan } from '../../money';
import { branchForKey, branches, stepTitleOf, type Branch } from './call-steps';
import { CallbackForm } from './CallbackForm';
import { ComplaintForm, RepairForm } from './GrievanceForm';
import { InstalmentPlanEditor } from './InstalmentPlanEditor';
import { PromiseForm } from './PromiseForm';
import { recordFacts } from './script-facts';
import { NoteCheck } from './NoteCheck';
import { firstSuggestionReadsBack, SuggestedScripts } from './SuggestedScripts';

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function elapsed(since: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - new Date(since).getTime()) / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** When the repair or complaint recorded in this call will be revisited or answered: what its scripts say. */
function revisitDateOf(grievances: CallContext['grievances'], today: string): string | null {
  const last = [...grievances].reverse().find((grievance) => grievance.kind !== 'other');
  if (!last) return null;
  return last.kind === 'repair' ? repairRevisitDate(last.ticket, today) : last.kind === 'complaint' ? complaintReplyDate(last.severity, today, last.ownerDeadline ?? null) : null;
}

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

export function CallPanel({ record, settings, scripts, team = defaultTeamSettings, resume, endLabel = '返回欠费档案', start, purpose = start.purpose, followUpId = null, onSaved, onEnded }: CallPanelProps) {
  const api = useApi();
  const { message } = App.useApp();
  // The owner type the backend judged from the history (the last call's, or inferred); the steward can switch.
  const [ownerType, setOwnerType] = useState<OwnerType>(start.ownerType.type);
  // Long arrears and shops start with the firmer scripts; the steward can switch.
  const [tone, setTone] = useState<Tone>(record.summary.monthsOverdue > 6 || record.household.kind === '商铺' ? '坚定' : '温和');
  const [objection, setObjection] = useState<ObjectionType>('repair');
  const [now, setNow] = useState(() => Date.now());
  // The backend's day (fixed in test mode); CallPage starts the call only once it is known.
  const today = useToday();
  const input = useMemo<CallInput>(
    () => {
      const broken = record.promises.filter((promise) => promise.status === 'broken').sort((a, b) => b.date.localeCompare(a.date))[0];
      const followUp = purpose === 'revisit' ? record.followUps.find((entry) => entry.id === followUpId) : undefined;
      return {
        callId: start.callId,
        householdId: record.household.id,
        ownerType: start.ownerType.type,
        kind: record.household.kind,
        owedFen: record.summary.owedFen,
        monthsOverdue: record.summary.monthsOverdue,
        brokenPromise: broken ? { date: broken.date, amountFen: broken.amountFen } : null,
        revisit:
          followUp && (followUp.kind === 'repair-revisit' || followUp.kind === 'complaint-reply')
            ? { followUpId: followUp.id, kind: followUp.kind, subject: record.grievances.find((grievance) => grievance.id === followUp.sourceId)?.title ?? followUp.title }
            : null,
        today,
        horizonDays: team.horizonDays,
        // The backend's start time (calls.start), on the backend's day.
        startedAt: start.startedAt,
      };
    },
    // The call's facts are fixed when it starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [record.household.id],
  );
  // The owner type the call ends with goes with the save (the next call starts with it).
  const endOwnerType = useRef(ownerType);
  useEffect(() => {
    endOwnerType.current = ownerType;
  }, [ownerType]);
  const machine = useMemo(
    () =>
      callFlowMachine.provide({
        actors: {
          // The record goes to calls.save (callback included), type-checked against the contract; the backend keeps
          // its own start time. A snapshot of an older app has no callId: the start's.
          // The owner-type ref is read when the call is saved, never while rendering.
          // eslint-disable-next-line react-hooks/refs
          saveContact: fromPromise<void, CallRecord>(async ({ input: { outcome, startedAt: _startedAt, revisit: _revisit, callId, ...call } }) => {
            if (!outcome) throw new Error('请先选择通话结果'); // END's guard already asks for one
            const saved = await api['calls.save']({ ...call, callId: callId || start.callId, outcome, ownerType: endOwnerType.current });
            // The backend masks full numbers in the notes: say so, the steward typed them.
            if (saved.maskedNumbers > 0) message.info(`备注中的 ${saved.maskedNumbers} 个完整电话或证件号码已打码后保存（个人信息不完整记录）。`);
          }),
        },
      }),
    [api, message, start.callId],
  );
  const [snapshot, send, actorRef] = useMachine(machine, resume ? { input, snapshot: resume } : { input });
  const state = String(snapshot.value);
  const { context } = snapshot;
  const savedOnce = useRef(false);

  // The call in progress is kept as a draft, so a crash or restart can pick it up again: each step at once, typing
  // once it pauses. Not while saving: a draft written then could land after the save cleared it and offer a
  // finished call back.
  useEffect(() => {
    if (state !== 'ended' || savedOnce.current) return;
    savedOnce.current = true;
    void api['calls.clearDraft']({}).catch(() => undefined);
    onSaved?.();
  }, [api, state, onSaved]);
  const saveDraft = useCallback(() => {
    void api['calls.saveDraft']({ machineVersion: CALL_FLOW_VERSION, householdId: record.household.id, snapshot: actorRef.getPersistedSnapshot() }).catch(() => undefined);
  }, [api, actorRef, record.household.id]);
  useDraftSaver({ state, revision: snapshot, active: state !== 'saving' && state !== 'ended', save: saveDraft });

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const canTake = useCallback((branch: Pick<Branch, 'event'>) => snapshot.can({ type: branch.event } as CallEvent), [snapshot]);
  const accountSent = useCallback(
    () => send({ type: 'ACCOUNT_SENT', callback: callbackInHalfAnHour({ today: context.today, time: shanghaiTimeOfDay() }, team.callWindows, settings.stewardName || null) }),
    [send, context.today, team.callWindows, settings.stewardName],
  );
  const canSendAccount = snapshot.can({ type: 'ACCOUNT_SENT', callback: callbackInHalfAnHour({ today: context.today, time: '09:00' }, team.callWindows, null) });

  // One key for everything: branch letters and outcome digits when no field has the focus; Ctrl+Enter ends the call
  // from anywhere, the notes and the callback time included.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.metaKey) return;
      if (event.ctrlKey && event.key === 'Enter') {
        event.preventDefault();
        if (snapshot.can({ type: 'END' })) send({ type: 'END' });
        return;
      }
      if (event.ctrlKey || isTyping(event.target)) return;
      const outcome = outcomeForKey(event.key);
      if (outcome && snapshot.can({ type: 'OUTCOME', outcome })) {
        event.preventDefault();
        send({ type: 'OUTCOME', outcome });
        return;
      }
      if (event.key.toUpperCase() === 'K' && canSendAccount) {
        event.preventDefault();
        accountSent();
        return;
      }
      if (event.key.toUpperCase() === 'G' && snapshot.can({ type: 'OBJECTION', objection })) {
        event.preventDefault();
        send({ type: 'OBJECTION', objection });
        return;
      }
      const branch = branchForKey(event.key, canTake);
      if (branch) {
        // The key must not also land in the field the next step focuses.
        event.preventDefault();
        send({ type: branch.event } as CallEvent);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [snapshot, send, objection, canTake, canSendAccount, accountSent]);

  const facts = {
    ...recordFacts(record, settings, team, context.today),
    promises: context.promises,
    revisitDate: revisitDateOf(context.grievances, context.today),
    revisitSubject: context.revisit ? spokenSubject(context.revisit.kind, context.revisit.subject) : null,
    callback: context.callback,
  };
  const values = valuesFor(facts);
  const stages = stagesFor(state, context);
  const wanted = { ownerType, kind: record.household.kind, tone };
  const owedFen = context.owedFen;
  const pinnedFen = context.promises.reduce((sum, promise) => sum + promise.amountFen, 0);

  if (state === 'ended') {
    return (
      <Result
        status="success"
        title="通话已记录"
        subTitle={`结果：${callOutcomes.find((outcome) => outcome.id === context.outcome)?.label ?? ''}${context.promises.length ? `。约定：${arrangementText(context.promises, context.today)}` : ''}${context.callback ? `。回电：${callbackSummary(context.callback)}` : ''}`}
        extra={
          <Button type="primary" size="large" autoFocus onClick={onEnded}>
            {endLabel} <Typography.Text keyboard>Enter</Typography.Text>
          </Button>
        }
      />
    );
  }

  const talking = state !== 'close' && state !== 'wrapUp' && state !== 'saveFailed' && state !== 'thirdParty';
  const outcomesShown = state === 'close' || state === 'wrapUp' || state === 'saveFailed' || state === 'thirdParty';

  return (
    <section aria-label="通话" className="call-panel">
      <Card size="small" className="call-step">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Title level={5} style={{ margin: 0 }} aria-label="当前步骤">
            {stepTitleOf(state, context.outcome)}
          </Typography.Title>
          <Space size={6} wrap>
            <Tag color="blue" aria-label="通话计时">
              {elapsed(context.startedAt, now)}
            </Tag>
            {purpose === 'revisit' && <Tag color="green">回访通话</Tag>}
            <Select aria-label="业主类型" size="small" value={ownerType} onChange={setOwnerType} style={{ width: 150 }} options={ownerTypes.map((type) => ({ value: type.id, label: type.label }))} />
            <Segmented size="small" aria-label="语气" value={tone} onChange={(value) => setTone(value as Tone)} options={['温和', '坚定']} />
          </Space>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} aria-label="业主类型依据">
          业主类型：{start.ownerType.because}
          {context.objection && state === 'objection' ? ` · 异议：${objectionTypes.find((o) => o.id === context.objection)?.label}` : ''}
        </Typography.Text>
      </Card>

      <SuggestedScripts scripts={scripts} stages={stages} wanted={wanted} values={values} step={state} />

      {talking && (
        <Card size="small" title="业主怎么说" className="call-branches">
          <Space wrap size={[6, 6]}>
            {branches.filter(canTake).map((branch) => (
              <Button key={branch.event} size="small" danger={branch.danger} onClick={() => send({ type: branch.event } as CallEvent)}>
                {branch.label} <Typography.Text keyboard>{branch.key}</Typography.Text>
              </Button>
            ))}
            {canSendAccount && (
              <Button size="small" onClick={accountSent}>
                已发账户，半小时后再联系 <Typography.Text keyboard>K</Typography.Text>
              </Button>
            )}
            {snapshot.can({ type: 'OBJECTION', objection }) && (
              <Space.Compact>
                <Select aria-label="异议类型" size="small" value={objection} onChange={setObjection} style={{ width: 180 }} options={objectionTypes.map((o) => ({ value: o.id, label: o.label }))} />
                <Button size="small" onClick={() => send({ type: 'OBJECTION', objection })}>
                  提出异议 <Typography.Text keyboard>G</Typography.Text>
                </Button>
              </Space.Compact>
            )}
          </Space>
          {(state === 'pin' || state === 'channel') && (
            <div style={{ marginTop: 10 }}>
              <PromiseForm autoFocus today={context.today} horizonDays={context.horizonDays} owedFen={owedFen} onPinned={(promise) => send({ type: 'PROMISE_PINNED', promise })} />
            </div>
          )}
          {state === 'instalment' && (
            <div style={{ marginTop: 10 }}>
              <InstalmentPlanEditor
                key={context.promises[0]?.date ?? 'new'}
                autoFocus
                owedFen={owedFen}
                today={context.today}
                horizonDays={context.horizonDays}
                pinned={context.promises.length === 1 ? context.promises[0]! : null}
                onPlan={(promises, totalFen) => send({ type: 'PLAN_PINNED', promises, totalFen })}
              />
            </div>
          )}
          {state === 'objection' && context.objection === 'repair' && (
            <div style={{ marginTop: 10 }}>
              <RepairForm onRecorded={(grievance) => send({ type: 'GRIEVANCE_RECORDED', grievance })} />
            </div>
          )}
          {state === 'objection' && context.objection === 'service' && (
            <div style={{ marginTop: 10 }}>
              <ComplaintForm today={today} onRecorded={(grievance) => send({ type: 'GRIEVANCE_RECORDED', grievance })} />
            </div>
          )}
          {state === 'objection' && context.grievances.length > 0 && <Alert style={{ marginTop: 8 }} type="success" showIcon title={`已记录 ${context.grievances.length} 条诉求，结束后自动生成报修单和回访任务`} />}
          {state === 'refusal' && <RefusalForm onRecorded={(reason) => send({ type: 'REASON_RECORDED', reason })} />}
        </Card>
      )}

      {outcomesShown && (
        <Card size="small" title="结果" className="call-outcomes">
          {context.promises.length > 0 && !firstSuggestionReadsBack(scripts, stages, wanted, values) && (
            <Alert type="info" showIcon title="请向业主复述" description={`那我们就说定了：${arrangementText(context.promises, context.today)}。`} style={{ marginBottom: 8 }} />
          )}
          {state === 'close' && context.promises.length === 1 && pinnedFen < owedFen && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              title={`这次只约了 ${spokenYuan(pinnedFen)}，还有 ${spokenYuan(owedFen - pinnedFen)} 没有约定`}
              action={
                <Button size="small" onClick={() => send({ type: 'OUTCOME', outcome: 'instalment' })}>
                  剩余分期约定 <Typography.Text keyboard>3</Typography.Text>
                </Button>
              }
            />
          )}
          <Space wrap size={[6, 6]}>
            {callOutcomes
              .filter((outcome) => outcome.key !== null || context.outcome === outcome.id)
              .map((outcome) => (
                <Button key={outcome.id} size="small" type={context.outcome === outcome.id ? 'primary' : 'default'} onClick={() => send({ type: 'OUTCOME', outcome: outcome.id })}>
                  {outcome.label} {outcome.key !== null && <Typography.Text keyboard>{outcome.key}</Typography.Text>}
                </Button>
              ))}
            {state === 'thirdParty' && (
              <Button onClick={() => send({ type: 'OWNER_TAKES_PHONE' })}>
                业主来接电话了 <Typography.Text keyboard>T</Typography.Text>
              </Button>
            )}
          </Space>
          {(state === 'close' || state === 'wrapUp' || state === 'thirdParty') && context.outcome === 'callback' && (
            <CallbackForm today={context.today} horizonDays={context.horizonDays} callWindows={team.callWindows} stewardName={settings.stewardName} value={context.callback} onSet={(callback) => send({ type: 'CALLBACK_SET', callback })} />
          )}
          {context.outcome === 'callback' && (
            <Alert
              type={context.callback ? 'success' : 'info'}
              showIcon
              style={{ marginTop: 8 }}
              title={context.callback ? `回电安排：${callbackSummary(context.callback)}` : `还没有确定回电安排（不确定时默认明天回电，由 ${settings.stewardName} 负责）`}
            />
          )}
          {state === 'saveFailed' && <Alert type="error" showIcon style={{ marginTop: 8 }} title="通话记录没有保存成功" description={context.saveError} action={<Button onClick={() => send({ type: 'RETRY_SAVE' })}>重试</Button>} />}
        </Card>
      )}

      <Card size="small" className="call-notes">
        <Input.TextArea aria-label="通话备注" value={context.notes} onChange={(event) => send({ type: 'NOTE', text: event.target.value })} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} placeholder="通话要点（Ctrl+Enter 结束通话）" />
        <NoteCheck notes={context.notes} customTerms={team.lintTerms} />
      </Card>

      <div className="call-footer">
        <Button type="primary" size="large" disabled={!snapshot.can({ type: 'END' })} loading={state === 'saving'} onClick={() => send({ type: 'END' })}>
          结束通话 <Typography.Text keyboard>Ctrl+Enter</Typography.Text>
        </Button>
        {!snapshot.can({ type: 'END' }) && state !== 'saving' && <Typography.Text type="secondary">选择结果后才能结束通话</Typography.Text>}
        <Typography.Text type="secondary">欠费 {formatYuan(owedFen)}</Typography.Text>
      </div>
    </section>
  );
}

function RefusalForm({ onRecorded }: { onRecorded(reason: string): void }) {
  const [reason, setReason] = useState('');
  const field = useRef<InputRef>(null);
  useEffect(() => field.current?.focus(), []);
  const record = () => reason.trim() && onRecorded(reason.trim());
  return (
    <Space.Compact style={{ width: '100%', marginTop: 10 }}>
      <Input
        ref={field}
        aria-label="拒缴原因"
        placeholder="记下业主说的原因，Enter 记录"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.ctrlKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            record();
          }
        }}
        maxLength={500}
      />
      <Button disabled={!reason.trim()} onClick={record}>
        记录原因
      </Button>
    </Space.Compact>
  );
}
