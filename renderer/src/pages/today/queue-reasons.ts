/** Reasons a steward picks most often when working the queue (they can also type their own). */
import type { QueueKind } from '../../../../domain/follow-up-rules';

export const completeReasons: Record<QueueKind, string[]> = {
  'broken-promise': ['业主已线下缴费', '已重新约定日期', '业主已搬走，转上级处理'],
  'promise-due': ['业主已缴费', '业主说今天晚些缴'],
  callback: ['已回电', '业主已缴费'],
  'repair-revisit': ['已修好，业主确认', '已回访，业主满意'],
  'complaint-reply': ['已答复业主', '已协调解决'],
  'promise-message': ['已发提醒'],
  notice: ['已张贴并拍照留存', '已送达，业主签收', '已寄出 EMS'],
  'monthly-round': ['已微信提醒', '已短信提醒', '已上门提醒'],
};

export const snoozeReasons = ['业主出差 / 在外地', '业主住院', '节假日后再联系', '等维修结果'];
