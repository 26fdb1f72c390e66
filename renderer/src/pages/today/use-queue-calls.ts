/** Where a row of 今日跟进 leads: its call (back to the list afterwards), a revisit call, or the household's record. */
import { useNavigate } from 'react-router';
import type { QueueRow } from '../../../../electron/contract';

const callPath = (row: QueueRow) => `/call/${encodeURIComponent(row.householdId)}?from=today`;

export function useQueueCalls() {
  const navigate = useNavigate();
  return {
    /** The highlighted or clicked row's call, when it may be called now. */
    startCall: (row: QueueRow | undefined) => {
      if (row?.callable) navigate(callPath(row));
    },
    /** 暂不可拨, but the steward must call anyway: the call page shows the reasons and asks why. */
    callAnyway: (row: QueueRow) => navigate(callPath(row)),
    /** 维修回访 / 投诉答复: the call the steward owes the owner (only the call windows apply to it). */
    revisitCall: (row: QueueRow, followUpId: string) =>
      navigate(`/call/${encodeURIComponent(row.householdId)}?purpose=revisit&followUp=${encodeURIComponent(followUpId)}&from=today`),
    openRecord: (row: QueueRow) => navigate(`/households/${encodeURIComponent(row.householdId)}`),
  };
}
