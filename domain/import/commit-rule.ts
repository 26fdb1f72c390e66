/** Whether an analysed import may be committed: the import dialog's 确认导入 and the backend's commit ask the same. */

export interface CommitFacts {
  /** Required columns the mapping does not give. */
  missing: readonly string[];
  /** Rows with errors. */
  errorCount: number;
  /** Arrears items the file would import. */
  items: number;
}

/** Why the import cannot be committed, in Chinese, or null. */
export function importCommitProblem(facts: CommitFacts, skipErrorRows: boolean): string | null {
  if (facts.missing.length > 0) return `还缺少必需的列：${facts.missing.join('、')}。请在列映射中指定后再导入。`;
  if (facts.errorCount > 0 && !skipErrorRows) return `有 ${facts.errorCount} 行数据有错误。请修正文件后重新导入，或选择跳过这些行。台账未被改动。`;
  if (facts.items === 0) return '文件中没有可导入的欠费明细。台账未被改动。';
  return null;
}
