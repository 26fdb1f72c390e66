import { Alert, Button, Empty, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Snapshot } from 'xstate';
import { CALL_FLOW_VERSION } from '../../../../state-machines/call-flow';
import { useApi } from '../../api/api-context';
import { useApiData } from '../../hooks/use-api-data';
import { useTodaySettled } from '../../hooks/use-today';
import { RecordPanel } from '../households/RecordPanel';
import { CallPanel } from './CallPanel';

/** 通话: the arrears record on the left, the call flow on the right. An unfinished call is offered back. */
export function CallPage() {
  const api = useApi();
  const navigate = useNavigate();
  const { id: routeId } = useParams();
  // From 今日跟进: the call starts at once, and the end of the call leads back to the list for the next one.
  const [search] = useSearchParams();
  const fromQueue = search.get('from') === 'today';
  const householdId = routeId ? decodeURIComponent(routeId) : null;
  const draft = useApiData(() => api['calls.draft']({}), [api]);
  const [choice, setChoice] = useState<'resume' | 'fresh' | null>(null);
  const [started, setStarted] = useState(fromQueue);
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
          }
        : null,
    [api, householdId, recordKey],
  );

  const pending = draft.data?.draft ?? null;
  const resumable = pending && pending.machineVersion === CALL_FLOW_VERSION ? pending : null;

  if (resumable && choice === null) {
    return (
      <Alert
        type="warning"
        showIcon
        title="有一通未完成的通话"
        description={`上次的通话（${resumable.householdId.replace('|', ' ')}，${resumable.savedAt.slice(11, 16)}）没有结束，可能是程序被关闭了。要继续吗？`}
        action={
          <Space orientation="vertical">
            <Button
              type="primary"
              onClick={() => {
                setChoice('resume');
                setStarted(true);
                navigate(`/call/${encodeURIComponent(resumable.householdId)}`);
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

  const { record, settings, scripts, team } = data.data;
  const resume = choice === 'resume' && resumable && resumable.householdId === householdId ? (resumable.snapshot as Snapshot<unknown>) : undefined;
  const paused = record.collectionPause;

  return (
    <div className="call-page">
      <div className="call-record">
        <RecordPanel key={recordKey} id={householdId} onChanged={() => setRecordKey((n) => n + 1)} inCall />
      </div>
      <div className="call-flow">
        {(started && !paused) || resume ? (
          <CallPanel
            key={`${householdId}-${choice}`}
            record={record}
            settings={settings}
            scripts={scripts}
            team={team}
            {...(resume ? { resume } : {})}
            endLabel={fromQueue ? '回到今日跟进，下一户' : '返回欠费档案'}
            onEnded={() => navigate(fromQueue ? '/today' : `/households/${encodeURIComponent(householdId)}`)}
          />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {paused && <Alert type="warning" showIcon title="暂停催缴" description={`${paused.reason}${paused.until ? `，回访日 ${paused.until}` : ''}。回访完成前不要打催缴电话。`} />}
            <Button type="primary" size="large" disabled={!!paused} onClick={() => setStarted(true)}>
              开始通话
            </Button>
            <Button onClick={() => setRecordKey((n) => n + 1)}>刷新档案</Button>
          </Space>
        )}
      </div>
    </div>
  );
}
