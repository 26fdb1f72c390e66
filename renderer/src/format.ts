import dayjs from 'dayjs';

export const formatDateTime = (iso: string | null): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
