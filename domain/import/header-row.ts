/**
 * Finds the header in a sheet whose first row need not be it: title rows, blank rows and two-row headers
 * (a merged group cell such as 金额 over 应收/实收/欠费) are common in billing exports. Pure.
 */
import { cleanCell } from '../text';
import { recognizeHeaders, type ColumnMapping } from './fields';

export interface HeaderInfo {
  /**
   * 0-based index, into the rows searched, of the last header row; data starts after it. An index, not
   * a row number: a spreadsheet's rows can skip numbers (see rowNumberAt).
   */
  lastHeaderRow: number;
  headerRows: 1 | 2;
  /** One label per column, combining a two-row header. */
  headers: string[];
  mapping: ColumnMapping;
}

/** The header is looked for in the sheet's first 30 rows (by row number, as the user counts them). */
const SCAN_ROWS = 30;

/**
 * The 1-based row number, as the user sees it in the file, of `rows[index]`. `rowNumbers` gives them
 * where they are not simply index + 1 (a spreadsheet has no entry for rows without cells).
 */
export function rowNumberAt(rowNumbers: readonly number[] | undefined, index: number): number {
  return rowNumbers?.[index] ?? index + 1;
}

const fieldCount = (mapping: ColumnMapping): number => Object.keys(mapping).length;

/** Ranks a candidate: the room and an amount matter most, then how many fields it names. */
function rank(mapping: ColumnMapping): number {
  const essentials = (mapping.room !== undefined ? 10 : 0) + (mapping.due !== undefined || mapping.owed !== undefined ? 10 : 0);
  return essentials + fieldCount(mapping);
}

/** Two header rows as one: the lower label where there is one, else the group label above it. */
export function combineHeaderRows(upper: readonly unknown[], lower: readonly unknown[]): string[] {
  const width = Math.max(upper.length, lower.length);
  return Array.from({ length: width }, (_, column) => {
    const top = cleanCell(upper[column]);
    const bottom = cleanCell(lower[column]);
    return bottom || top;
  });
}

export function findHeader(rows: readonly (readonly unknown[])[], rowNumbers?: readonly number[]): HeaderInfo | null {
  let best: (HeaderInfo & { score: number }) | null = null;
  for (let r = 0; r < rows.length && rowNumberAt(rowNumbers, r) <= SCAN_ROWS; r += 1) {
    const single = rows[r]!.map((cell) => cleanCell(cell));
    const candidates: HeaderInfo[] = [{ lastHeaderRow: r, headerRows: 1, headers: single, mapping: recognizeHeaders(single) }];
    // A two-row header is two rows one above the other: a row with a gap before it (rows without cells)
    // is not the lower half of the row above.
    const lower = r + 1 < rows.length && rowNumberAt(rowNumbers, r + 1) === rowNumberAt(rowNumbers, r) + 1 ? rows[r + 1]! : null;
    if (lower) {
      const combined = combineHeaderRows(rows[r]!, lower);
      candidates.push({ lastHeaderRow: r + 1, headerRows: 2, headers: combined, mapping: recognizeHeaders(combined) });
    }
    const lowerAlone = lower ? fieldCount(recognizeHeaders(lower.map((cell) => cleanCell(cell)))) : 0;
    for (const candidate of candidates) {
      const score = rank(candidate.mapping);
      // A two-row header must name more than either of its rows alone.
      const fields = fieldCount(candidate.mapping);
      if (candidate.headerRows === 2 && (fields <= fieldCount(candidates[0]!.mapping) || fields <= lowerAlone)) continue;
      if (!best || score > best.score) best = { ...candidate, score };
    }
  }
  if (!best || best.score < 22) return null; // room + amount + at least two more fields
  const { score: _score, ...info } = best;
  return info;
}
