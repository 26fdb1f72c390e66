/** The month's repair revisits against the 规程's 100%: on time, late, not yet done. */
import { Tag, Typography } from 'antd';
import type { TodayQueue } from '../../../../electron/contract';

export function RevisitLine({ revisits }: { revisits: TodayQueue['revisits'] }) {
  if (revisits.due === 0) return null;
  const rate = Math.round((revisits.onTime / revisits.due) * 100);
  return (
    <Typography.Text aria-label="本月维修回访">
      {Number(revisits.month.slice(5))} 月维修回访及时率 <Tag color={rate === 100 ? 'green' : 'orange'}>{rate}%</Tag>
      应回访 {revisits.due} 户，按时 {revisits.onTime}
      {revisits.late > 0 && `，超时 ${revisits.late}`}
      {revisits.missing > 0 && `，未回访 ${revisits.missing}`}（规程要求 100%，维修完成后 2 天、渗漏试漏后 3 天内）
    </Typography.Text>
  );
}
