import { Table, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import type { HouseholdRow } from '../../../../electron/contract';
import { ageingBucketOf } from '../../../../domain/ledger';
import { formatYuan } from '../../money';
import type { HouseholdFilters } from '../../stores/household-filters';

const bucketColors = { '1-3': 'gold', '4-6': 'orange', '7-12': 'volcano', '12+': 'red' } as const;

export function MonthsTag({ months }: { months: number }) {
  const bucket = ageingBucketOf(months);
  if (!bucket) return <Tag color="green">已缴清</Tag>;
  return <Tag color={bucketColors[bucket]}>{months} 个月</Tag>;
}

const sortKeys: Record<string, HouseholdFilters['sort']> = { owedFen: 'owed', monthsOverdue: 'months', lastContactAt: 'lastContact', roomLabel: 'room' };

export function HouseholdTable({
  rows,
  loading,
  filters,
  selectedId,
  height,
  onSelect,
  onSort,
}: {
  rows: HouseholdRow[];
  loading: boolean;
  filters: HouseholdFilters;
  selectedId: string | null;
  height: number;
  onSelect(id: string): void;
  onSort(sort: HouseholdFilters['sort'], order: HouseholdFilters['order']): void;
}) {
  const order = (key: HouseholdFilters['sort']) => (filters.sort === key ? (filters.order === 'asc' ? 'ascend' : 'descend') : null);
  return (
    <Table<HouseholdRow>
      aria-label="欠费房屋列表"
      virtual
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ y: height }}
      rowClassName={(row) => (row.id === selectedId ? 'row-selected' : '')}
      onRow={(row) => ({ onClick: () => onSelect(row.id), style: { cursor: 'pointer' } })}
      onChange={(_pagination, _filters, sorter) => {
        const { field, order: direction } = sorter as SorterResult<HouseholdRow>;
        const key = sortKeys[String(field)];
        if (key) onSort(key, direction === 'ascend' ? 'asc' : 'desc');
      }}
      locale={{ emptyText: '没有符合条件的房屋' }}
      columns={[
        {
          title: '房屋',
          dataIndex: 'roomLabel',
          width: 200,
          sorter: true,
          sortOrder: order('room'),
          render: (_value, row) => (
            <span>
              <Typography.Text type="secondary">{row.community} </Typography.Text>
              {row.roomLabel}
              {row.kind === '商铺' && <Tag style={{ marginLeft: 6 }}>商铺</Tag>}
              {row.custody && <Tag color="blue">托管</Tag>}
            </span>
          ),
        },
        { title: '业主', dataIndex: 'ownerName', width: 80 },
        {
          title: '欠费金额',
          dataIndex: 'owedFen',
          width: 110,
          align: 'right',
          sorter: true,
          sortOrder: order('owed'),
          sortDirections: ['descend', 'ascend'],
          render: (value: number) => formatYuan(value),
        },
        {
          title: '欠费月数',
          dataIndex: 'monthsOverdue',
          width: 96,
          sorter: true,
          sortOrder: order('months'),
          sortDirections: ['descend', 'ascend'],
          render: (value: number) => <MonthsTag months={value} />,
        },
        {
          title: '最近联系',
          dataIndex: 'lastContactAt',
          width: 96,
          sorter: true,
          sortOrder: order('lastContact'),
          render: (value: string | null) => (value ? dayjs(value).format('MM-DD HH:mm') : <Typography.Text type="secondary">未联系</Typography.Text>),
        },
      ]}
    />
  );
}
