import { Alert, App, AutoComplete, Button, Card, Empty, Input, Result, Segmented, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useMachine } from '@xstate/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fromPromise, type Snapshot } from 'xstate';
import type { HouseholdRecord, Settings } from '../../../../electron/contract';
import { callbackSummary } from '../../../../domain/callback';
import { shanghaiTimestamp } from '../../../../domain/clock';
import { addDays } from '../../../../domain/dates';
import { objectionTypes, type ObjectionType } from '../../../../domain/grievance';
import { planInstalments, recapSentence, validatePlan } from '../../../../domain/promise';
import { renderScript, valuesFor } from '../../../../scripts-library/render';
import { currentVersion, type ScriptEntry } from '../../../../scripts-library/schema';
import { ScriptSearch } from '../../../../scripts-library/search';
import { suggestScripts } from '../../../../scripts-library/suggest';
import { ownerTypes, type OwnerType, type Tone } from '../../../../scripts-library/stages';
import { CALL_FLOW_VERSION, callFlowMachine, stagesFor, type CallEvent, type CallInput, type CallRecord } from '../../../../state-machines/call-flow';
import { callOutcomes, outcomeForKey } from '../../../../state-machines/call-outcomes';
import { useApi } from '../../api/api-context';
import { useToday } from '../../hooks/use-today';
import { formatYuan } from '../../money';
import { branches, stepTitles } from './call-steps';
import { CallbackForm } from './CallbackForm';
import { defaultTeamSettings, type TeamSettings } from '../../../../domain/follow-up-rules';
import { ComplaintForm, RepairForm } from './GrievanceForm';
import { PromiseForm } from './PromiseForm';

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function elapsed(since: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - new Date(since).getTime()) / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

export interface CallPanelProps {
  record: HouseholdRecord;
  settings: Settings;
  scripts: ScriptEntry[];
  /** A persisted snapshot to resume. */
  resume?: Snapshot<unknown>;
  /** The button after the call: back to the record, or on to the next household of the queue. */
  endLabel?: string;
  /** The team's rules the call's pickers follow: the horizon for promises and callbacks, the call windows. */
  team?: Pick<TeamSettings, 'horizonDays' | 'callWindows'>;
  onEnded(): void;
}

