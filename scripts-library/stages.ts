/**
 * The stages of a collection call, in the order the call flow visits them. Every script belongs to one;
 * the call-flow machine asks the library for a stage's scripts. Pure.
 */
export const stageGroups = ['通话流程', '异议处理', '跟进', '文字消息'] as const;

export const stages = [
  { id: 'opening', label: '开场问候', group: '通话流程' },
  { id: 'identity', label: '确认身份', group: '通话流程' },
  { id: 'third-party', label: '家属 / 租户代接', group: '通话流程' },
  { id: 'reminder', label: '欠费提醒', group: '通话流程' },
  { id: 'explain', label: '说明费用用途', group: '通话流程' },
  { id: 'pin', label: '断其后路（约定日期金额）', group: '通话流程' },
  { id: 'channel', label: '缴费方式', group: '通话流程' },
  { id: 'close', label: '结束与复述', group: '通话流程' },
  { id: 'no-answer', label: '未接通 / 语音留言', group: '通话流程' },
  { id: 'objection-repair', label: '报修未处理 / 漏水 / 电梯', group: '异议处理' },
  { id: 'objection-quality', label: '房屋质量 / 开发商问题', group: '异议处理' },
  { id: 'objection-service', label: '服务不满意', group: '异议处理' },
  { id: 'objection-vacant', label: '没住 / 空置', group: '异议处理' },
  { id: 'objection-neighbours', label: '邻居也没交', group: '异议处理' },
  { id: 'objection-hardship', label: '经济困难', group: '异议处理' },
  { id: 'objection-busy', label: '忙 / 在外地', group: '异议处理' },
  { id: 'objection-legacy', label: '前物业遗留问题', group: '异议处理' },
  { id: 'objection-paid', label: '已缴过 / 对账有误', group: '异议处理' },
  { id: 'objection-wrong-person', label: '打错 / 非本人', group: '异议处理' },
  { id: 'instalment', label: '分期 / 缓缴', group: '跟进' },
  { id: 'broken-promise', label: '失约后再联系', group: '跟进' },
  { id: 'revisit', label: '维修回访 / 投诉答复', group: '跟进' },
  { id: 'refusal', label: '明确拒缴', group: '跟进' },
  { id: 'message-reminder', label: '短信/微信：缴费提醒', group: '文字消息' },
  { id: 'message-promise-due', label: '短信/微信：约定日前提醒', group: '文字消息' },
  { id: 'message-broken-promise', label: '短信/微信：失约提醒', group: '文字消息' },
] as const satisfies readonly { id: string; label: string; group: (typeof stageGroups)[number] }[];

export type StageId = (typeof stages)[number]['id'];

export const stageIds = stages.map((stage) => stage.id) as [StageId, ...StageId[]];

export const stageLabel = (id: StageId): string => stages.find((stage) => stage.id === id)!.label;

/** Owner types from trade practice: why this owner has not paid. */
export const ownerTypes = [
  { id: 'A', label: 'A 忘记了' },
  { id: 'B', label: 'B 有异议 / 不满' },
  { id: 'C', label: 'C 难联系 / 在外地' },
  { id: 'D', label: 'D 故意拖欠 / “别人也没交”' },
  { id: 'E', label: 'E 确有困难' },
] as const;

export type OwnerType = (typeof ownerTypes)[number]['id'];

export const tones = ['温和', '坚定'] as const;
export type Tone = (typeof tones)[number];

export const scriptKinds = ['通用', '住宅', '商铺'] as const;
export type ScriptKind = (typeof scriptKinds)[number];
