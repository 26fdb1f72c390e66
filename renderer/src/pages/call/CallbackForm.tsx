import { DatePicker, Form, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { callbackProblem, type Callback } from '../../../../domain/callback';
import { addDays } from '../../../../domain/dates';
import type { CallWindow } from '../../../../domain/follow-up-rules';

const ANY_TIME = 'any';
const pad = (n: number) => String(n).padStart(2, '0');
/** Half-hour slots of the day. */
const timeSlots = Array.from({ length: 48 }, (_, i) => `${pad(Math.floor(i / 2))}:${i % 2 ? '30' : '00'}`);
/** The slots inside the team's call windows: a callback outside them could never be made. */
const slotsWithin = (windows: readonly CallWindow[]) => timeSlots.filter((slot) => windows.some((window) => slot >= window.start && slot < window.end));

type Owner = 'me' | 'team';

export interface CallbackFormProps {
  today: string;
  horizonDays: number;
  /** This desk's steward; without a name, only the team pool can own the callback. */
  stewardName: string;
  /** The team's call windows: the times offered. */
  callWindows: readonly CallWindow[];
  /** The callback already agreed on this call, to change. */
  value: Callback | null;
  onSet(callback: Callback): void;
}

/**
 * 约好回电: the day (tomorrow unless the owner said otherwise), the time if one was agreed, and who calls back —
 * this steward, or the team pool. Times are offered inside the team's call windows; a day outside today … the
 * horizon is refused in words.
 */
export function CallbackForm({ today, horizonDays, stewardName, callWindows, value, onSet }: CallbackFormProps) {
  const [date, setDate] = useState<Dayjs | null>(() => dayjs(value?.date ?? addDays(today, 1)));
  const [time, setTime] = useState(value?.time ?? ANY_TIME);
  // This steward by default (or as agreed before); the team pool when no name is set.
  const [owner, setOwner] = useState<Owner>(stewardName && value?.owner !== null ? 'me' : 'team');
  const [error, setError] = useState<string | null>(null);
  const timeOptions = [{ value: ANY_TIME, label: '不限' }, ...slotsWithin(callWindows).map((slot) => ({ value: slot, label: slot }))];

  /** Every change is the arrangement at once (what the form shows is what the call saves), if it can be kept. */
  const apply = (next: { date: Dayjs | null; time: string; owner: Owner }) => {
    setDate(next.date);
    setTime(next.time);
    setOwner(next.owner);
    if (!next.date) return setError('请选择回电日期');
    const callback: Callback = { date: next.date.format('YYYY-MM-DD'), time: next.time === ANY_TIME ? null : next.time, owner: next.owner === 'me' && stewardName ? stewardName : null };
    const problem = callbackProblem(callback, { today, horizonDays });
    setError(problem);
    if (!problem) onSet(callback);
  };

  return (
    <Form layout="vertical" size="small" aria-label="回电安排" style={{ marginTop: 12 }}>
      <Space wrap align="start">
        <Form.Item label="回电日期" validateStatus={error ? 'error' : undefined} help={error}>
          <DatePicker aria-label="回电日期" value={date} onChange={(next) => apply({ date: next, time, owner })} placeholder={`今天至 ${addDays(today, horizonDays)}`} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item label="回电时间">
          <Select aria-label="回电时间" value={time} onChange={(next) => apply({ date, time: next, owner })} options={timeOptions} virtual={false} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item label="由谁回电">
          <Radio.Group
            aria-label="由谁回电"
            value={owner}
            onChange={(event) => apply({ date, time, owner: event.target.value as Owner })}
            options={[
              { value: 'me', label: `我（${stewardName || '未设置姓名'}）`, disabled: !stewardName },
              { value: 'team', label: '团队（任何管家）' },
            ]}
          />
        </Form.Item>
      </Space>
    </Form>
  );
}