export function CallPanel({ record, settings, scripts, team = defaultTeamSettings, resume, endLabel = '返回欠费档案', onEnded }: CallPanelProps) {
  const api = useApi();
  const { message } = App.useApp();
  const [ownerType, setOwnerType] = useState<OwnerType>('A');
  // Long arrears and shops start with the firmer scripts; the steward can switch.
  const [tone, setTone] = useState<Tone>(record.summary.monthsOverdue > 6 || record.household.kind === '商铺' ? '坚定' : '温和');
  const [query, setQuery] = useState('');
  // A script found by search, shown first until the call moves on to another step.
  const [pickedAt, setPickedAt] = useState<{ id: string; state: string } | null>(null);
  const search = useMemo(() => new ScriptSearch(scripts.filter((entry) => !entry.archived)), [scripts]);
  const [objection, setObjection] = useState<ObjectionType>('repair');
  const [now, setNow] = useState(() => Date.now());
  // The backend's day (fixed in test mode); CallPage starts the call only once it is known.
  const today = useToday();
  const input = useMemo<CallInput>(
    () => ({
      householdId: record.household.id,
      ownerType: 'A',
      kind: record.household.kind,
      owedFen: record.summary.owedFen,
      monthsOverdue: record.summary.monthsOverdue,
      brokenPromise: record.promises.some((promise) => promise.status === 'broken'),
      today,
      horizonDays: team.horizonDays,
      // On the backend's day (fixed in test mode), at the current time of day.
      startedAt: `${today}${shanghaiTimestamp().slice(10)}`,
    }),
    // The call's facts are fixed when it starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [record.household.id],
  );
  const machine = useMemo(
    () =>
      callFlowMachine.provide({
        actors: {
          // The record goes to calls.save as is (callback included), type-checked against the contract.
          saveContact: fromPromise<void, CallRecord>(async ({ input: { outcome, ...call } }) => {
            if (!outcome) throw new Error('请先选择通话结果'); // END's guard already asks for one
            const saved = await api['calls.save']({ ...call, outcome });
            // The backend masks full numbers in the notes: say so, the steward typed them.
            if (saved.maskedNumbers > 0) message.info(`备注中的 ${saved.maskedNumbers} 个完整电话或证件号码已打码后保存（个人信息不完整记录）。`);
          }),
        },
      }),
    [api, message],
  );
  const [snapshot, send, actorRef] = useMachine(machine, resume ? { input, snapshot: resume } : { input });
  const state = String(snapshot.value);
  const { context } = snapshot;
  const savedOnce = useRef(false);

  // Every step is kept as a draft, so a crash or restart can pick the call up again.
  useEffect(() => {
    if (state === 'ended') {
      if (!savedOnce.current) {
        savedOnce.current = true;
        void api['calls.clearDraft']({});
      }
      return;
    }
    void api['calls.saveDraft']({ machineVersion: CALL_FLOW_VERSION, householdId: record.household.id, snapshot: actorRef.getPersistedSnapshot() }).catch(() => undefined);
  }, [api, actorRef, record.household.id, snapshot, state]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const trySend = useCallback(
    (event: CallEvent) => {
      if (snapshot.can(event)) send(event);
    },
    [send, snapshot],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey || event.metaKey) return;
      if (event.ctrlKey && event.key === 'Enter') return trySend({ type: 'END' });
      if (event.ctrlKey) return;
      const outcome = outcomeForKey(event.key);
      if (outcome) return trySend({ type: 'OUTCOME', outcome });
      const branch = branches.find((candidate) => candidate.key === event.key.toUpperCase());
      if (branch) trySend({ type: branch.event } as CallEvent);
      if (event.key.toUpperCase() === 'G') trySend({ type: 'OBJECTION', objection });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [trySend, objection]);

  const values = valuesFor({ household: record.household, summary: record.summary, settings, ...(context.promises[0] ? { promise: context.promises[0] } : {}) });
  const picked = pickedAt && pickedAt.state === state ? pickedAt.id : null;
  const pickedEntry = picked ? scripts.find((entry) => entry.id === picked) : undefined;
  const suggestions = [...(pickedEntry ? [pickedEntry] : []), ...suggestScripts(scripts, stagesFor(state, context), { ownerType, kind: record.household.kind, tone }).filter((entry) => entry.id !== picked)];

  if (state === 'ended') {
    return (
      <Result
        status="success"
        title="通话已记录"
        subTitle={`结果：${callOutcomes.find((outcome) => outcome.id === context.outcome)?.label ?? ''}${context.promises.length ? `。${recapSentence(context.promises)}` : ''}${context.callback ? `。回电：${callbackSummary(context.callback)}` : ''}`}
        extra={
          <Button type="primary" onClick={onEnded}>
            {endLabel}
          </Button>
        }
      />
    );
  }

  return (
    <section aria-label="通话" className="call-panel">
      <Card size="small">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} aria-label="当前步骤">
            {stepTitles[state] ?? state}
          </Typography.Title>
          <Space>
            <Tag color="blue" aria-label="通话计时">{elapsed(context.startedAt, now)}</Tag>
            <Select aria-label="业主类型" size="small" value={ownerType} onChange={setOwnerType} style={{ width: 170 }} options={ownerTypes.map((type) => ({ value: type.id, label: type.label }))} />
            <Segmented size="small" aria-label="语气" value={tone} onChange={(value) => setTone(value as Tone)} options={['温和', '坚定']} />
          </Space>
        </Space>
        {context.objection && state === 'objection' && <Tag color="orange">{objectionTypes.find((o) => o.id === context.objection)?.label}</Tag>}
      </Card>

      <Card
        size="small"
        title="建议话术"
        style={{ marginTop: 8 }}
        extra={
          <AutoComplete
            aria-label="查找话术"
            size="small"
            style={{ width: 220 }}
            placeholder="查找话术（如 分期、zdsj）"
            value={query}
            onChange={setQuery}
            options={search.search(query, 8).map((hit) => ({ value: hit.id, label: currentVersion(scripts.find((entry) => entry.id === hit.id)!).title }))}
            onSelect={(id: string) => {
              setPickedAt({ id, state });
              setQuery('');
            }}
          />
        }
      >
        {suggestions.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="这一步没有话术" />
        ) : (
          <Tabs
            key={picked ?? state}
            size="small"
            items={suggestions.slice(0, 4).map((entry, index) => ({
              key: entry.id,
              label: entry.id === picked ? `查找：${currentVersion(entry).title}` : index === 0 ? currentVersion(entry).title : `备选：${currentVersion(entry).title}`,
              children: (
                <Typography.Paragraph className="suggestion" aria-label="建议的话">
                  {renderScript(currentVersion(entry).text, values, currentVersion(entry).fallbacks).text}
                </Typography.Paragraph>
              ),
            }))}
          />
        )}
      </Card>

      {state !== 'close' && state !== 'wrapUp' && state !== 'saveFailed' && (
      <Card size="small" title="业主怎么说" style={{ marginTop: 8 }}>
        <Space wrap>
          {branches
            .filter((branch) => snapshot.can({ type: branch.event } as CallEvent))
            .map((branch) => (
              <Button key={branch.event} danger={branch.danger} onClick={() => send({ type: branch.event } as CallEvent)}>
                {branch.label} <Typography.Text keyboard>{branch.key}</Typography.Text>
              </Button>
            ))}
          {snapshot.can({ type: 'OBJECTION', objection }) && (
            <Space.Compact>
              <Select aria-label="异议类型" value={objection} onChange={setObjection} style={{ width: 190 }} options={objectionTypes.map((o) => ({ value: o.id, label: o.label }))} />
              <Button onClick={() => send({ type: 'OBJECTION', objection })}>
                提出异议 <Typography.Text keyboard>G</Typography.Text>
              </Button>
            </Space.Compact>
          )}
        </Space>
        {(state === 'pin' || state === 'channel' || state === 'instalment') && (
          <div style={{ marginTop: 12 }}>
            <PromiseForm today={context.today} horizonDays={context.horizonDays} owedFen={context.owedFen} onPinned={(promise) => send({ type: 'PROMISE_PINNED', promise })} />
          </div>
        )}
        {state === 'instalment' && <InstalmentQuickPlan owedFen={context.owedFen} today={context.today} horizonDays={context.horizonDays} onPlan={(promises, totalFen) => send({ type: 'PLAN_PINNED', promises, totalFen })} />}
        {state === 'objection' && context.objection === 'repair' && (
          <div style={{ marginTop: 12 }}>
            <RepairForm onRecorded={(grievance) => send({ type: 'GRIEVANCE_RECORDED', grievance })} />
          </div>
        )}
        {state === 'objection' && context.objection === 'service' && (
          <div style={{ marginTop: 12 }}>
            <ComplaintForm onRecorded={(grievance) => send({ type: 'GRIEVANCE_RECORDED', grievance })} />
          </div>
        )}
        {state === 'objection' && context.grievances.length > 0 && <Alert style={{ marginTop: 8 }} type="success" showIcon title={`已记录 ${context.grievances.length} 条诉求，结束后自动生成报修单和回访任务`} />}
        {state === 'refusal' && <RefusalForm onRecorded={(reason) => send({ type: 'REASON_RECORDED', reason })} />}
      </Card>
      )}

      {(state === 'close' || state === 'wrapUp' || state === 'saveFailed') && (
        <Card size="small" title="结果" style={{ marginTop: 8 }}>
          {context.promises.length > 0 && <Alert type="info" showIcon title="请向业主复述" description={recapSentence(context.promises)} style={{ marginBottom: 8 }} />}
          <Space wrap>
            {callOutcomes.map((outcome) => (
              <Button key={outcome.id} type={context.outcome === outcome.id ? 'primary' : 'default'} onClick={() => send({ type: 'OUTCOME', outcome: outcome.id })}>
                {outcome.label} <Typography.Text keyboard>{outcome.key}</Typography.Text>
              </Button>
            ))}
          </Space>
          {(state === 'close' || state === 'wrapUp') && context.outcome === 'callback' && (
            <CallbackForm today={context.today} horizonDays={context.horizonDays} callWindows={team.callWindows} stewardName={settings.stewardName} value={context.callback} onSet={(callback) => send({ type: 'CALLBACK_SET', callback })} />
          )}
          {context.outcome === 'callback' && (
            <Alert
              type={context.callback ? 'success' : 'info'}
              showIcon
              style={{ marginTop: 8 }}
              title={context.callback ? `回电安排：${callbackSummary(context.callback)}` : `还没有确定回电安排（不确定时默认明天回电${settings.stewardName ? `，由 ${settings.stewardName} 负责` : ''}）`}
            />
          )}
          {state === 'saveFailed' && <Alert type="error" showIcon style={{ marginTop: 8 }} title="通话记录没有保存成功" description={context.saveError} action={<Button onClick={() => send({ type: 'RETRY_SAVE' })}>重试</Button>} />}
        </Card>
      )}

      <Card size="small" title="备注" style={{ marginTop: 8 }}>
        <Input.TextArea aria-label="通话备注" value={context.notes} onChange={(event) => send({ type: 'NOTE', text: event.target.value })} autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
      </Card>

      <Space style={{ marginTop: 8 }}>
        <Button type="primary" size="large" disabled={!snapshot.can({ type: 'END' })} loading={state === 'saving'} onClick={() => send({ type: 'END' })}>
          结束通话 <Typography.Text keyboard>Ctrl+Enter</Typography.Text>
        </Button>
        {!snapshot.can({ type: 'END' }) && state !== 'saving' && <Typography.Text type="secondary">选择结果后才能结束通话</Typography.Text>}
        <Typography.Text type="secondary">欠费 {formatYuan(context.owedFen)}</Typography.Text>
      </Space>
    </section>
  );
}

