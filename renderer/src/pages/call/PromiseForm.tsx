import { CalendarOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Radio, Space, Typography, type InputRef } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState, type ComponentRef, type KeyboardEvent } from 'react';
import { addDays, parseDayShorthand, spokenDate } from '../../../../domain/dates';
import { parseMoney } from '../../../../domain/money';
import { promiseChannels, validatePromise, type PinnedPromise, type PromiseChannel, type PromiseErrors } from '../../../../domain/promise';

/**
 * 断其后路: an exact date, an amount and a channel. Refuses what is vague or impossible, with the reason in Chinese,
 * before anything reaches the call flow. Keyboard-first: the date takes the quick forms a steward types while
 * talking (5 = the 5th, 12-5, +3), Enter moves date → amount → channel → 确认, a digit picks the channel, and the
 * arrow keys never change the amount.
 */
export function PromiseForm({
  today,
  horizonDays,
  owedFen,
  autoFocus = false,
  onPinned,
}: {
  today: string;
  horizonDays: number;
  owedFen: number;
  autoFocus?: boolean;
  onPinned(promise: PinnedPromise): void;
}) {
  const [dayText, setDayText] = useState('');
  const [amount, setAmount] = useState<string | null>((owedFen / 100).toFixed(2));
  const [channel, setChannel] = useState<PromiseChannel | null>(null);
  const [errors, setErrors] = useState<PromiseErrors>({});
  const [calendarOpen, setCalendarOpen] = useState(false);
  const dayInput = useRef<InputRef>(null);
  const amountInput = useRef<ComponentRef<typeof InputNumber>>(null);
  const channelGroup = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (autoFocus) dayInput.current?.focus();
  }, [autoFocus]);

  const date = parseDayShorthand(dayText, today);
  const latest = addDays(today, horizonDays);
  const clear = (field: keyof PromiseErrors) => setErrors(({ [field]: _cleared, ...rest }) => rest);

  const pin = () => {
    const money = amount === null || amount === '' ? null : parseMoney(amount);
    const result = validatePromise({ date, amountFen: money && money.ok ? money.fen : null, channel }, { today, horizonDays, owedFen });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onPinned(result.promise);
  };

  const focusChannel = () => channelGroup.current?.querySelector<HTMLInputElement>('input:checked, input')?.focus();

  const onChannelKey = (event: KeyboardEvent) => {
    const index = Number(event.key) - 1;
    if (Number.isInteger(index) && index >= 0 && index < promiseChannels.length) {
      event.preventDefault();
      setChannel(promiseChannels[index]!);
      clear('channel');
      return;
    }
    onEnter(event, pin);
  };

  const dateHelp = errors.date ?? (date ? `${spokenDate(date)}（${date}）` : dayText.trim() ? '看不懂这个日期：输入 5（5号）、12-5 或 +3（3天后）' : `可输入 5、12-5、+3；最远 ${latest}`);

  return (
    <Form layout="vertical" size="small" aria-label="约定缴费" onFinish={pin} className="promise-form">
      <Space wrap align="start" size={[12, 0]}>
        <Form.Item label="缴费日期" validateStatus={errors.date || (dayText.trim() && !date) ? 'error' : undefined} help={dateHelp}>
          <Space.Compact>
            <Input
              ref={dayInput}
              aria-label="缴费日期"
              value={dayText}
              placeholder="如 5、12-5、+3"
              style={{ width: 120 }}
              onChange={(event) => {
                setDayText(event.target.value);
                clear('date');
              }}
              onKeyDown={(event) => onEnter(event, () => amountInput.current?.focus())}
            />
            <DatePicker
              aria-label="打开日历"
              open={calendarOpen}
              onOpenChange={setCalendarOpen}
              value={date ? dayjs(date) : null}
              onChange={(value) => {
                if (value) setDayText(value.format('YYYY-MM-DD'));
                clear('date');
                setCalendarOpen(false);
              }}
              suffixIcon={<CalendarOutlined />}
              inputReadOnly
              tabIndex={-1}
              style={{ width: 36 }}
              placeholder=""
              allowClear={false}
            />
          </Space.Compact>
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Space size={4}>
            {[1, 2, 3, 7].map((days) => (
              <Button
                key={days}
                size="small"
                tabIndex={-1}
                onClick={() => {
                  setDayText(`+${days}`);
                  clear('date');
                }}
              >
                {days === 7 ? '一周后' : `${days} 天后`}
              </Button>
            ))}
          </Space>
        </Form.Item>
      </Space>
      <Space wrap align="start" size={[12, 0]}>
        <Form.Item label="金额（元）" validateStatus={errors.amountFen ? 'error' : undefined} help={errors.amountFen}>
          <InputNumber<string>
            ref={amountInput}
            aria-label="约定金额"
            stringMode
            min="0"
            precision={2}
            // ↑↓ must never change money silently.
            keyboard={false}
            controls={false}
            value={amount}
            onChange={(value) => {
              setAmount(value);
              clear('amountFen');
            }}
            onKeyDown={(event) => onEnter(event, focusChannel)}
            style={{ width: 120 }}
          />
        </Form.Item>
        <Form.Item label="缴费方式（数字键选）" validateStatus={errors.channel ? 'error' : undefined} help={errors.channel}>
          <div ref={channelGroup} onKeyDown={onChannelKey}>
            <Radio.Group
              aria-label="缴费方式"
              optionType="button"
              buttonStyle="solid"
              size="small"
              value={channel}
              onChange={(event) => {
                setChannel(event.target.value as PromiseChannel);
                clear('channel');
              }}
              options={promiseChannels.map((value, index) => ({ value, label: `${index + 1} ${value}` }))}
            />
          </div>
        </Form.Item>
      </Space>
      <Button type="primary" htmlType="submit" size="middle">
        确认约定 <Typography.Text keyboard>Enter</Typography.Text>
      </Button>
    </Form>
  );
}

/** Enter goes to the next field (not while an input method is composing, not with Ctrl: that ends the call). */
function onEnter(event: KeyboardEvent, next: () => void): void {
  if (event.key !== 'Enter' || event.ctrlKey || event.nativeEvent.isComposing) return;
  event.preventDefault();
  next();
}
