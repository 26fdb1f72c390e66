/**
 * Read side of the ledger for the 业主欠费 screen and quick-find: lists, facets, search, the arrears record.
 * Phones leave the backend masked; `revealPhone` is the one way to a whole number, and it is logged.
 */
import type { z } from 'zod';
import type {
  CommunityFacet,
  HouseholdFacets,
  HouseholdHit,
  HouseholdList,
  HouseholdRecord,
  HouseholdRow,
  householdListInput,
} from '../../contract';
import { ApiError } from '../../contract';
import { collectionPauseOf, type TeamSettings } from '../../../domain/follow-up-rules';
import { ageingBucketOf, billedPercentOf, type Household } from '../../../domain/ledger';
import { ownerTypeFor, type OwnerTypeGuess } from '../../../domain/owner-type';
import { maskPhone } from '../../../domain/phone';
import { inScope } from '../../../domain/roles';
import { QuickFindIndex } from '../../../domain/search/quick-find';
import type { ContactLog, LedgerRepository } from '../ports';
import { promiseStates } from '../follow-ups/today-queue';

type ListInput = z.output<typeof householdListInput>;

/** Collection calls pause while a repair revisit is open: the rule is domain's, shared with the call rules. */
export { collectionPauseOf };

const compareRooms = (a: string, b: string): number => a.localeCompare(b, 'zh-CN', { numeric: true });

export class HouseholdQueries {
  private cache: { revision: number; index: QuickFindIndex; byPhone: Map<string, string[]> } | null = null;

  constructor(
    private readonly ledger: LedgerRepository,
    private readonly contacts: ContactLog,
    /** Today and the grace days decide whether a promise is kept, pending or broken. */
    private readonly today: () => string,
    private readonly team: () => Pick<TeamSettings, 'graceDays' | 'custodyPercent'>,
  ) {}

  /** Search index and owner look-up, rebuilt when the ledger changed. */
  private derived() {
    if (this.ledger.error) throw this.ledger.error;
    if (this.cache?.revision !== this.ledger.changes.revision) {
      const byPhone = new Map<string, string[]>();
      for (const household of this.ledger.allHouseholds()) {
        for (const phone of household.phones) {
          const list = byPhone.get(phone);
          if (list) list.push(household.id);
          else byPhone.set(phone, [household.id]);
        }
      }
      this.cache = { revision: this.ledger.changes.revision, index: new QuickFindIndex(this.ledger.allHouseholds(), { owedFenOf: (id) => this.ledger.summaryOf(id)?.owedFen ?? 0 }), byPhone };
    }
    return this.cache;
  }

  /** Builds the search index ahead of the first Ctrl+K. */
  warm(): void {
    if (!this.ledger.error) this.derived();
  }

  private find(id: string): Household {
    const household = this.ledger.household(id);
    if (household) return household;
    // In a shard that could not be read: say which file, not "not found".
    const unavailable = this.ledger.unavailable(id);
    if (unavailable) throw unavailable;
    throw new ApiError({ code: 'NOT_FOUND', message: `找不到房屋「${id.replace('|', ' ')}」，可能已被撤销的导入删除。` });
  }

  private row(household: Household): HouseholdRow {
    const summary = this.ledger.summaryOf(household.id)!;
    return {
      id: household.id,
      community: household.community,
      roomLabel: household.roomLabel,
      kind: household.kind,
      custody: household.custody,
      occupied: household.occupied,
      ownerName: household.ownerName,
      phoneMasked: household.phones[0] ? maskPhone(household.phones[0]) : null,
      owedFen: summary.owedFen,
      lateFeeFen: summary.lateFeeFen,
      monthsOverdue: summary.monthsOverdue,
      earliestUnpaid: summary.earliestUnpaid,
      lastContactAt: this.contacts.of(household.id).lastContactAt,
    };
  }

