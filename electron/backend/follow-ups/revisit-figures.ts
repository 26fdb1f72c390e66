/**
 * The month's repair revisits against the 规程 (100% within its days of the repair's completion), for 今日跟进's
 * header. The rule is domain/grievance.ts's revisitRate; this gathers its facts from the contact log, once per
 * change of the log and month.
 */
import { categoryOfTitle, revisitRate, type RevisitFacts } from '../../../domain/grievance';
import { monthEnd } from '../../../domain/dates';
import type { ContactLog } from '../ports';

export type RevisitFigures = ReturnType<typeof revisitRate> & { month: string };

export class RevisitFiguresBuilder {
  private cached: { key: string; figures: RevisitFigures } | null = null;

  constructor(private readonly contacts: ContactLog) {}

  /** The revisits that fell due in the month of `day` (YYYY-MM-DD). */
  monthOf(day: string): RevisitFigures {
    const month = day.slice(0, 7);
    const key = `${month}|${this.contacts.changes.revision}`;
    if (this.cached?.key === key) return this.cached.figures;
    const repairs: RevisitFacts[] = [];
    for (const recorded of this.contacts.byHousehold().values()) {
      for (const grievance of recorded.grievances) {
        if (grievance.kind !== 'repair' || !grievance.completedOn) continue;
        const revisit = recorded.followUps.find((followUp) => followUp.kind === 'repair-revisit' && followUp.sourceId === grievance.id && followUp.status === 'done');
        repairs.push({
          category: grievance.category ?? categoryOfTitle(grievance.title),
          completedOn: grievance.completedOn,
          leakTestOn: grievance.leakTestOn ?? null,
          revisitedOn: revisit?.doneAt?.slice(0, 10) ?? null,
        });
      }
    }
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    const figures = { month, ...revisitRate(repairs, `${month}-01`, monthEnd(year, monthNumber)) };
    this.cached = { key, figures };
    return figures;
  }
}
