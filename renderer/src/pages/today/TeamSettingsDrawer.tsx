import { App, Button, Drawer, Form, Input, InputNumber, Select, Skeleton, Space, Switch, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../../../electron/contract';
import type { RosterMember, TeamSettings } from '../../../../domain/follow-up-rules';
import { LINT_TERM_CATEGORIES, type CustomLintTerm, type LintTermCategory } from '../../../../scripts-library/lint';
import { useApi } from '../../api/api-context';
import { useApiData } from '../../hooks/use-api-data';

interface Values {
  graceDays: number;
  windows: [Dayjs, Dayjs][];
  maxCallsPerDay: number;
  maxCallsPerWeek: number;
  horizonDays: number;
  residential: boolean;
  shops: boolean;
  writtenDemand: boolean;
  stewards: string[];
  paymentAccount: string;
  custodyPercent: number;
  /** The lead's own lint words, per category. */
  lintTerms: Record<LintTermCategory, string[]>;
}

const termsByCategory = (terms: readonly CustomLintTerm[]): Record<LintTermCategory, string[]> =>
  Object.fromEntries(LINT_TERM_CATEGORIES.map(({ category }) => [category, terms.filter((entry) => entry.category === category).map((entry) => entry.term)])) as Record<LintTermCategory, string[]>;

const termsOf = (byCategory: Values['lintTerms']): CustomLintTerm[] =>
  LINT_TERM_CATEGORIES.flatMap(({ category }) => [...new Set((byCategory[category] ?? []).map((term) => term.trim()).filter(Boolean))].map((term) => ({ category, term })));

const toValues = (settings: TeamSettings): Values => ({
  graceDays: settings.graceDays,
  windows: settings.callWindows.map((window) => [dayjs(`2000-01-01T${window.start}`), dayjs(`2000-01-01T${window.end}`)]),
  maxCallsPerDay: settings.maxCallsPerDay,
  maxCallsPerWeek: settings.maxCallsPerWeek,
  horizonDays: settings.horizonDays,
  ...settings.ladder,
  stewards: settings.stewards.map((member) => member.name),
  paymentAccount: settings.paymentAccount,
  custodyPercent: settings.custodyPercent,
  lintTerms: termsByCategory(settings.lintTerms),
});

/** The roster as saved: a name already on it keeps its id; a new name goes without one (the backend gives it one). */
const rosterOf = (names: readonly string[], current: readonly RosterMember[]): { id?: string; name: string }[] =>
  [...new Set(names.map((name) => name.trim()).filter(Boolean))].map((name) => {
    const known = current.find((member) => member.name === name);
    return known ? { id: known.id, name } : { name };
  });

/** 团队设置 for the lead: grace days, call windows, caps, the pinning horizon, the notice ladder, the stewards, the account, the 托管 share, the lint's own words. */
export function TeamSettingsDrawer({ onClose, onSaved }: { onClose(): void; onSaved(): void }) {
  const api = useApi();
  const { message } = App.useApp();
  const settings = useApiData(() => api['teamSettings.get']({}), [api]);
  const [form] = Form.useForm<Values>();

  const save = async (values: Values) => {
    try {
      await api['teamSettings.update']({
        graceDays: values.graceDays,
        callWindows: values.windows.map(([start, end]) => ({ start: start.format('HH:mm'), end: end.format('HH:mm') })),
        maxCallsPerDay: values.maxCallsPerDay,
        maxCallsPerWeek: values.maxCallsPerWeek,
        horizonDays: values.horizonDays,
        ladder: { residential: values.residential, shops: values.shops, writtenDemand: values.writtenDemand },
        stewards: rosterOf(values.stewards, settings.data?.stewards ?? []),
        paymentAccount: values.paymentAccount.trim(),
        custodyPercent: values.custodyPercent,
        lintTerms: termsOf(values.lintTerms),
      });
      message.success('团队设置已保存');
      onSaved();
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : String(error));
    }
  };

  return (
    <Drawer open title="团队设置" size={460} onClose={onClose}>
      {!settings.data ? (
        <Skeleton active />
      ) : (
        <Form<Values> form={form} layout="vertical" initialValues={toValues(settings.data)} onFinish={save}>
          <Form.Item label="失约宽限（天）" name="graceDays" extra="约定日过后几天仍未缴，才算失约">
            <InputNumber min={0} max={30} />
          </Form.Item>
          <Form.List name="windows">
            {(fields, { add, remove }) => (
              <Form.Item label="通话时段">
                {fields.map((field) => (
                  <Space key={field.key} style={{ marginBottom: 4 }}>
                    <Form.Item {...field} noStyle rules={[{ required: true, message: '请选择时段' }]}>
                      <TimePicker.RangePicker format="HH:mm" minuteStep={15} />
                    </Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(field.name)}>删除</Button>}
                  </Space>
                ))}
                {fields.length < 4 && <Button onClick={() => add([dayjs('2000-01-01T09:00'), dayjs('2000-01-01T12:00')])}>添加时段</Button>}
              </Form.Item>
            )}
          </Form.List>
          <Space>
            <Form.Item label="每户每天最多" name="maxCallsPerDay">
              <InputNumber min={1} max={5} addonAfter="次" />
            </Form.Item>
            <Form.Item label="每户每周最多" name="maxCallsPerWeek">
              <InputNumber min={1} max={20} addonAfter="次" />
            </Form.Item>
          </Space>
          <Form.Item label="承诺最远可约（天）" name="horizonDays">
            <InputNumber min={1} max={90} />
          </Form.Item>
          <Form.Item label="住宅通知阶梯" name="residential" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item label="商铺通知阶梯" name="shops" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item label="电话催缴 3 个月未果发 EMS 书面催告" name="writtenDemand" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item label="管家名单" name="stewards" extra="跟进可以转给名单里的管家；输入姓名后按回车添加">
            <Select mode="tags" aria-label="管家名单" placeholder="例如：王敏" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
          </Form.Item>
          <Form.Item label="收款账户" name="paymentAccount" extra="业主转账时管家念给业主听的账户，例如：工商银行 6222 0000 1234 5678，户名 某某物业服务有限公司">
            <Input.TextArea aria-label="收款账户" autoSize={{ minRows: 2, maxRows: 3 }} maxLength={120} />
          </Form.Item>
          <Form.Item label="托管收费比例（%）" name="custodyPercent" extra="签了托管协议的房屋按全额物业费的这个比例收取（规程：70%）">
            <InputNumber aria-label="托管收费比例" min={1} max={100} precision={0} />
          </Form.Item>
          <Typography.Title level={5}>合规检查词</Typography.Title>
          <Typography.Paragraph type="secondary">
            话术、短信和微信提醒保存或发送前都会做合规检查；这里可以补充本小区常见的说法，输入后按回车添加。
          </Typography.Paragraph>
          {LINT_TERM_CATEGORIES.map((info) => (
            <Form.Item key={info.category} label={info.label} name={['lintTerms', info.category]} extra={info.description}>
              <Select mode="tags" aria-label={`合规检查词：${info.label}`} placeholder={`例如：${info.example}`} tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </Form>
      )}
    </Drawer>
  );
}
