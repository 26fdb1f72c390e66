import { Button, DatePicker, Form, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { callbackProblem, type Callback } from '../../../../domain/callback';
import { addDays } from '../../../../domain/dates';

const ANY_TIME = 'any';
const pad = (n: number) => String(n).padStart(2, '0');
/** Half-hour slots from 08:00 to 21:00. */
const timeSlots = Array.from({ length: 27 }, (_, i) => `${pad(8 + Math.floor(i / 2))}:${i % 2 ? '30' : '00'}`);
const timeOptions = [{ value: ANY_TIME, label: '不限' }, ...timeSlots.map((slot) => ({ value: slot, label: slot }))];

type Owner = 'me' | 'team';

export interface CallbackFormProps {
  today: string;
  horizonDays: number;
  /** This desk's steward; without a name, only the team pool can own the callback. */
  stewardName: string;
  /** The callback already agreed on this call, to change. */
  value: Callback | null;
  onSet(callback: Callback): void;
}

/**
 * 约好回电: the day (tomorrow unless the owner said otherwise), the time if one was agreed, and who calls back —
 * this steward, or the team pool. Refuses a day outside today … the horizon, in words.
 */
export function CallbackForm({ today, horizonDays, stewardName, value, onSet }: CallbackFormProps) {
  const [date, setDate] = useState<Dayjs | null>(() => dayjs(value?.date ?? addDays(today, 1)));
  const [time, setTime] = useState(value?.time ?? ANY_TIME);
  // This steward by default (or as agreed before); the team pool when no name is set.
  const [owner, setOwner] = useState<Owner>(stewardName && value?.owner !== null ? 'me' : 'team');
  const [error, setError] = useState<string | null>(null);

  const confirm = () => {
    if (!date) {
      setError('请选择回电日期');
      return;
    }
    const callback: Callback = { date: date.format('YYYY-MM-DD'), time: time === ANY_TIME ? null : time, owner: owner === 'me' && stewardName ? stewardName : null };
    const problem = callbackProblem(callback, { today, horizonDays });
    setError(problem);
    if (!problem) onSet(callback);
  };

  return (
    <Form layout="vertical" size="small" aria-label="回电安排" onFinish={confirm} style={{ marginTop: 12 }}>
      <Space wrap align="start">
        <Form.Item label="回电日期" validateStatus={error ? 'error' : undefined} help={error}>
          <DatePicker aria-label="回电日期" value={date} onChange={setDate} placeholder={`今天至 ${addDays(today, horizonDays)}`} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item label="回电时间">
          <Select aria-label="回电时间" value={time} onChange={setTime} options={timeOptions} virtual={false} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item label="由谁回电">
          <Radio.Group
            aria-label="由谁回电"
            value={owner}
            onChange={(event) => setOwner(event.target.value as Owner)}
            options={[
              { value: 'me', label: `我（${stewardName || '未设置姓名'}）`, disabled: !stewardName },
              { value: 'team', label: '团队（任何管家）' },
            ]}
          />
        </Form.Item>
      </Space>
      <Button type="primary" htmlType="submit">
        确定回电安排
      </Button>
    </Form>
  );
}
