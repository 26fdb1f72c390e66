import { App, Button, Checkbox, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError, type HouseholdRecord } from '../../../../electron/contract';
import { lintScript, hasErrors } from '../../../../scripts-library/lint';
import { owedFeeTypes } from '../../../../domain/ledger';
import { renderScript, valuesFor, type CallFacts } from '../../../../scripts-library/render';
import { currentVersion, type ScriptContent, type ScriptEntry } from '../../../../scripts-library/schema';
import { ownerTypes, scriptKinds, stages, tones } from '../../../../scripts-library/stages';
import { factLabels, factsNeeded, variables } from '../../../../scripts-library/variables';
import { useApi } from '../../api/api-context';
import { useApiData } from '../../hooks/use-api-data';
import { LintFindings } from './LintFindings';

/**
 * What a call may establish, all at once, so the preview shows every variable filled in: a promise, an earlier
 * broken one, a repair with its revisit date, a callback, the team's account, a 限期缴费通知书 issued.
 */
const SAMPLE_CALL: Omit<CallFacts, 'household' | 'summary' | 'owedFeeTypes'> = {
  settings: { stewardName: '王敏', companyName: '示例物业' },
  promises: [{ date: '2025-12-05', amountFen: 261_900, channel: '微信' }],
  brokenPromise: { date: '2025-11-20', amountFen: 100_000 },
  revisitDate: '2025-12-03',
  revisitSubject: '主卧顶棚漏水渗水的问题',
  callback: { date: '2025-12-02', time: '19:30' },
  account: '工商银行 6222 0000 1234 5678，户名 示例物业服务有限公司',
  noticeIssued: { kind: '限期缴费通知书', date: '2025-11-25', deadline: '2025-12-10' },
};

const SAMPLE = valuesFor({
  household: { ownerName: '王明', roomLabel: '8栋2单元1203', community: '示例小区' },
  summary: { owedFen: 261_900, monthsOverdue: 3, earliestUnpaid: '2025-09-01', lateFeeFen: 1_230 },
  owedFeeTypes: ['物业费', '停车费'],
  ...SAMPLE_CALL,
});

const contentOf = (entry: ScriptEntry | null): ScriptContent => {
  if (!entry) return { title: '', stage: 'opening', ownerTypes: ['A'], tone: '温和', kind: '通用', text: '', fallbacks: {}, tags: [] };
  const { version: _v, author: _a, at: _t, note: _n, ...content } = currentVersion(entry);
  return content;
};

