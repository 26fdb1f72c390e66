/** After a queue action (完成, 暂缓, 转给): a message saying what was done, with 撤销 for a few seconds. */
import { App, Button } from 'antd';
import type { QueueAction } from '../../../../electron/contract';
import { useApi } from '../../api/api-context';
import type { QueueActionKind } from './QueueActionDialog';

const actionLabels: Record<QueueActionKind, string> = { complete: '已标记完成', snooze: '已暂缓', reassign: '已转交' };

/** Returns what to call once an action is done; `onUndone` runs after an undo, whether it worked or not. */
export function useUndoNotice(onUndone: () => void) {
  const api = useApi();
  const { message } = App.useApp();
  return (action: QueueAction) => {
    const key = `queue-${action.id}`;
    const undo = async () => {
      message.destroy(key);
      try {
        await api['followups.undo']({ householdId: action.householdId, actionId: action.id });
        message.success('已撤销');
      } catch (error) {
        message.error(error instanceof Error ? error.message : String(error));
      }
      onUndone();
    };
    message.success({
      key,
      duration: 8,
      content: (
        <span>
          {actionLabels[action.action]}
          <Button type="link" size="small" onClick={() => void undo()}>
            撤销
          </Button>
        </span>
      ),
    });
  };
}
