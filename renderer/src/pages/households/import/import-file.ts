/** The file chosen for 导入台账: what is refused before reading it, and the community its name suggests. */
import { IMPORT_MAX_FILE_BYTES } from '../../../../../electron/contract';

/** 小区名称 from the file name, as long as the user has not typed one: "阳光花园（2026-11）.xlsx" → 阳光花园. */
export const communityFromFileName = (name: string) => name.replace(/\.[^.]+$/, '').replace(/[（(].*$/, '').slice(0, 40) || '默认小区';

/** The backend refuses these too (it is the authority); saying so at once spares reading the file. */
export function refusedBeforeUpload(chosen: File): string | null {
  if (chosen.size === 0) return '文件是空的。';
  if (chosen.size > IMPORT_MAX_FILE_BYTES) {
    return `文件太大（${(chosen.size / 1024 / 1024).toFixed(0)} MB）：台账文件最大 ${IMPORT_MAX_FILE_BYTES / 1024 / 1024} MB。请按小区或楼栋分批导出后再导入。`;
  }
  return null;
}
