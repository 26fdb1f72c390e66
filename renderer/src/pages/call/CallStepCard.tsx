/** The call's header card: the step the call is at, the timer, and the owner type and tone the scripts are chosen by. */
import { Card, Segmented, Select, Space, Tag, Typography } from 'antd';
import { objectionTypes } from '../../../../domain/grievance';
import { ownerTypes, type OwnerType, type Tone } from '../../../../scripts-library/stages';
import type { CallContext } from '../../../../state-machines/call-flow';
import { stepTitleOf } from './call-steps';

/** mm:ss since the call started. */
function elapsed(since: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - new Date(since).getTime()) / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

interface CallStepCardProps {
  state: string;
  context: CallContext;
  /** The clock the timer counts to. */
  now: number;
  revisit: boolean;
  ownerType: OwnerType;
  onOwnerTypeChange(type: OwnerType): void;
  /** Why the backend judged the owner type it started with. */
  ownerTypeBecause: string;
  tone: Tone;
  onToneChange(tone: Tone): void;
}

export function CallStepCard({ state, context, now, revisit, ownerType, onOwnerTypeChange, ownerTypeBecause, tone, onToneChange }: CallStepCardProps) {
  return (
    <Card size="small" className="call-step">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }} aria-label="当前步骤">
          {stepTitleOf(state, context.outcome)}
        </Typography.Title>
        <Space size={6} wrap>
          <Tag color="blue" aria-label="通话计时">
            {elapsed(context.startedAt, now)}
          </Tag>
          {revisit && <Tag color="green">回访通话</Tag>}
          <Select aria-label="业主类型" size="small" value={ownerType} onChange={onOwnerTypeChange} style={{ width: 150 }} options={ownerTypes.map((type) => ({ value: type.id, label: type.label }))} />
          <Segmented size="small" aria-label="语气" value={tone} onChange={(value) => onToneChange(value as Tone)} options={['温和', '坚定']} />
        </Space>
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} aria-label="业主类型依据">
        业主类型：{ownerTypeBecause}
        {context.objection && state === 'objection' ? ` · 异议：${objectionTypes.find((o) => o.id === context.objection)?.label}` : ''}
      </Typography.Text>
    </Card>
  );
}