function RefusalForm({ onRecorded }: { onRecorded(reason: string): void }) {
  const [reason, setReason] = useState('');
  return (
    <Space.Compact style={{ width: '100%', marginTop: 12 }}>
      <Input aria-label="拒缴原因" placeholder="记下业主说的原因" value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} />
      <Button disabled={!reason.trim()} onClick={() => onRecorded(reason.trim())}>
        记录原因
      </Button>
    </Space.Compact>
  );
}

/** Split what is owed into monthly instalments starting in a week; the steward can still pin one date instead. */
function InstalmentQuickPlan({ owedFen, today, horizonDays, onPlan }: { owedFen: number; today: string; horizonDays: number; onPlan(promises: ReturnType<typeof planInstalments>, totalFen: number): void }) {
  const [count, setCount] = useState(3);
  const plan = planInstalments(owedFen, count, addDays(today, 7), 30, '微信');
  const problems = validatePlan(plan, owedFen, { today, horizonDays, owedFen });
  return (
    <div style={{ marginTop: 12 }}>
      <Space>
        <span>分</span>
        <Segmented aria-label="分期数" value={count} onChange={(value) => setCount(Number(value))} options={[2, 3, 4, 6]} />
        <span>期，每月一次：</span>
      </Space>
      <ul className="plain-list">
        {plan.map((promise) => (
          <li key={promise.date}>
            {promise.date} 缴 {formatYuan(promise.amountFen)}
          </li>
        ))}
      </ul>
      <Button disabled={problems.length > 0} onClick={() => onPlan(plan, owedFen)}>
        按此分期约定
      </Button>
    </div>
  );
}
