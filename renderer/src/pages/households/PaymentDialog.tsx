import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError, paymentChannels, type HouseholdRecord } from '../../../../electron/contract';
import { parseMoney } from '../../../../domain/money';
import { useApi } from '../../api/api-context';
import { useToday } from '../../hooks/use-today';
import { formatYuan } from '../../money';

interface Values {
  amount: string;
  paidOn: Dayjs;
  channel: (typeof paymentChannels)[number];
  note?: string;
}

/** 登记缴费: a payment taken at the front desk or seen in the bank, settling the oldest items first. */
export function PaymentDialog({ householdId, owedFen, onClose, onSaved }: { householdId: string; owedFen: number; onClose(): void; onSaved(record: HouseholdRecord): void }) {
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // The backend's day (fixed in test mode): the default, and the last day a payment can have been made.
  const today = useToday();
  const afterToday = (day: Dayjs) => day.format('YYYY-MM-DD') > today;
  // Should app.status answer after the dialog opened, the default follows it until the steward picks a day.
  useEffect(() => {
    if (!form.isFieldTouched('paidOn')) form.setFieldValue('paidOn', dayjs(today));
  }, [form, today]);

  const save = async (values: Values) => {
    const amount = parseMoney(values.amount);
    if (!amount.ok || amount.fen === null) return;
    setSaving(true);
    try {
      const record = await api['payments.record']({ householdId, amountFen: amount.fen, paidOn: values.paidOn.format('YYYY-MM-DD'), channel: values.channel, note: values.note ?? '' });
      message.success(`已登记缴费 ${formatYuan(amount.fen)}`);
      onSaved(record);
    } catch (error) {
      if (error instanceof ApiError && error.issues?.some((issue) => issue.path === 'amountFen')) form.setFields([{ name: 'amount', errors: [error.message] }]);
      else message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title="登记缴费" okText="登记" cancelText="取消" confirmLoading={saving} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={{ paidOn: dayjs(today), channel: '微信' }} onFinish={save}>
        <Form.Item
          label={`金额（元），当前欠费 ${formatYuan(owedFen)}`}
          name="amount"
          rules={[
            { required: true, message: '请填写金额' },
            {
              validator: async (_rule, value: string) => {
                const parsed = parseMoney(value);
                if (!parsed.ok) throw new Error(parsed.reason);
                if (parsed.fen === null || parsed.fen <= 0) throw new Error('金额必须大于 0');
                if (parsed.fen > owedFen) throw new Error(`不能超过当前欠费 ${formatYuan(owedFen)}`);
              },
            },
          ]}
        >
          <InputNumber<string> stringMode style={{ width: '100%' }} min="0" precision={2} placeholder="例如 1200.50" autoFocus />
        </Form.Item>
        <Form.Item
          label="缴费日期"
          name="paidOn"
          rules={[
            { required: true, message: '请选择日期' },
            {
              validator: async (_rule, value: Dayjs | null) => {
                if (value && afterToday(value)) throw new Error(`缴费日期不能晚于今天（${today}）`);
              },
            },
          ]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
        </Form.Item>
        <Form.Item label="缴费方式" name="channel" rules={[{ required: true, message: '请选择缴费方式' }]}>
          <Select options={paymentChannels.map((value) => ({ value, label: value }))} />
        </Form.Item>
        <Form.Item label="说明" name="note">
          <Input maxLength={200} placeholder="例如：前台现金，收据号 0012" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
