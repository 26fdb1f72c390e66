/** The categories of words a team lead may add to the lint in 团队设置, with their labels for the settings UI. Pure. */
import type { LintTermCategory } from './types';

export interface LintTermCategoryInfo {
  category: LintTermCategory;
  label: string;
  /** What a term of this category does, for the settings page. */
  description: string;
  example: string;
}

export const LINT_TERM_CATEGORIES: readonly LintTermCategoryInfo[] = [
  { category: 'utility-cut', label: '水电气暖等服务', description: '不能以停供相逼的服务；和“再不交”“交清后才”或停、断、关等说法一起出现时拦下。', example: '直饮水' },
  { category: 'access', label: '门禁、电梯、车辆等出入', description: '业主回家、进出用到的设施；和“再不交”“交清后才”或锁、注销、不让进等说法一起出现时拦下。', example: '人行闸' },
  { category: 'harm', label: '停供或限制的说法', description: '停止、限制或不给某项服务的说法；和服务或出入设施一起出现、并指向业主或以缴费为条件时拦下。', example: '降级处理' },
  { category: 'publicise', label: '公开欠费的做法', description: '公开业主欠费或姓名的做法；出现即拦下（“不会……”等否定说法除外）。', example: '欠费红黑榜' },
  { category: 'credit', label: '征信或身份类说法', description: '拿征信、贷款、子女上学等吓唬业主的说法；出现即拦下（否定或澄清的说法除外）。', example: '银行黑名单' },
  { category: 'insult', label: '侮辱或挖苦用语', description: '侮辱、挖苦业主的用语（含方言）；出现即拦下（“我没说您是……”除外）。', example: '抠脚' },
  { category: 'pressure', label: '需要再确认的重话', description: '语气较重的说法；出现时提醒组长再确认，不拦下。', example: '最后期限' },
];
