import { Alert, Button, Card, Collapse, Descriptions, Empty, Skeleton, Space, Statistic, Switch, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { HouseholdRecord } from '../../../../electron/contract';
import { owedOf, type ArrearsItem } from '../../../../domain/ledger';
import { paymentGroups, type PaymentGroup } from '../../../../domain/payment-groups';
import { useApi } from '../../api/api-context';
import { useApiData } from '../../hooks/use-api-data';
import { useToday } from '../../hooks/use-today';
import { formatYuan, periodLabel } from '../../money';
import { FollowUpList, isOpenFollowUp } from './FollowUpList';
import { PaymentDialog } from './PaymentDialog';
import { PhoneActions } from './PhoneActions';

interface PeriodGroup {
  key: string;
  period: string;
  items: ArrearsItem[];
  owedFen: number;
}

/** Items grouped by period, newest first; within a period, one line per fee type. */
function groupByPeriod(items: ArrearsItem[], showPaid: boolean): PeriodGroup[] {
  const groups = new Map<string, PeriodGroup>();
  for (const item of items) {
    if (!showPaid && owedOf(item) <= 0) continue;
    const key = `${item.periodStart}|${item.periodEnd}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, period: periodLabel(item.periodStart, item.periodEnd), items: [], owedFen: 0 }));
    group.items.push(item);
    group.owedFen += owedOf(item);
  }
  return [...groups.values()];
}

const householdPath = (id: string) => `/households/${encodeURIComponent(id)}`;

const promiseStatus = { pending: '待兑现', kept: '已兑现', broken: '已失约', cancelled: '已取消' } as const;

export function RecordPanel({ id, onChanged, inCall = false }: { id: string; onChanged(): void; inCall?: boolean }) {
  const api = useApi();
  const { data: record, error, loading, reload } = useApiData(() => api['households.get']({ id }), [api, id]);
  // Whether a collection call may start now, by the backend's rules (the same as calls.start): asked again with the record.
  const check = useApiData(async () => (inCall ? null : api['calls.check']({ householdId: id, purpose: 'collection' })), [api, id, inCall, record]);
  const [showPaid, setShowPaid] = useState(false);
  const [paying, setPaying] = useState(false);
  const today = useToday();
  const groups = useMemo(() => (record ? groupByPeriod(record.items, showPaid) : []), [record, showPaid]);
  const payments = useMemo(() => (record ? paymentGroups(record.payments) : []), [record]);

  if (error && !record) return <Alert type="error" showIcon title="无法打开欠费档案" description={error.message} action={<Button onClick={reload}>重试</Button>} />;
  if (!record || (loading && record.household.id !== id)) return <Skeleton active paragraph={{ rows: 10 }} />;
  const { household, summary } = record;
  const problems = check.data && !inCall ? check.data.problems : [];

  const refreshAll = (next?: HouseholdRecord) => {
    if (!next) reload();
    onChanged();
  };

  return (
    <section aria-label="欠费档案" className="record-panel">
      <Card
        size="small"
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {household.community} {household.roomLabel}
            </Typography.Title>
            <Tag>{household.kind}</Tag>
            {household.custody && <Tag color="blue">托管（按 {record.billedPercent}% 计费）</Tag>}
            {household.occupied === false && <Tag>未入住</Tag>}
          </Space>
        }
        extra={
          <Space>
            {!inCall &&
              // One press: the call page starts the call at once (and asks for a reason when the rules say not now).
              (summary.owedFen <= 0 ? (
                <Button type="primary" disabled>
                  开始通话
                </Button>
              ) : (
                <Link to={`/call/${encodeURIComponent(household.id)}?start=1`}>
                  <Button type={problems.length > 0 ? 'default' : 'primary'} danger={problems.length > 0}>
                    {problems.length > 0 ? '仍要拨打…' : '开始通话'}
                  </Button>
                </Link>
              ))}
            <Button disabled={summary.owedFen <= 0} onClick={() => setPaying(true)}>
              登记缴费
            </Button>
          </Space>
        }
      >
        {problems.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="现在不宜打催缴电话"
            description={
              <ul className="plain-list" aria-label="不宜拨打的原因">
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            }
          />
        )}
        <Space size="large" wrap style={{ marginBottom: 12 }} className="record-figures">
          <Statistic title="欠费合计" value={formatYuan(summary.owedFen)} styles={{ content: { color: summary.owedFen > 0 ? '#cf1322' : undefined } }} />
          <Statistic title="欠费月数" value={summary.monthsOverdue} suffix="个月" />
          <Statistic title="滞纳金（台账）" value={formatYuan(summary.lateFeeFen)} />
          <Statistic title="最早欠费" value={summary.earliestUnpaid ? summary.earliestUnpaid.slice(0, 7) : '—'} />
        </Space>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'owner', label: '业主', children: household.ownerName || '（未登记）' },
            ...(household.payers.length ? [{ key: 'payers', label: '使用人/租户', children: household.payers.join('、') }] : []),
            {
              key: 'phones',
              label: '电话',
              children: household.phones.length ? (
                <Space orientation="vertical" size={0}>
                  {household.phones.map((phone) => (
                    <PhoneActions key={phone.index} householdId={household.id} index={phone.index} masked={phone.masked} onAccess={reload} />
                  ))}
                </Space>
              ) : (
                '（未登记）'
              ),
            },
            ...(record.otherUnits.length
              ? [
                  {
                    key: 'others',
                    label: '同一业主的其他房屋',
                    children: (
                      <Space wrap>
                        {record.otherUnits.map((unit) => (
                          <Link key={unit.id} to={householdPath(unit.id)}>
                            {unit.community} {unit.roomLabel}（{formatYuan(unit.owedFen)}）
                          </Link>
                        ))}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card size="small" title="欠费明细" extra={<Switch checkedChildren="含已缴清" unCheckedChildren="只看欠费" checked={showPaid} onChange={setShowPaid} aria-label="显示已缴清的明细" />} style={{ marginTop: 12 }}>
        <Table<PeriodGroup>
          size="small"
          rowKey="key"
          pagination={groups.length > 12 ? { pageSize: 12, size: 'small' } : false}
          scroll={{ x: 'max-content' }}
          dataSource={groups}
          locale={{ emptyText: showPaid ? '没有账单' : '没有欠费' }}
          columns={[
            { title: '所属期间', dataIndex: 'period', width: inCall ? 96 : 150, className: 'nowrap' },
            { title: '收费项目', className: 'nowrap', render: (_v, group) => group.items.map((item) => item.feeType).join('、') },
            // During a call the column is narrow: what is owed and the late fee matter; 应收/实收 are in the expanded row.
            ...(inCall
              ? []
              : [
                  { title: '应收', align: 'right' as const, className: 'nowrap', render: (_v: unknown, group: PeriodGroup) => formatYuan(group.items.reduce((s, i) => s + i.dueFen, 0)) },
                  { title: '实收', align: 'right' as const, className: 'nowrap', render: (_v: unknown, group: PeriodGroup) => formatYuan(group.items.reduce((s, i) => s + i.paidFen, 0)) },
                ]),
            {
              title: '欠费',
              align: 'right',
              className: 'nowrap',
              render: (_v, group) => <Typography.Text type={group.owedFen > 0 ? 'danger' : undefined}>{formatYuan(group.owedFen)}</Typography.Text>,
            },
            { title: '滞纳金', align: 'right', className: 'nowrap', render: (_v, group) => formatYuan(group.items.reduce((s, i) => s + i.lateFeeFen, 0)) },
          ]}
          expandable={{
            expandedRowRender: (group) => (
              <ul className="plain-list">
                {group.items.map((item) => (
                  <li key={item.feeType}>
                    {item.feeType}：应收 {formatYuan(item.dueFen)}，实收 {formatYuan(item.paidFen)}，欠费 {formatYuan(owedOf(item))}
                    {item.lateFeeFen > 0 && `，滞纳金 ${formatYuan(item.lateFeeFen)}`}，缴费限期 {item.dueDate ?? '未填'}
                  </li>
                ))}
              </ul>
            ),
          }}
        />
      </Card>

      <Collapse
        style={{ marginTop: 12 }}
        defaultActiveKey={['payments', 'contacts', 'promises', 'grievances', 'followUps']}
        items={[
          {
            key: 'payments',
            label: `缴费记录（${payments.length}）`,
            children: payments.length ? (
              <Table<PaymentGroup>
                size="small"
                rowKey="key"
                aria-label="缴费记录"
                pagination={payments.length > 10 ? { pageSize: 10, size: 'small' } : false}
                dataSource={payments}
                columns={[
                  { title: '日期', dataIndex: 'paidOn', width: 110 },
                  { title: '金额', dataIndex: 'amountFen', align: 'right', render: (value: number) => formatYuan(value) },
                  { title: '来源', dataIndex: 'source', render: (value: string) => (value === 'import' ? '台账导入推算' : '手工登记') },
                  { title: '方式', dataIndex: 'channel', render: (value: string | null) => value ?? '—' },
                  { title: '结清', render: (_value, group) => `${group.settled.length} 笔明细` },
                  { title: '说明', dataIndex: 'note' },
                ]}
                expandable={{
                  expandedRowRender: (group) => (
                    <ul className="plain-list">
                      {group.settled.map((part) => (
                        <li key={`${part.feeType}|${part.period}`}>
                          {part.feeType} {part.period}：{formatYuan(part.amountFen)}
                        </li>
                      ))}
                    </ul>
                  ),
                }}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无缴费记录" />
            ),
          },
          {
            key: 'contacts',
            label: `催缴记录（${record.contacts.length}）`,
            children: record.contacts.length ? (
              <Timeline
                items={record.contacts.map((contact) => ({
                  key: contact.id,
                  children: `${dayjs(contact.at).format('YYYY-MM-DD HH:mm')} ${contact.channel} · ${contact.outcome}（${contact.steward}）${contact.notes ? `：${contact.notes}` : ''}`,
                }))}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有催缴记录：通话结束后会自动记在这里" />
            ),
          },
          {
            key: 'promises',
            label: `缴费承诺（${record.promises.length}）`,
            children: record.promises.length ? (
              <ul className="plain-list" aria-label="缴费承诺">
                {record.promises.map((promise) => (
                  <li key={promise.id}>
                    {promise.date} 通过{promise.channel}缴 {formatYuan(promise.amountFen)} <Tag>{promiseStatus[promise.status]}</Tag>
                  </li>
                ))}
              </ul>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无承诺：通话中约定的日期和金额会出现在这里" />
            ),
          },
          {
            key: 'grievances',
            label: `诉求与异议（${record.grievances.length}）`,
            children: record.grievances.length ? (
              <ul className="plain-list" aria-label="诉求与异议">
                {record.grievances.map((grievance) => (
                  <li key={grievance.id}>
                    {grievance.title}：“{grievance.words}”{grievance.dueDate && `，${grievance.kind === 'repair' ? '回访' : '答复'}日 ${grievance.dueDate}`}{' '}
                    <Tag color={grievance.status === 'open' ? 'orange' : 'green'}>{grievance.status === 'open' ? '处理中' : '已完成'}</Tag>
                  </li>
                ))}
              </ul>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无诉求：业主提出的维修、服务问题会记在这里" />
            ),
          },
          {
            key: 'followUps',
            label: `跟进任务（${record.followUps.filter((f) => isOpenFollowUp(f, record.promises)).length}）`,
            children: <FollowUpList record={record} today={today} onChanged={() => refreshAll()} />,
          },
          {
            key: 'access',
            label: `号码查看记录（${record.phoneAccess.length}）`,
            children: record.phoneAccess.length ? (
              <ul className="plain-list">
                {record.phoneAccess.map((entry) => (
                  <li key={entry.id}>
                    {dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss')} {entry.steward} {entry.action === 'dial' ? '拨打' : '查看'} {entry.phoneMasked}
                  </li>
                ))}
              </ul>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有人查看过完整号码" />
            ),
          },
        ]}
      />
      {paying && (
        <PaymentDialog
          householdId={household.id}
          owedFen={summary.owedFen}
          onClose={() => setPaying(false)}
          onSaved={(next) => {
            setPaying(false);
            refreshAll(next);
            reload();
          }}
        />
      )}
    </section>
  );
}
