/**
 * The community a title row names. Billing exports put a title above the header — "翠湖天地 业主欠费台账
 * （截至2026年11月30日）", "翠湖天地小区2026年11月欠费明细", "小区：翠湖天地" — and when the file has no 小区
 * column that title is the best guess for the community. A title that names none ("欠费明细表", "2026年11月
 * 物业费欠费明细", a company name) proposes nothing. Pure.
 */
import { cleanCell } from '../text';
import { fieldById, scoreHeader } from './fields';

/** Where the name ends: report vocabulary ("业主欠费台账", "物业费明细") or a number (a date, a building). */
const REPORT_WORDS = /\d|业主|住户|客户|物业费|物业服务费|物业管理费|管理费|服务费|欠费|欠缴|欠款|未缴|催缴|催费|催收|收费|应收|实收|费用|台账|明细|清单|统计|汇总|报表|一览|名单|年度|截至|截止|导出|数据|通知/;
/** A date at the start: 2026年11月, 2026年度, 2026-11, 截至2026年11月30日. */
const LEADING_DATE = /^(?:截至|截止)?\d{4}(?:\s*年度?|[-/.])(?:\s*\d{1,2}\s*(?:月份?|[-/.]))?(?:\s*\d{1,2}\s*日?)?/;
/** The management company in front of the community: 安居物业服务有限公司翠湖天地管理处. */
const COMPANY_PREFIX = /^.*?(?:公司|集团)/;
/** Office and project words after the name: 翠湖天地管理处, 观澜苑项目部. */
const OFFICE_SUFFIX = /(?:物业服务中心|客服中心|服务中心|管理处|项目部|项目)$/;
/** Parenthesised asides — （截至2026年11月30日）, (单位：元) — are not the name. */
const ASIDE = /[(（][^)）]*[)）]/g;
/** A name in brackets: 【锦绣华庭】业主欠费清单. */
const BRACKETED = /[【〔［[]([^】〕］\]]+)[】〕］\]]/;
/** Separators between the name and the rest of the title. */
const SEPARATORS = /[\s\-—_|/]+/;
/** What is left must look like a name: Chinese first, at least two characters, a company or a bare word is not one. */
const NAME = /^[\u4e00-\u9fff][\u4e00-\u9fff·A-Za-z]{1,19}$/;
const NOT_A_NAME = /^(?:全部|所有|全体|本|各|各小区|本小区|小区|项目|住宅|商铺|附件|说明|备注|表|按.*)$|物业$|表$/;

/** The community in one stretch of title text, without the report words after it. */
function nameIn(text: string): string | null {
  const cut = text.replace(COMPANY_PREFIX, '');
  const end = cut.search(REPORT_WORDS);
  let name = (end < 0 ? cut : cut.slice(0, end)).replace(OFFICE_SUFFIX, '');
  // 翠湖天地小区 is 翠湖天地; 阳光小区 keeps its 小区, or nothing of the name would be left.
  if (name.endsWith('小区') && name.length >= 5) name = name.slice(0, -2);
  return NAME.test(name) && !NOT_A_NAME.test(name) ? name : null;
}

/** "小区：翠湖天地", "项目名称：观澜苑": the value after a label that names the community; null when there is no label. */
function labelled(text: string): { isCommunity: boolean; value: string } | null {
  const match = /^([^：:\s]{1,8})\s*[：:]\s*(.*)$/.exec(text);
  if (!match) return null;
  return { isCommunity: scoreHeader(match[1]!, fieldById.get('community')!) > 0, value: match[2]! };
}

/** The community one title names, or null. */
export function communityFromTitle(title: unknown): string | null {
  const text = cleanCell(title);
  if (!text || text.length > 80) return null;
  const label = labelled(text);
  if (label) return label.isCommunity ? nameIn(label.value.split(SEPARATORS)[0] ?? '') : null;
  const bracketed = BRACKETED.exec(text);
  if (bracketed) return nameIn(bracketed[1]!.trim());
  const rest = text.replace(ASIDE, ' ').trim().replace(LEADING_DATE, '').trim();
  return nameIn(rest.split(SEPARATORS)[0] ?? '');
}

/**
 * The community the rows above a header name: the first title row that names one. A row's cells are read
 * together (a title may be split over cells, or be a label cell and its value).
 */
export function communityFromTitleRows(rows: readonly (readonly unknown[])[]): string | null {
  for (const row of rows) {
    const cells = row.map(cleanCell).filter(Boolean);
    if (cells.length === 0) continue;
    // A label cell and its value in the next: 小区名称 | 翠湖天地.
    const joined = cells.length > 1 && scoreHeader(cells[0]!, fieldById.get('community')!) === 100 ? `${cells[0]}：${cells.slice(1).join(' ')}` : cells.join(' ');
    const name = communityFromTitle(joined);
    if (name) return name;
  }
  return null;
}