  facets(scope: ReadonlySet<string> | null = null): HouseholdFacets {
    if (this.ledger.error) throw this.ledger.error;
    const byName = new Map<string, CommunityFacet & { buildingSet: Set<string> }>();
    for (const household of this.ledger.allHouseholds()) {
      if (!inScope(scope, household.community)) continue;
      let facet = byName.get(household.community);
      if (!facet) byName.set(household.community, (facet = { name: household.community, buildings: [], buildingSet: new Set(), households: 0, owingHouseholds: 0, owedFen: 0 }));
      if (household.building) facet.buildingSet.add(household.building);
      const summary = this.ledger.summaryOf(household.id)!;
      facet.households += 1;
      if (summary.owedFen > 0) facet.owingHouseholds += 1;
      facet.owedFen += summary.owedFen;
    }
    const communities = [...byName.values()]
      .map(({ buildingSet, ...facet }) => ({ ...facet, buildings: [...buildingSet].sort(compareRooms) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    return {
      communities,
      households: communities.reduce((sum, c) => sum + c.households, 0),
      owingHouseholds: communities.reduce((sum, c) => sum + c.owingHouseholds, 0),
      owedFen: communities.reduce((sum, c) => sum + c.owedFen, 0),
    };
  }

  list(input: ListInput, scope: ReadonlySet<string> | null = null): HouseholdList {
    if (this.ledger.error) throw this.ledger.error;
    const rows: HouseholdRow[] = [];
    let totalOwedFen = 0;
    for (const household of this.ledger.allHouseholds()) {
      if (!inScope(scope, household.community)) continue;
      if (input.community && household.community !== input.community) continue;
      if (input.building && household.building !== input.building) continue;
      if (input.kind && household.kind !== input.kind) continue;
      const summary = this.ledger.summaryOf(household.id)!;
      if (input.owingOnly && summary.owedFen <= 0) continue;
      if (input.ageing && ageingBucketOf(summary.monthsOverdue) !== input.ageing) continue;
      rows.push(this.row(household));
      totalOwedFen += summary.owedFen;
    }
    const direction = input.order === 'asc' ? 1 : -1;
    const key: Record<ListInput['sort'], (row: HouseholdRow) => number | string> = {
      owed: (row) => row.owedFen,
      months: (row) => row.monthsOverdue * 1e12 + row.owedFen,
      lastContact: (row) => row.lastContactAt ?? '',
      room: (row) => `${row.community}|${row.roomLabel}`,
    };
    const by = key[input.sort];
    rows.sort((a, b) => {
      const x = by(a);
      const y = by(b);
      const order = typeof x === 'number' ? x - (y as number) : compareRooms(x, y as string);
      return order * direction || compareRooms(a.id, b.id);
    });
    return { total: rows.length, totalOwedFen, rows: rows.slice(input.offset, input.offset + input.limit) };
  }

  search(query: string, limit: number, scope: ReadonlySet<string> | null = null): HouseholdHit[] {
    const { index } = this.derived();
    const digits = /^\d{4}$/.test(query.trim()) ? query.trim() : null;
    // Scoped: look further down the ranking, then keep the actor's communities' hits.
    const hits = scope === null ? index.search(query, limit) : index.search(query, Math.min(limit * 20, 2000)).filter((hit) => inScope(scope, this.ledger.household(hit.id)!.community)).slice(0, limit);
    return hits.map((hit) => {
      const household = this.ledger.household(hit.id)!;
      const summary = this.ledger.summaryOf(hit.id)!;
      const phone = hit.matched === 'phone' && digits ? household.phones.find((p) => p.endsWith(digits)) : undefined;
      return {
        id: hit.id,
        community: household.community,
        roomLabel: household.roomLabel,
        ownerName: household.ownerName,
        owedFen: summary.owedFen,
        monthsOverdue: summary.monthsOverdue,
        matched: hit.matched,
        phoneMasked: phone ? maskPhone(phone) : null,
      };
    });
  }

  record(id: string): HouseholdRecord {
    const household = this.find(id);
    const { byPhone } = this.derived();
    const others = new Set<string>();
    for (const phone of household.phones) for (const other of byPhone.get(phone) ?? []) if (other !== id) others.add(other);
    const { phones, ...rest } = household;
    const recorded = this.contacts.of(id);
    const team = this.team();
    const states = promiseStates(this.ledger.paymentsOf(id), recorded, this.today(), team.graceDays);
    return {
      household: { ...rest, phones: phones.map((phone, index) => ({ index, masked: maskPhone(phone) })) },
      billedPercent: billedPercentOf(household, team.custodyPercent),
      summary: this.ledger.summaryOf(id)!,
      items: [...this.ledger.itemsOf(id)].sort((a, b) => b.periodStart.localeCompare(a.periodStart) || a.feeType.localeCompare(b.feeType, 'zh-CN')),
      payments: [...this.ledger.paymentsOf(id)].sort((a, b) => b.paidOn.localeCompare(a.paidOn)),
      contacts: recorded.contacts,
      phoneAccess: this.contacts.phoneAccessOf(id),
      promises: recorded.promises
        .map((promise) => ({ ...promise, status: states.get(promise.id) ?? promise.status }))
        .sort((a, b) => b.date.localeCompare(a.date)),
      grievances: [...recorded.grievances].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      followUps: [...recorded.followUps].sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
      queueActions: [...recorded.queueActions].sort((a, b) => b.at.localeCompare(a.at)),
      collectionPause: collectionPauseOf(recorded.grievances),
      ownerType: this.ownerType(id),
      otherUnits: [...others]
        .map((otherId) => this.ledger.household(otherId)!)
        .filter((other) => other.ownerName === household.ownerName)
        .map((other) => ({ id: other.id, community: other.community, roomLabel: other.roomLabel, owedFen: this.ledger.summaryOf(other.id)!.owedFen })),
    };
  }

  /** The owner type a call to this household starts with (the last call's, or what the history says). */
  ownerType(id: string): OwnerTypeGuess {
    const recorded = this.contacts.of(id);
    return ownerTypeFor({ monthsOverdue: this.ledger.summaryOf(id)?.monthsOverdue ?? 0, contacts: recorded.contacts, grievances: recorded.grievances, promises: recorded.promises });
  }

  /** The whole number, for the dial action or a deliberate reveal. */
  phone(id: string, phoneIndex: number): string {
    const phone = this.find(id).phones[phoneIndex];
    if (!phone) throw new ApiError({ code: 'NOT_FOUND', message: '该房屋没有这个电话号码。' });
    return phone;
  }
}
