/** One card per kind of follow-up with the day's count; a card filters the list to its kind, again to show all. */
import { Card, Statistic } from 'antd';
import type { TodayQueue } from '../../../../electron/contract';
import { queueKinds, type QueueKind } from '../../../../domain/follow-up-rules';

interface QueueKindCardsProps {
  counts: TodayQueue['counts'];
  kind: QueueKind | null;
  onKindChange(kind: QueueKind | null): void;
}

export function QueueKindCards({ counts, kind, onKindChange }: QueueKindCardsProps) {
  return (
    <div className="today-cards">
      {queueKinds.map((entry) => (
        <Card
          key={entry.id}
          size="small"
          hoverable
          className={kind === entry.id ? 'active' : ''}
          role="button"
          tabIndex={0}
          aria-pressed={kind === entry.id}
          aria-label={`${entry.label} ${counts[entry.id]}`}
          onClick={() => onKindChange(kind === entry.id ? null : entry.id)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' && event.key !== ' ') return;
            event.preventDefault();
            onKindChange(kind === entry.id ? null : entry.id);
          }}
        >
          <Statistic title={entry.label} value={counts[entry.id]} />
        </Card>
      ))}
    </div>
  );
}
