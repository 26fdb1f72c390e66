/** The rules a team lead sets in 团队设置: grace days, call windows, caps, the pinning horizon, the notice ladder. */
import type { CustomLintTerm } from '../../scripts-library/lint';
import { DEFAULT_CUSTODY_PERCENT } from '../ledger';

export interface CallWindow {
  start: string; // HH:mm
  end: string;
}

/** A steward on the team's roster: the user id (minted by the backend) beside the name. */
export interface RosterMember {
  id: string;
  name: string;
}

export interface TeamSettings {
  /** Days after the promised date before a promise counts as broken. */
  graceDays: number;
  callWindows: CallWindow[];
  maxCallsPerDay: number;
  maxCallsPerWeek: number;
  /** How far ahead a promise may be pinned. */
  horizonDays: number;
  ladder: { residential: boolean; shops: boolean; writtenDemand: boolean };
  /** The team's stewards, for handing a household to someone else. */
  stewards: RosterMember[];
  /** The company's 收款账户 as stewards read it to an owner (bank, account number, account name); '' when not set. */
  paymentAccount: string;
  /** 托管 units are billed at this share of the full 物业管理费, in percent (the 规程: 70). */
  custodyPercent: number;
  /** Words the lead added to the compliance lint (scripts, messages, notes are checked with them too). */
  lintTerms: CustomLintTerm[];
}

export const defaultTeamSettings: TeamSettings = {
  graceDays: 1,
  callWindows: [
    { start: '09:00', end: '12:00' },
    { start: '14:00', end: '20:00' },
  ],
  maxCallsPerDay: 1,
  maxCallsPerWeek: 3,
  horizonDays: 30,
  ladder: { residential: true, shops: true, writtenDemand: true },
  stewards: [],
  paymentAccount: '',
  custodyPercent: DEFAULT_CUSTODY_PERCENT,
  lintTerms: [],
};