/** Edit one script: live compliance lint, preview against a household, variables to insert. */
export function ScriptEditor({ entry, onSaved, onHistory }: { entry: ScriptEntry | null; onSaved(entry: ScriptEntry): void; onHistory(): void }) {
  const api = useApi();
  const { message } = App.useApp();
  const [content, setContent] = useState<ScriptContent>(() => contentOf(entry));
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [household, setHousehold] = useState<HouseholdRecord | null>(null);
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  // The lint as the backend applies it on save: with the words the lead added in 团队设置.
  const team = useApiData(() => api['teamSettings.get']({}), [api]);
  const customTerms = team.data?.lintTerms;
  const findings = useMemo(() => lintScript(content.text, { customTerms }), [content.text, customTerms]);
  const preview = useMemo(() => {
    const values = household ? valuesFor({ household: household.household, summary: household.summary, owedFeeTypes: owedFeeTypes(household.items), ...SAMPLE_CALL }) : SAMPLE;
    return renderScript(content.text, values, content.fallbacks);
  }, [content, household]);
  const set = (patch: Partial<ScriptContent>) => setContent((previous) => ({ ...previous, ...patch }));

  const save = async (confirmWarnings = false) => {
    setSaving(true);
    try {
      const saved = await api['scripts.save']({ ...(entry ? { id: entry.id, baseVersion: currentVersion(entry).version } : {}), content, note, confirmWarnings });
      message.success(`已保存为第 ${currentVersion(saved.entry).version} 版`);
      setNote('');
      onSaved(saved.entry);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NEEDS_CONFIRMATION') {
        Modal.confirm({
          title: '这段话术有需要再确认的措辞',
          content: (error.issues ?? []).map((issue) => <p key={issue.message}>{issue.message}</p>),
          okText: '确认无误，保存',
          cancelText: '回去修改',
          onOk: () => save(true),
        });
      } else message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  const insert = (name: string) => set({ text: `${content.text}{${name}}` });
  const blocked = hasErrors(findings) || !content.title.trim() || !content.text.trim() || content.ownerTypes.length === 0;

  return (
    <section aria-label="编辑话术" className="script-editor">
      <Form layout="vertical" size="small">
        <Space wrap align="start">
          <Form.Item label="标题" required>
            <Input aria-label="标题" value={content.title} maxLength={40} onChange={(event) => set({ title: event.target.value })} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item label="环节">
            <Select aria-label="环节" value={content.stage} style={{ width: 220 }} onChange={(stage) => set({ stage })} options={stages.map((stage) => ({ value: stage.id, label: stage.label }))} />
          </Form.Item>
        </Space>
        <Form.Item label="适用业主类型">
          <Checkbox.Group value={content.ownerTypes} onChange={(values) => set({ ownerTypes: values as ScriptContent['ownerTypes'] })} options={ownerTypes.map((type) => ({ value: type.id, label: type.label }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item label="语气">
            <Radio.Group value={content.tone} onChange={(event) => set({ tone: event.target.value })} options={tones.map((tone) => ({ value: tone, label: tone }))} optionType="button" />
          </Form.Item>
          <Form.Item label="适用房屋">
            <Radio.Group value={content.kind} onChange={(event) => set({ kind: event.target.value })} options={scriptKinds.map((kind) => ({ value: kind, label: kind }))} optionType="button" />
          </Form.Item>
          <Form.Item label="标签">
            <Select aria-label="标签" mode="tags" value={content.tags} style={{ minWidth: 200 }} onChange={(tags: string[]) => set({ tags: tags.slice(0, 10) })} />
          </Form.Item>
        </Space>
        <Form.Item label="话术内容" required>
          <Input.TextArea aria-label="话术内容" value={content.text} autoSize={{ minRows: 4, maxRows: 10 }} maxLength={1000} showCount onChange={(event) => set({ text: event.target.value })} />
        </Form.Item>
        <div className="variable-chips" aria-label="插入变量">
          {variables.map((variable) => (
            <Tag key={variable.name} className="clickable" title={variable.source} onClick={() => insert(variable.name)}>
              {`{${variable.name}}`}
            </Tag>
          ))}
        </div>
        <LintFindings findings={findings} />
        <div className="script-preview">
          <Space>
            <Typography.Text strong>预览</Typography.Text>
            <Select
              aria-label="预览业主"
              showSearch={{ filterOption: false, onSearch: async (query) => setOptions(query.trim() ? (await api['households.search']({ query, limit: 8 })).hits.map((hit) => ({ value: hit.id, label: `${hit.community} ${hit.roomLabel} ${hit.ownerName}` })) : []) }}
              allowClear
              placeholder="示例：王明 8栋2单元1203（输入姓名或房号换一户）"
              style={{ width: 300 }}
              options={options}
              onChange={async (id?: string) => setHousehold(id ? await api['households.get']({ id }) : null)}
            />
          </Space>
          <Typography.Paragraph className="preview-text" aria-label="预览文本">
            {preview.text}
          </Typography.Paragraph>
          {preview.fallbackUsed.length > 0 && <Typography.Text type="secondary">（{preview.fallbackUsed.join('、')} 为空，已用替代说法）</Typography.Text>}
          <ScriptNeeds text={content.text} />
        </div>
        <Space style={{ marginTop: 12 }} wrap>
          <Input aria-label="修改说明" placeholder="修改说明（会记在版本历史里）" value={note} onChange={(event) => setNote(event.target.value)} style={{ width: 280 }} maxLength={200} />
          <Button type="primary" loading={saving} disabled={blocked} onClick={() => void save()}>
            保存
          </Button>
          {entry && <Button onClick={onHistory}>版本历史（{entry.versions.length}）</Button>}
        </Space>
      </Form>
    </section>
  );
}

/** When the call screen will suggest this script: only once the facts its variables need exist in the call. */
function ScriptNeeds({ text }: { text: string }) {
  const needs = factsNeeded(text);
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0 }} aria-label="推荐条件">
      {needs.length === 0 ? '通话中随时可推荐（只用到房屋和业主的信息）。' : `只在通话中${needs.map((fact) => `「${factLabels[fact as keyof typeof factLabels]}」`).join('、')}时推荐。`}
    </Typography.Paragraph>
  );
}
