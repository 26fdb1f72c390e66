/** The dialogs 今日跟进 opens: 团队设置, a row's 发提醒, and its 完成 / 暂缓 / 转给. */
import type { RosterMember } from '../../../../domain/follow-up-rules';
import type { QueueAction, QueueRow } from '../../../../electron/contract';
import { MessageDialog } from './MessageDialog';
import { QueueActionDialog, type QueueActionKind } from './QueueActionDialog';
import { TeamSettingsDrawer } from './TeamSettingsDrawer';

export type QueueDialogAction = QueueActionKind | 'message';

/** The row a dialog is open for, and what it does. */
export interface QueueDialog {
  row: QueueRow;
  action: QueueDialogAction;
}

interface TodayDialogsProps {
  editingTeam: boolean;
  onTeamClose(): void;
  onTeamSaved(): void;
  dialog: QueueDialog | null;
  onDialogClose(): void;
  /** A message was sent for the row. */
  onMessageSent(): void;
  /** An action was done on the row. */
  onActed(action: QueueAction): void;
  /** The backend's day, which the actions' dates count from. */
  today: string;
  stewards: readonly RosterMember[];
}

export function TodayDialogs({ editingTeam, onTeamClose, onTeamSaved, dialog, onDialogClose, onMessageSent, onActed, today, stewards }: TodayDialogsProps) {
  return (
    <>
      {editingTeam && <TeamSettingsDrawer onClose={onTeamClose} onSaved={onTeamSaved} />}
      {dialog?.action === 'message' && <MessageDialog row={dialog.row} onCancel={onDialogClose} onSent={onMessageSent} />}
      {dialog && dialog.action !== 'message' && <QueueActionDialog row={dialog.row} action={dialog.action} today={today} stewards={stewards} onDone={onActed} onCancel={onDialogClose} />}
    </>
  );
}
