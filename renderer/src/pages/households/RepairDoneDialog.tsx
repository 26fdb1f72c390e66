import { App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, type GrievanceRecord } from '../../../../electron/contract';
import { categoryOfTitle, repairCompletionProblem, revisitDays, revisitDueAfterRepair } from '../../../../domain/grievance';
import { useApi } from '../../api/api-context';

const iso = (day: Dayjs | null): string | null => (day ? day.format('YYYY-MM-DD') : null);

/**
 * 维修已完成: the day the repair was done (a leak: also its leak test). The revisit then falls on the 规程's day after
 * it, shown before saving; the backend checks the dates again.
 */
export function RepairDoneDialog({ repair, today, onDone, onCancel }: { repair: GrievanceRecord; today: string; onDone(): void; onCancel(): void }) {
  const api = useApi();
  const { message } = App.useApp();
  const category = repair.category ?? categoryOfTitle(repair.title);
  const leak = category === '漏水渗水';
  const [completedOn, setCompletedOn] = useState<Dayjs | null>(dayjs(today));
  const [leakTestOn, setLeakTestOn] = useState<Dayjs | null>(leak ? dayjs(today) : null);
  const [saving, setSaving] = useState(false);
  const completed = iso(completedOn);
  const problem = completed ? repairCompletionProblem({ reportedOn: repair.createdAt.slice(0, 10), completedOn: completed, leakTestOn: iso(leakTestOn), today }) : '请选择维修完成日期';
  const revisitOn = completed && !problem ? revisitDueAfterRepair(category, completed, iso(leakTestOn)) : null;

  const save = async () => {
    if (!completed || problem) return;
    setSaving(true);
    try {
      await api['grievances.repairDone']({ householdId: repair.householdId, grievanceId: repair.id, completedOn: completed, leakTestOn: leak ? iso(leakTestOn) : null });
      message.success(`已记录维修完成，回访日 ${revisitOn}`);
      onDone();
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={`维修已完成：${repair.title}`} okText="记录" cancelText="取消" onOk={() => void save()} onCancel={onCancel} okButtonProps={{ disabled: !!problem, loading: saving }} destroyOnHidden>
      <Form layout="vertical">
        <Form.Item label="维修完成日期" required validateStatus={problem && !leak ? 'error' : ''} help={!leak ? problem : undefined}>
          <DatePicker aria-label="维修完成日期" value={completedOn} onChange={setCompletedOn} allowClear={false} disabledDate={(day) => day.format('YYYY-MM-DD') > today} />
        </Form.Item>
        {leak && (
          <Form.Item label="试漏日期" required validateStatus={problem ? 'error' : ''} help={problem} extra="渗漏水维修试漏后 3 天内回访">
            <DatePicker aria-label="试漏日期" value={leakTestOn} onChange={setLeakTestOn} allowClear={false} />
          </Form.Item>
        )}
        <Typography.Text>
          {revisitOn ? `回访日：${revisitOn}（${leak ? '试漏' : '维修完成'}后 ${revisitDays(category)} 天内，规程要求回访率 100%）` : '填好日期后显示回访日'}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
