/**
 * 结果: once the talking is over, the outcomes to choose (with their digits), the arrangement to read back, what is
 * still unpinned, the callback to set, and a save that failed.
 */
import { Alert, Button, Card, Space, Typography } from 'antd';
import type { Settings } from '../../../../electron/contract';
import { callbackSummary } from '../../../../domain/callback';
import type { TeamSettings } from '../../../../domain/follow-up-rules';
import { spokenYuan } from '../../../../domain/money';
import { arrangementText } from '../../../../scripts-library/render';
import type { CallContext } from '../../../../state-machines/call-flow';
import { callOutcomes } from '../../../../state-machines/call-outcomes';
import { CallbackForm } from './CallbackForm';
import type { SendCallEvent } from './use-call-session';

interface CallOutcomesCardProps {
  state: string;
  context: CallContext;
  send: SendCallEvent;
  /** Whether the first suggested script already reads the arrangement back (no reminder needed then). */
  scriptReadsBack: boolean;
  callWindows: TeamSettings['callWindows'];
  stewardName: Settings['stewardName'];
}

export function CallOutcomesCard({ state, context, send, scriptReadsBack, callWindows, stewardName }: CallOutcomesCardProps) {
  const owedFen = context.owedFen;
  const pinnedFen = context.promises.reduce((sum, promise) => sum + promise.amountFen, 0);
  return (
    <Card size="small" title="结果" className="call-outcomes">
      {context.promises.length > 0 && !scriptReadsBack && (
        <Alert type="info" showIcon title="请向业主复述" description={`那我们就说定了：${arrangementText(context.promises, context.today)}。`} style={{ marginBottom: 8 }} />
      )}
      {state === 'close' && context.promises.length === 1 && pinnedFen < owedFen && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`这次只约了 ${spokenYuan(pinnedFen)}，还有 ${spokenYuan(owedFen - pinnedFen)} 没有约定`}
          action={
            <Button size="small" onClick={() => send({ type: 'OUTCOME', outcome: 'instalment' })}>
              剩余分期约定 <Typography.Text keyboard>3</Typography.Text>
            </Button>
          }
        />
      )}
      <Space wrap size={[6, 6]}>
        {callOutcomes
          .filter((outcome) => outcome.key !== null || context.outcome === outcome.id)
          .map((outcome) => (
            <Button key={outcome.id} size="small" type={context.outcome === outcome.id ? 'primary' : 'default'} onClick={() => send({ type: 'OUTCOME', outcome: outcome.id })}>
              {outcome.label} {outcome.key !== null && <Typography.Text keyboard>{outcome.key}</Typography.Text>}
            </Button>
          ))}
        {state === 'thirdParty' && (
          <Button onClick={() => send({ type: 'OWNER_TAKES_PHONE' })}>
            业主来接电话了 <Typography.Text keyboard>T</Typography.Text>
          </Button>
        )}
      </Space>
      {(state === 'close' || state === 'wrapUp' || state === 'thirdParty') && context.outcome === 'callback' && (
        <CallbackForm today={context.today} horizonDays={context.horizonDays} callWindows={callWindows} stewardName={stewardName} value={context.callback} onSet={(callback) => send({ type: 'CALLBACK_SET', callback })} />
      )}
      {context.outcome === 'callback' && (
        <Alert
          type={context.callback ? 'success' : 'info'}
          showIcon
          style={{ marginTop: 8 }}
          title={context.callback ? `回电安排：${callbackSummary(context.callback)}` : `还没有确定回电安排（不确定时默认明天回电，由 ${stewardName} 负责）`}
        />
      )}
      {state === 'saveFailed' && <Alert type="error" showIcon style={{ marginTop: 8 }} title="通话记录没有保存成功" description={context.saveError} action={<Button onClick={() => send({ type: 'RETRY_SAVE' })}>重试</Button>} />}
    </Card>
  );
}
