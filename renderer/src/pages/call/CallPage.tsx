import { Alert, Button, Empty, Input, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Snapshot } from 'xstate';
import { ApiError, type CallStart } from '../../../../electron/contract';
import type { CallPurpose } from '../../../../domain/follow-up-rules';
import { CALL_FLOW_VERSION } from '../../../../state-machines/call-flow';
import { useApi } from '../../api/api-context';
import { useApiData } from '../../hooks/use-api-data';
import { useTodaySettled } from '../../hooks/use-today';
import { RecordPanel } from '../households/RecordPanel';
import { CallPanel } from './CallPanel';

/** An override's reason, as the backend takes it (trimmed, 4–200 characters). */
const OVERRIDE_MIN = 4;
const OVERRIDE_MAX = 200;

/** Why calls.start said no: the rules' reasons (an override may start it anyway), or another error. */
interface Refusal {
  problems: string[];
  message: string;
}

function refusalOf(error: unknown): Refusal {
  if (error instanceof ApiError) {
    const problems = error.code === 'CONFLICT' ? (error.issues ?? []).filter((issue) => issue.path === 'problems').map((issue) => issue.message) : [];
    return { problems, message: error.message };
  }
  return { problems: [], message: String(error) };
}

/**
 * 通话: the arrears record on the left, the call flow on the right. A call starts in the backend (calls.start),
 * which judges the call windows, caps, pause, dispute and promises; when it says no, the reasons are shown and
 * the steward may start anyway with a reason. An unfinished call is offered back.
 */
