import { Button, DatePicker, Form, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { addDays } from '../../../../domain/dates';
import { parseMoney } from '../../../../domain/money';
import { promiseChannels, validatePromise, type PinnedPromise, type PromiseChannel, type PromiseErrors } from '../../../../domain/promise';

/**
 * 断其后路: an exact date, an amount and a channel. Refuses what is vague or impossible, with the reason
 * in Chinese, before anything reaches the call flow.
 */
export function PromiseForm({ today, horizonDays, owedFen, onPinned }: { today: string; horizonDays: number; owedFen: number; onPinned(promise: PinnedPromise): void }) {
  const [date, setDate] = useState<Dayjs | null>(null);
  const [amount, setAmount] = useState<string | null>((owedFen / 100).toFixed(2));
  const [channel, setChannel] = useState<PromiseChannel | null>(null);
  const [errors, setErrors] = useState<PromiseErrors>({});

  const pin = () => {
    const money = amount === null || amount === '' ? null : parseMoney(amount);
    const result = validatePromise(
      { date: date ? date.format('YYYY-MM-DD') : null, amountFen: money && money.ok ? money.fen : null, channel },
      { today, horizonDays, owedFen },
    );
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onPinned(result.promise);
  };

  const latest = addDays(today, horizonDays);
  return (
    <Form layout="vertical" size="small" aria-label="约定缴费" onFinish={pin}>
      <Space wrap align="start">
        <Form.Item label="缴费日期" validateStatus={errors.date ? 'error' : undefined} help={errors.date}>
          <DatePicker
            aria-label="缴费日期"
            value={date}
            onChange={setDate}
            // Out-of-range days stay typeable so the reason is said in words, not silently ignored.
            placeholder={`今天至 ${latest}`}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item label="金额（元）" validateStatus={errors.amountFen ? 'error' : undefined} help={errors.amountFen}>
          <InputNumber<string> aria-label="约定金额" stringMode min="0" precision={2} value={amount} onChange={setAmount} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="缴费方式" validateStatus={errors.channel ? 'error' : undefined} help={errors.channel}>
          <Select aria-label="缴费方式" value={channel} onChange={setChannel} placeholder="选择方式" style={{ width: 130 }} options={promiseChannels.map((value) => ({ value, label: value }))} />
        </Form.Item>
      </Space>
      <Space>
        {[1, 2, 3, 7].map((days) => (
          <Button key={days} size="small" onClick={() => setDate(dayjs(addDays(today, days)))}>
            {days === 7 ? '一周后' : `${days} 天后`}
          </Button>
        ))}
        <Button type="primary" htmlType="submit">
          确认约定
        </Button>
      </Space>
    </Form>
  );
}
