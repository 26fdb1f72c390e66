import { Alert, App, Button, Form, Input, Modal, Radio, Skeleton, Space } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError, type QueueRow } from '../../../../electron/contract';
import { parseEntryKey } from '../../../../domain/follow-up-rules';
import { messageSettles, type MessageSettledKind } from '../../../../domain/queue-actions';
import { stageLabel, type StageId } from '../../../../scripts-library/stages';
import { hasErrors, lintScript } from '../../../../scripts-library/lint';
import { renderScript, valuesFor } from '../../../../scripts-library/render';
import { recordFacts } from '../call/script-facts';
import { useToday } from '../../hooks/use-today';
import { currentVersion } from '../../../../scripts-library/schema';
import { suggestScripts } from '../../../../scripts-library/suggest';
import { useApi } from '../../api/api-context';
import { useApiData } from '../../hooks/use-api-data';
import { LintFindings } from '../scripts/LintFindings';

interface Props {
  row: QueueRow;
  onSent(): void;
  onCancel(): void;
}

/** The library stage of each row a text message settles (the kinds are the domain's: the backend checks the same). */
const messageStages: Record<MessageSettledKind, { stage: StageId; title: string }> = {
  'promise-message': { stage: 'message-promise-due', title: '到期前提醒' },
  'broken-promise': { stage: 'message-broken-promise', title: '失约提醒' },
  'monthly-round': { stage: 'message-reminder', title: '缴费提醒' },
};

/**
 * A reminder by 短信 or 微信: the library's message for the row's kind (the day before a promise, after a broken
 * one, the monthly round) filled in for this owner and promise, to copy; "已发送" logs it on the contact record
 * and takes the entry off the list.
 */
export function MessageDialog({ row, onSent, onCancel }: Props) {
  const { stage, title } = messageStages[messageSettles(row.kind) ? row.kind : 'promise-message'];
  const api = useApi();
  const { message } = App.useApp();
  const today = useToday();
  const sources = useApiData(
    async () => ({
      record: await api['households.get']({ id: row.householdId }),
      settings: await api['settings.get']({}),
      team: await api['teamSettings.get']({}),
      scripts: (await api['scripts.list']({})).entries,
    }),
    [api, row.householdId],
  );
  const [channel, setChannel] = useState<'短信' | '微信'>('微信');
  const [edited, setEdited] = useState<string | null>(null);
  const suggested = useMemo(() => {
    if (!sources.data) return null;
    const { record, settings, team, scripts } = sources.data;
    const promiseId = parseEntryKey(row.entryKey)?.ref;
    const promise = record.promises.find((entry) => entry.id === promiseId);
    // The message is about the row's promise: the one coming up, or the one that was broken.
    const facts = recordFacts(record, settings, team, today);
    const values = valuesFor(
      row.kind === 'broken-promise' ? { ...facts, brokenPromise: promise ?? facts.brokenPromise ?? null } : { ...facts, promises: promise && row.kind === 'promise-message' ? [promise] : [] },
    );
    const [script] = suggestScripts(scripts, [stage], { ownerType: record.ownerType?.type ?? 'A', kind: record.household.kind, tone: '温和' }, values);
    if (!script) return '';
    const version = currentVersion(script);
    return renderScript(version.text, values, version.fallbacks).text;
  }, [sources.data, row.entryKey, row.kind, stage, today]);
  const text = edited ?? suggested;
  const customTerms = sources.data?.team.lintTerms;
  const findings = useMemo(() => lintScript(text ?? '', { customTerms }), [text, customTerms]);
  const [saving, setSaving] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text ?? '');
      message.success('已复制，粘贴到短信或微信发给业主');
    } catch {
      message.warning('无法自动复制，请手动选中文字复制');
    }
  };

  const sent = async () => {
    setSaving(true);
    try {
      await api['contacts.logMessage']({ householdId: row.householdId, channel, text: text ?? '', entryKey: row.entryKey });
      message.success(`已记录：${channel}提醒已发送`);
      onSent();
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${title}：${row.community} ${row.roomLabel} ${row.ownerName}`}
      onCancel={onCancel}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel}>
          取消
        </Button>,
        <Button key="copy" disabled={!text} onClick={() => void copy()}>
          复制文字
        </Button>,
        <Button key="sent" type="primary" loading={saving} disabled={!text?.trim() || hasErrors(findings)} onClick={() => void sent()}>
          已发送，记一笔
        </Button>,
      ]}
    >
      {sources.error ? (
        <Alert type="error" showIcon title="无法读取这一户" description={sources.error.message} />
      ) : text === null ? (
        <Skeleton active />
      ) : (
        <Form layout="vertical">
          <Form.Item label="发送方式">
            <Radio.Group aria-label="发送方式" value={channel} onChange={(event) => setChannel(event.target.value as '短信' | '微信')}>
              <Radio value="微信">微信</Radio>
              <Radio value="短信">短信</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item label="消息内容" extra="一户一条，单独发给业主；不要发到群里。可以改动后再发。">
            <Space orientation="vertical" style={{ width: '100%' }}>
              {suggested === '' && <Alert type="warning" showIcon title={`话术库里没有“${stageLabel(stage)}”，请自己写一条`} />}
              {!sources.data?.settings.stewardName && <Alert type="info" showIcon title="本机还没有填管家姓名，消息不会署名；可在“关于/状态 → 本机设置”里填写" />}
              <Input.TextArea aria-label="消息内容" value={text} maxLength={500} autoSize={{ minRows: 4 }} onChange={(event) => setEdited(event.target.value)} />
              {findings.length > 0 && <LintFindings findings={findings} />}
            </Space>
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
