/** A residential household on the phone, as the script tests render and rank for it. */
import type { CallFacts } from '../../../scripts-library/render';

export const residentCall: CallFacts = {
  household: { ownerName: '何丽华', roomLabel: '8栋2单元1203', community: '观山水' },
  summary: { owedFen: 1_012_800, monthsOverdue: 8, earliestUnpaid: '2026-04-01', lateFeeFen: 35_600 },
  owedFeeTypes: ['物业费'],
  settings: { stewardName: '王敏', companyName: '晨光物业' },
  today: '2026-11-26',
};
