import { parseTree, type ParseError } from 'jsonc-parser';
import { ApiError, type ApiErrorCode, type ApiIssue } from '../../contract';

type StorageCode = Extract<ApiErrorCode, `STORAGE_${string}`>;

/** A problem with a data file or the data directory. Carries the file name and a Chinese message. */
export class StorageError extends ApiError {
  constructor(code: StorageCode, message: string, file?: string, issues?: ApiIssue[]) {
    super({ code, message, ...(file ? { file } : {}), ...(issues ? { issues } : {}) });
    this.name = 'StorageError';
  }
}

/** "line 3, column 7" for a character offset, to point the user at the broken spot. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

/**
 * Where a text that JSON.parse refused goes wrong, in words for the user. V8's own messages do not
 * always carry a position, so a strict tolerant parser locates the first error.
 */
export function describeJsonSyntaxError(text: string): string {
  if (text.trim() === '') return '文件为空';
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (!first || first.offset >= text.trimEnd().length) return '文件末尾不完整';
  const { line, column } = lineAndColumn(text, first.offset);
  return `第 ${line} 行第 ${column} 列附近`;
}
