/** The compliance lint's public types. Pure. */

export type LintSeverity = 'error' | 'warning';

/**
 * What a finding is about. `utility-cut` covers water, power, heat and gas and also lifts, gates, cars and visitors
 * (民法典 第944条 forbids both as a way to collect fees); the message says which.
 */
export type LintRule = 'utility-cut' | 'publicise' | 'credit' | 'insult' | 'personal-number' | 'unknown-variable' | 'pressure' | 'shaming';

export interface LintFinding {
  severity: LintSeverity;
  rule: LintRule;
  /** The words that triggered it, as written in the original text. */
  phrase: string;
  /** Where the phrase starts in the original text. */
  index: number;
  /** Why, in Chinese, naming the law. */
  message: string;
  /** A compliant way to say what the line wanted to say, in Chinese. */
  advice: string;
}

/**
 * The word lists a team lead may extend in 团队设置 (see LINT_TERM_CATEGORIES for what each one does):
 * - `utility-cut`: a service that must never be cut to collect fees (直饮水, 中水); blocked beside a coercion cue or a cut.
 * - `access`: a way in or out (人行闸, 蓝牙门禁); the same.
 * - `harm`: a way of cutting or withholding a service (降级处理, 拉闸限电); blocked beside a service and a cue or a target.
 * - `publicise`: a way of exposing a debtor (欠费红黑榜); blocked wherever it stands, unless negated.
 * - `credit`: a credit or status consequence (银行流水黑名单); blocked wherever it stands, unless negated or denied.
 * - `insult`: an insult (抠脚大汉); blocked wherever it stands, unless negated (我没说您是…).
 * - `pressure`: heavy phrasing worth a second look (最后期限); a warning.
 */
export type LintTermCategory = 'utility-cut' | 'access' | 'harm' | 'publicise' | 'credit' | 'insult' | 'pressure';

export interface CustomLintTerm {
  category: LintTermCategory;
  term: string;
}

export interface LintOptions {
  /** Terms the team lead added in 团队设置; normalised like the text. */
  customTerms?: readonly CustomLintTerm[];
}
