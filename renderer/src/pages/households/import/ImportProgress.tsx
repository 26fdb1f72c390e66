/** An upload or analysis under way: what is being done, and how far it has got (announced politely). */
import { Progress, Typography } from 'antd';

export function ImportProgress({ doing, percent }: { doing: string; percent: number }) {
  return (
    <div style={{ padding: '24px 0' }} role="status" aria-live="polite">
      <Typography.Paragraph>{`正在${doing}……`}</Typography.Paragraph>
      <Progress percent={percent} status="active" />
    </div>
  );
}
