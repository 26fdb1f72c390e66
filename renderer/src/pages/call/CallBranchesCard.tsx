/**
 * 业主怎么说: while the owner is talking, the answers the call can branch on (with their keys), 账户已发 and 提出异议,
 * and the form the current step asks for (a promise, an instalment plan, a repair or complaint, a refusal's reason).
 */
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { objectionTypes, type ObjectionType } from '../../../../domain/grievance';
import type { CallContext, CallEvent } from '../../../../state-machines/call-flow';
import { branches, type Branch } from './call-steps';
import { ComplaintForm, RepairForm } from './GrievanceForm';
import { InstalmentPlanEditor } from './InstalmentPlanEditor';
import { PromiseForm } from './PromiseForm';
import { RefusalForm } from './RefusalForm';
import type { SendCallEvent } from './use-call-session';

interface CallBranchesCardProps {
  state: string;
  context: CallContext;
  send: SendCallEvent;
  canTake(branch: Pick<Branch, 'event'>): boolean;
  canSendAccount: boolean;
  accountSent(): void;
  objection: ObjectionType;
  onObjectionChange(objection: ObjectionType): void;
  /** Whether the chosen objection can be raised now. */
  canObject: boolean;
  /** The backend's day (a complaint's reply date counts from it). */
  today: string;
}

export function CallBranchesCard({ state, context, send, canTake, canSendAccount, accountSent, objection, onObjectionChange, canObject, today }: CallBranchesCardProps) {
  const owedFen = context.owedFen;
  return (
    <Card size="small" title="业主怎么说" className="call-branches">
      <Space wrap size={[6, 6]}>
        {branches.filter(canTake).map((branch) => (
          <Button key={branch.event} size="small" danger={branch.danger} onClick={() => send({ type: branch.event } as CallEvent)}>
            {branch.label} <Typography.Text keyboard>{branch.key}</Typography.Text>
          </Button>
        ))}
        {canSendAccount && (
          <Button size="small" onClick={accountSent}>
            已发账户，半小时后再联系 <Typography.Text keyboard>K</Typography.Text>
          </Button>
        )}
        {canObject && (
          <Space.Compact>
            <Select aria-label="异议类型" size="small" value={objection} onChange={onObjectionChange} style={{ width: 180 }} options={objectionTypes.map((o) => ({ value: o.id, label: o.label }))} />
            <Button size="small" onClick={() => send({ type: 'OBJECTION', objection })}>
              提出异议 <Typography.Text keyboard>G</Typography.Text>
            </Button>
          </Space.Compact>
        )}
      </Space>
      {(state === 'pin' || state === 'channel') && (
        <div style={{ marginTop: 10 }}>
          <PromiseForm autoFocus today={context.today} horizonDays={context.horizonDays} owedFen={owedFen} onPinned={(promise) => send({ type: 'PROMISE_PINNED', promise })} />
        </div>
      )}
      {state === 'instalment' && (
        <div style={{ marginTop: 10 }}>
          <InstalmentPlanEditor
            key={context.promises[0]?.date ?? 'new'}
            autoFocus
            owedFen={owedFen}
            today={context.today}
            horizonDays={context.horizonDays}
            pinned={context.promises.length === 1 ? context.promises[0]! : null}
            onPlan={(promises, totalFen) => send({ type: 'PLAN_PINNED', promises, totalFen })}
          />
        </div>
      )}
      {state === 'objection' && context.objection === 'repair' && (
        <div style={{ marginTop: 10 }}>
          <RepairForm onRecorded={(grievance) => send({ type: 'GRIEVANCE_RECORDED', grievance })} />
        </div>
      )}
      {state === 'objection' && context.objection === 'service' && (
        <div style={{ marginTop: 10 }}>
          <ComplaintForm today={today} onRecorded={(grievance) => send({ type: 'GRIEVANCE_RECORDED', grievance })} />
        </div>
      )}
      {state === 'objection' && context.grievances.length > 0 && <Alert style={{ marginTop: 8 }} type="success" showIcon title={`已记录 ${context.grievances.length} 条诉求，结束后自动生成报修单和回访任务`} />}
      {state === 'refusal' && <RefusalForm onRecorded={(reason) => send({ type: 'REASON_RECORDED', reason })} />}
    </Card>
  );
}
