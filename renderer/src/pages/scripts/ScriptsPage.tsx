import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Checkbox, Empty, Input, List, Menu, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ScriptSearch } from '../../../../scripts-library/search';
import { currentVersion, type ScriptEntry } from '../../../../scripts-library/schema';
import { stageGroups, stageLabel, stages, type StageId } from '../../../../scripts-library/stages';
import { useApi } from '../../api/api-context';
import { useApiData } from '../../hooks/use-api-data';
import { ScriptEditor } from './ScriptEditor';
import { ScriptTransfer } from './ScriptTransfer';
import { VersionHistory } from './VersionHistory';

const NEW = '__new__';

/** 话术库: browse by stage and objection, search (pinyin initials too), edit with live compliance lint. */
export function ScriptsPage() {
  const api = useApi();
  const { message } = App.useApp();
  const library = useApiData(() => api['scripts.list']({}), [api]);
  const [stage, setStage] = useState<StageId | 'all'>('all');
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [history, setHistory] = useState(false);

  const entries = useMemo(() => library.data?.entries ?? [], [library.data]);
  const search = useMemo(() => new ScriptSearch(entries), [entries]);
  const visible = useMemo(() => {
    const pool = entries.filter((entry) => (showArchived ? entry.archived : !entry.archived));
    const inStage = stage === 'all' ? pool : pool.filter((entry) => currentVersion(entry).stage === stage);
    if (!query.trim()) return inStage;
    const allowed = new Set(inStage.map((entry) => entry.id));
    const byId = new Map(inStage.map((entry) => [entry.id, entry]));
    return search.search(query, 200).filter((hit) => allowed.has(hit.id)).map((hit) => byId.get(hit.id)!);
  }, [entries, showArchived, stage, query, search]);
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const entry of entries) if (!entry.archived) map.set(currentVersion(entry).stage, (map.get(currentVersion(entry).stage) ?? 0) + 1);
    return map;
  }, [entries]);
  const current = selected && selected !== NEW ? (entries.find((entry) => entry.id === selected) ?? null) : null;

  const act = async (work: () => Promise<{ entry: ScriptEntry }>, done: string) => {
    try {
      const { entry } = await work();
      message.success(done);
      library.reload();
      setSelected(entry.id);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  if (library.error && !library.data) return <Alert type="error" showIcon title="无法读取话术库" description={library.error.message} action={<Button onClick={library.reload}>重试</Button>} />;
  if (!library.data) return <Skeleton active paragraph={{ rows: 10 }} />;

  return (
    <div className="scripts-page">
      <nav aria-label="话术环节" className="scripts-stages">
        <Menu
          mode="inline"
          selectedKeys={[stage]}
          onClick={({ key }) => setStage(key as StageId | 'all')}
          items={[
            { key: 'all', label: `全部（${entries.filter((e) => !e.archived).length}）` },
            ...stageGroups.map((group) => ({
              key: group,
              type: 'group' as const,
              label: group,
              children: stages.filter((s) => s.group === group).map((s) => ({ key: s.id, label: <span title={s.label}>{s.label} <Badge count={counts.get(s.id) ?? 0} color="#bbb" size="small" /></span> })),
            })),
          ]}
        />
      </nav>
      <div className="scripts-list">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.Search aria-label="搜索话术" allowClear placeholder="搜索标题、内容、标签，或拼音首字母" value={query} onChange={(event) => setQuery(event.target.value)} />
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setSelected(NEW)}>
              新建话术
            </Button>
            <Checkbox checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)}>
              只看已归档
            </Checkbox>
          </Space>
          <ScriptTransfer onImported={library.reload} />
        </Space>
        <section aria-label="话术列表">
        <List
          className="scripts-items"
          dataSource={visible}
          locale={{ emptyText: <Empty description={query ? '没有找到匹配的话术' : '这个环节还没有话术'} /> }}
          renderItem={(entry) => {
            const version = currentVersion(entry);
            return (
              <List.Item className={entry.id === selected ? 'active' : ''} onClick={() => setSelected(entry.id)} style={{ cursor: 'pointer' }}>
                <List.Item.Meta
                  title={
                    <span>
                      <span className="script-title">{version.title}</span> <Tag>{stageLabel(version.stage)}</Tag>
                      <Tag color={version.tone === '坚定' ? 'orange' : 'green'}>{version.tone}</Tag>
                    </span>
                  }
                  description={<Typography.Text type="secondary" ellipsis>{version.text}</Typography.Text>}
                />
              </List.Item>
            );
          }}
        />
        </section>
      </div>
      <div className="scripts-editor-column">
        {selected ? (
          <>
            {current && (
              <Space style={{ marginBottom: 8 }}>
                <Typography.Text type="secondary">
                  第 {currentVersion(current).version} 版 · {currentVersion(current).author}
                </Typography.Text>
                <Button size="small" onClick={() => void act(() => api['scripts.duplicate']({ id: current.id }), '已复制为新话术')}>
                  复制
                </Button>
                <Popconfirm title={current.archived ? '恢复这条话术？' : '归档这条话术？'} description={current.archived ? undefined : '归档后不再出现在通话建议里，可随时恢复。'} okText="确定" cancelText="取消" onConfirm={() => void act(() => api['scripts.archive']({ id: current.id, archived: !current.archived }), current.archived ? '已恢复' : '已归档')}>
                  <Button size="small">{current.archived ? '取消归档' : '归档'}</Button>
                </Popconfirm>
              </Space>
            )}
            <ScriptEditor
              key={`${selected}-${current ? currentVersion(current).version : 'new'}`}
              entry={current}
              onSaved={(entry) => {
                library.reload();
                setSelected(entry.id);
              }}
              onHistory={() => setHistory(true)}
            />
            {history && current && (
              <VersionHistory
                entry={current}
                onClose={() => setHistory(false)}
                onRestore={(version) => {
                  setHistory(false);
                  void act(() => api['scripts.restore']({ id: current.id, version }), `已恢复第 ${version} 版`);
                }}
              />
            )}
          </>
        ) : (
          <Empty style={{ marginTop: 64 }} description="选择左侧的一条话术查看和编辑，或新建一条" />
        )}
      </div>
    </div>
  );
}