export function CallPage() {
  const api = useApi();
  const navigate = useNavigate();
  const { id: routeId } = useParams();
  // From 今日跟进 (from=today) or the record (start=1) the call starts at once; from 今日跟进 its end leads back to
  // the list for the next one. A revisit call (purpose=revisit) names its follow-up (followUp=…).
  const [search] = useSearchParams();
  const fromQueue = search.get('from') === 'today';
  const purpose: CallPurpose = search.get('purpose') === 'revisit' ? 'revisit' : 'collection';
  const followUpId = purpose === 'revisit' ? search.get('followUp') : null;
  const householdId = routeId ? decodeURIComponent(routeId) : null;
  const draft = useApiData(() => api['calls.draft']({}), [api]);
  const [choice, setChoice] = useState<'resume' | 'fresh' | null>(null);
  const [start, setStart] = useState<CallStart | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [reason, setReason] = useState('');
  const [overrideError, setOverrideError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recordKey, setRecordKey] = useState(0);
  // A call keeps the day it started on: it waits for the backend to say which day that is.
  const todaySettled = useTodaySettled();
  const data = useApiData(
    async () =>
      householdId
        ? {
            record: await api['households.get']({ id: householdId }),
            settings: await api['settings.get']({}),
            scripts: (await api['scripts.list']({})).entries,
            // The team's rules (horizon, call windows), so the call's pickers and the backend agree.
            team: await api['teamSettings.get']({}),
            // Whether the backend would let this call start now, and if not why (the rules of calls.start).
            check: await api['calls.check']({ householdId, purpose }),
          }
        : null,
    [api, householdId, purpose, recordKey],
  );

  const pendingDraft = draft.data?.draft ?? null;
  const resumable = pendingDraft && pendingDraft.machineVersion === CALL_FLOW_VERSION ? pendingDraft : null;
  const pendingStart = draft.data?.started ?? null;
  // The unfinished call: a started one (a crash may come before its first draft), or a draft of an older app.
  const unfinished = pendingStart
    ? { householdId: pendingStart.householdId, at: resumable?.householdId === pendingStart.householdId ? resumable.savedAt : pendingStart.startedAt }
    : resumable
      ? { householdId: resumable.householdId, at: resumable.savedAt }
      : null;
  const asking = unfinished !== null && choice === null;

  const requestStart = useCallback(
    (overrideReason?: string) => {
      if (!householdId) return Promise.resolve();
      return api['calls.start']({ householdId, purpose, ...(followUpId ? { followUpId } : {}), ...(overrideReason ? { override: { reason: overrideReason } } : {}) }).then(
        (answer) => {
          setStart(answer);
          setRefusal(null);
          setOverrideError(null);
        },
        (error: unknown) => {
          const next = refusalOf(error);
          // A reason the backend did not take: say so at the field, the reasons stay.
          if (overrideReason && next.problems.length === 0 && error instanceof ApiError && error.code === 'VALIDATION') setOverrideError(error.message);
          else setRefusal(next);
        },
      );
    },
    [api, householdId, purpose, followUpId],
  );

  // Arriving from 今日跟进 or the record, or continuing an unfinished call: start (or pick up) the call at once.
  const wantsStart = fromQueue || search.get('start') === '1' || choice === 'resume';
  const ready = !!householdId && !!data.data && todaySettled && !asking;
  const autoStarted = useRef<string | null>(null);
  useEffect(() => {
    if (!ready || !wantsStart || start?.householdId === householdId || autoStarted.current === householdId) return;
    autoStarted.current = householdId;
    void requestStart();
  }, [ready, wantsStart, start, householdId, requestStart]);

  if (unfinished && asking) {
    return (
      <Alert
        type="warning"
        showIcon
        title="有一通未完成的通话"
        description={`上次的通话（${unfinished.householdId.replace('|', ' ')}，${unfinished.at.slice(11, 16)}）没有结束，可能是程序被关闭了。要继续吗？`}
        action={
          <Space orientation="vertical">
            <Button
              type="primary"
              onClick={() => {
                setChoice('resume');
                // The call goes on as it was started (its id and start time); a draft of an older app starts again.
                if (pendingStart) setStart(pendingStart);
                navigate(`/call/${encodeURIComponent(unfinished.householdId)}`);
              }}
            >
              继续通话
            </Button>
            <Button
              onClick={() => {
                setChoice('fresh');
                void api['calls.clearDraft']({});
              }}
            >
              放弃
            </Button>
          </Space>
        }
      />
    );
  }
  if (!householdId) return <Empty style={{ marginTop: 64 }} description="在“业主欠费”里打开一户，点“开始通话”；或按 Ctrl+K 查找业主" />;
  if (!data.data || !todaySettled) return data.error ? <Alert type="error" showIcon title="无法打开这一户" description={data.error.message} /> : <Skeleton active />;

  const { record, settings, scripts, team, check } = data.data;
  const current = start && start.householdId === householdId ? start : null;
  const resume =
    current && choice === 'resume' && resumable && resumable.householdId === householdId && (!pendingStart || pendingStart.callId === current.callId)
      ? (resumable.snapshot as Snapshot<unknown>)
      : undefined;
  // What stands against the call now: what calls.start answered, or before that what calls.check says.
  const problems = refusal ? refusal.problems : check.problems;
  const starting = wantsStart && !current && !refusal;

  const startAnyway = async () => {
    setBusy(true);
    await requestStart(reason.trim());
    setBusy(false);
  };
  const startNow = async () => {
    setBusy(true);
    await requestStart();
    setBusy(false);
  };

  return (
    <div className="call-page">
      <div className="call-record">
        <RecordPanel key={recordKey} id={householdId} onChanged={() => setRecordKey((n) => n + 1)} inCall />
      </div>
      <div className="call-flow">
        {current ? (
          <CallPanel
            key={current.callId}
            record={record}
            settings={settings}
            scripts={scripts}
            team={team}
            start={current}
            purpose={current.purpose}
            followUpId={current.followUpId}
            {...(resume ? { resume } : {})}
            endLabel={fromQueue ? '回到今日跟进，下一户' : '返回欠费档案'}
            // The record beside the call shows the contact just saved.
            onSaved={() => setRecordKey((n) => n + 1)}
            onEnded={() => navigate(fromQueue ? '/today' : `/households/${encodeURIComponent(householdId)}`)}
          />
        ) : starting ? (
          <Skeleton active title={{ width: '40%' }} paragraph={{ rows: 3 }} />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {purpose === 'revisit' && <Typography.Text type="secondary">回访通话：只受通话时段限制，不受暂停催缴和诉求限制。</Typography.Text>}
            {refusal && refusal.problems.length === 0 && (
              <Alert type="error" showIcon title="无法开始通话" description={refusal.message} action={<Button onClick={() => void startNow()}>重试</Button>} />
            )}
            {problems.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                title="现在不宜拨打这一户"
                description={
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <ul className="plain-list" aria-label="不宜拨打的原因">
                      {problems.map((problem) => (
                        <li key={problem}>{problem}</li>
                      ))}
                    </ul>
                    <form
                      aria-label="仍要拨打"
                      onSubmit={(event) => {
                        event.preventDefault();
                        if (reason.trim().length >= OVERRIDE_MIN) void startAnyway();
                      }}
                    >
                      <Typography.Text strong>仍要拨打：说明原因</Typography.Text>
                      <Space.Compact style={{ width: '100%', marginTop: 4 }}>
                        <Input
                          aria-label="仍要拨打的原因"
                          placeholder="例如：业主昨天约好今天上午回电"
                          value={reason}
                          maxLength={OVERRIDE_MAX}
                          status={overrideError ? 'error' : undefined}
                          onChange={(event) => {
                            setReason(event.target.value);
                            setOverrideError(null);
                          }}
                        />
                        <Button htmlType="submit" danger loading={busy} disabled={reason.trim().length < OVERRIDE_MIN}>
                          仍要拨打
                        </Button>
                      </Space.Compact>
                      <Typography.Text type={overrideError ? 'danger' : 'secondary'}>{overrideError ?? `原因会和通话一起记入催缴记录（至少 ${OVERRIDE_MIN} 个字）`}</Typography.Text>
                    </form>
                  </Space>
                }
              />
            ) : (
              !refusal && (
                <Button type="primary" size="large" loading={busy} onClick={() => void startNow()}>
                  开始通话
                </Button>
              )
            )}
            <Button
              onClick={() => {
                setRefusal(null);
                setRecordKey((n) => n + 1);
              }}
            >
              刷新档案
            </Button>
          </Space>
        )}
      </div>
    </div>
  );
}
