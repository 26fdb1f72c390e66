/**
 * Finds the header in a sheet whose first row need not be it: title rows, blank rows and two-row headers
 * (a merged group cell such as 金额 over 应收/实收/欠费) are common in billing exports. Pure.
 */
import { cleanCell } from '../text';
import { recognizeHeaders, type ColumnMapping } from './fields';

export interface HeaderInfo {
  /** 0-based index of the last header row; data starts after it. */
  lastHeaderRow: number;
  headerRows: 1 | 2;
  /** One label per column, combining a two-row header. */
  headers: string[];
  mapping: ColumnMapping;
}

const SCAN_ROWS = 30;

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

export function findHeader(rows: readonly (readonly unknown[])[]): HeaderInfo | null {
  let best: (HeaderInfo & { score: number }) | null = null;
  const limit = Math.min(rows.length, SCAN_ROWS);
  for (let r = 0; r < limit; r += 1) {
    const single = rows[r]!.map((cell) => cleanCell(cell));
    const candidates: HeaderInfo[] = [{ lastHeaderRow: r, headerRows: 1, headers: single, mapping: recognizeHeaders(single) }];
    if (r + 1 < rows.length) {
      const combined = combineHeaderRows(rows[r]!, rows[r + 1]!);
      candidates.push({ lastHeaderRow: r + 1, headerRows: 2, headers: combined, mapping: recognizeHeaders(combined) });
    }
    const lowerAlone = r + 1 < rows.length ? fieldCount(recognizeHeaders(rows[r + 1]!.map((cell) => cleanCell(cell)))) : 0;
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
