import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { complaintDeadlineText, complaintSeverities, ownerDeadlineProblem, repairCategories, urgencies, type ComplaintSeverity, type RepairCategory, type Urgency } from '../../../../domain/grievance';
import type { Grievance } from '../../../../state-machines/call-flow';

/** The owner's words become a repair ticket: what, where, how urgent, and (for leaks) the leak-test date. */
export function RepairForm({ onRecorded }: { onRecorded(grievance: Grievance): void }) {
  const [category, setCategory] = useState<RepairCategory>('漏水渗水');
  const [location, setLocation] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('一般');
  const [words, setWords] = useState('');
  const [leakTest, setLeakTest] = useState<Dayjs | null>(null);
  const [error, setError] = useState<string | null>(null);

  const record = () => {
    if (!words.trim()) {
      setError('请记下业主的原话');
      return;
    }
    setError(null);
    onRecorded({ kind: 'repair', ticket: { category, location: location.trim(), urgency, words: words.trim(), ...(leakTest ? { leakTestDate: leakTest.format('YYYY-MM-DD') } : {}) } });
    setWords('');
    setLocation('');
  };

  return (
    <Form layout="vertical" size="small" aria-label="报修单" onFinish={record}>
      <Space wrap align="start">
        <Form.Item label="类别">
          <Select aria-label="报修类别" value={category} onChange={setCategory} style={{ width: 120 }} options={repairCategories.map((value) => ({ value, label: value }))} />
        </Form.Item>
        <Form.Item label="位置">
          <Input aria-label="报修位置" value={location} onChange={(event) => setLocation(event.target.value)} placeholder="如：主卧顶棚" style={{ width: 150 }} maxLength={60} />
        </Form.Item>
        <Form.Item label="紧急程度">
          <Select aria-label="紧急程度" value={urgency} onChange={setUrgency} style={{ width: 90 }} options={urgencies.map((value) => ({ value, label: value }))} />
        </Form.Item>
        {category === '漏水渗水' && (
          <Form.Item label="试水日期（可选）">
            <DatePicker aria-label="试水日期" value={leakTest} onChange={setLeakTest} style={{ width: 140 }} />
          </Form.Item>
        )}
      </Space>
      <Form.Item label="业主原话" validateStatus={error ? 'error' : undefined} help={error}>
        <Input.TextArea aria-label="业主原话" value={words} onChange={(event) => setWords(event.target.value)} autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Button htmlType="submit">记录报修</Button>
    </Form>
  );
}

/** A service complaint: how serious, and the owner's words; the 规程's deadlines follow from the severity (a minor one: the owner's deadline, if given). */
export function ComplaintForm({ today, onRecorded }: { today: string; onRecorded(grievance: Grievance): void }) {
  const [severity, setSeverity] = useState<ComplaintSeverity>('服务失误');
  const [words, setWords] = useState('');
  const [ownerDeadline, setOwnerDeadline] = useState<Dayjs | null>(null);
  const deadline = severity === '轻微' && ownerDeadline ? ownerDeadline.format('YYYY-MM-DD') : null;
  const record = () => words.trim() && onRecorded({ kind: 'complaint', severity, words: words.trim(), ...(deadline ? { ownerDeadline: deadline } : {}) });
  return (
    <Form layout="vertical" size="small" aria-label="投诉记录" onFinish={record}>
      <Space wrap align="start">
        <Form.Item label="严重程度" extra={complaintDeadlineText(severity, deadline)}>
          <Select aria-label="投诉严重程度" value={severity} onChange={setSeverity} style={{ width: 130 }} options={complaintSeverities.map((value) => ({ value, label: value }))} />
        </Form.Item>
        {severity === '轻微' && (
          <Form.Item label="业主要求的期限（可选）">
            <DatePicker aria-label="业主要求的期限" value={ownerDeadline} onChange={setOwnerDeadline} disabledDate={(day) => ownerDeadlineProblem(day.format('YYYY-MM-DD'), today) !== null} style={{ width: 140 }} />
          </Form.Item>
        )}
      </Space>
      <Form.Item label="业主原话">
        <Input.TextArea aria-label="投诉原话" value={words} onChange={(event) => setWords(event.target.value)} autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Button htmlType="submit" disabled={!words.trim()}>
        记录投诉
      </Button>
    </Form>
  );
}
