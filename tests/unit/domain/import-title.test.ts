import { describe, expect, it } from 'vitest';
import { communityFromTitle, communityFromTitleRows } from '../../../domain/import/title';

describe('communityFromTitle', () => {
  it.each([
    ['翠湖天地 业主欠费台账（截至2026年11月30日）', '翠湖天地'],
    ['翠湖天地小区2026年11月欠费明细', '翠湖天地'],
    ['枫林雅苑 2025年物业费欠费明细表', '枫林雅苑'],
    ['锦绣华庭业主欠费清单', '锦绣华庭'],
    ['【观澜苑】2026年度物业费欠缴统计', '观澜苑'],
    ['观澜苑项目2026年度欠费统计表', '观澜苑'],
    ['深圳市安居物业服务有限公司翠湖天地管理处欠费明细', '翠湖天地'],
    ['2026年11月翠湖天地欠费明细', '翠湖天地'],
    ['截至2026-11-30 翠湖天地 应收未收汇总', '翠湖天地'],
    ['翠湖天地二期 欠费明细', '翠湖天地二期'],
    ['翠湖天地1-10栋物业费欠费明细', '翠湖天地'],
    ['翠湖天地花园-业主欠费一览表', '翠湖天地花园'],
    ['阳光小区欠费明细', '阳光小区'],
    ['小区：翠湖天地    制表日期：2026-11-30', '翠湖天地'],
    ['项目名称：观澜苑项目', '观澜苑'],
  ])('%s names %s', (title, community) => {
    expect(communityFromTitle(title)).toBe(community);
  });

  it.each([
    '欠费明细表',
    '2026年11月物业费欠费明细',
    '业主欠费台账（截至2026年11月30日）',
    '深圳市安居物业服务有限公司欠费明细表',
    '安居物业欠费明细',
    '制表日期：2026-11-30',
    '单位：元',
    '应收未收明细（按房屋）',
    '收费系统导出数据',
    '全体业主欠费统计',
    'Sheet1',
    '附件1',
    '',
  ])('%j names no community', (title) => {
    expect(communityFromTitle(title)).toBeNull();
  });
});

describe('communityFromTitleRows', () => {
  it('takes the first title row that names one, past date lines and blank rows', () => {
    expect(communityFromTitleRows([['制表日期：2026-11-30'], [], ['翠湖天地 业主欠费台账', null, null]])).toBe('翠湖天地');
  });

  it('reads a label cell and its value', () => {
    expect(communityFromTitleRows([['小区名称', '翠湖天地', '制表日期', '2026-11-30']])).toBe('翠湖天地');
  });

  it('proposes nothing without a title', () => {
    expect(communityFromTitleRows([])).toBeNull();
    expect(communityFromTitleRows([['欠费明细表'], ['单位：元']])).toBeNull();
  });
});
