/** The list's heading and filters: the day, the community, the 负责人 (me, the team pool, a steward), and 团队设置. */
import { Button, DatePicker, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { ALL, POOL } from './use-queue-filters';

interface TodayToolbarProps {
  /** The day the list is for. */
  date: string;
  /** Whether that is the backend's today. */
  isToday: boolean;
  onDateChange(date: string | null): void;
  communities: readonly string[];
  community: string | undefined;
  onCommunityChange(community: string | undefined): void;
  owner: string;
  onOwnerChange(owner: string): void;
  /** This desk's steward. */
  me: string;
  stewards: readonly string[];
  onEditTeam(): void;
}

export function TodayToolbar({ date, isToday, onDateChange, communities, community, onCommunityChange, owner, onOwnerChange, me, stewards, onEditTeam }: TodayToolbarProps) {
  return (
    <Space wrap>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {isToday ? '今日跟进' : `${date} 的跟进`}
      </Typography.Title>
      <DatePicker aria-label="跟进日期" value={dayjs(date)} allowClear={false} onChange={(value) => onDateChange(value ? value.format('YYYY-MM-DD') : null)} />
      <Select aria-label="小区" allowClear placeholder="全部小区" style={{ width: 150 }} value={community} onChange={onCommunityChange} options={communities.map((name) => ({ value: name, label: name }))} />
      <Select
        aria-label="负责人"
        style={{ width: 170 }}
        value={owner}
        onChange={onOwnerChange}
        options={[
          { value: ALL, label: '全部负责人' },
          ...(me ? [{ value: me, label: `我的（${me}）` }] : []),
          { value: POOL, label: '团队池' },
          ...stewards.filter((name) => name !== me).map((name) => ({ value: name, label: name })),
        ]}
      />
      <Button onClick={onEditTeam}>团队设置</Button>
    </Space>
  );
}
