/** 通话已记录: the call has been saved; what was agreed, and the way on (back to the record, or the next household). */
import { Button, Result, Typography } from 'antd';
import { callbackSummary } from '../../../../domain/callback';
import { arrangementText } from '../../../../scripts-library/render';
import type { CallContext } from '../../../../state-machines/call-flow';
import { callOutcomes } from '../../../../state-machines/call-outcomes';

export function CallRecorded({ context, endLabel, onEnded }: { context: CallContext; endLabel: string; onEnded(): void }) {
  const outcome = callOutcomes.find((entry) => entry.id === context.outcome)?.label ?? '';
  const arranged = context.promises.length ? `。约定：${arrangementText(context.promises, context.today)}` : '';
  const callback = context.callback ? `。回电：${callbackSummary(context.callback)}` : '';
  return (
    <Result
      status="success"
      title="通话已记录"
      subTitle={`结果：${outcome}${arranged}${callback}`}
      extra={
        <Button type="primary" size="large" autoFocus onClick={onEnded}>
          {endLabel} <Typography.Text keyboard>Enter</Typography.Text>
        </Button>
      }
    />
  );
}
