import { Button, Drawer, List, Popconfirm, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { diffChars } from 'diff';
import { useState } from 'react';
import type { ScriptEntry, ScriptVersion } from '../../../../scripts-library/schema';

/** Character diff of a version against the one before it: removed struck through, added underlined. */
function VersionDiff({ before, after }: { before: ScriptVersion | undefined; after: ScriptVersion }) {
  if (!before) return <Typography.Paragraph>{after.text}</Typography.Paragraph>;
  const parts = diffChars(before.text, after.text);
  return (
    <Typography.Paragraph className="version-diff" aria-label="与上一版的差异">
      {parts.map((part, index) =>
        part.added ? (
          <ins key={index}>{part.value}</ins>
        ) : part.removed ? (
          <del key={index}>{part.value}</del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
      {before.title !== after.title && <Typography.Text type="secondary">（标题：{before.title} → {after.title}）</Typography.Text>}
    </Typography.Paragraph>
  );
}

export function VersionHistory({ entry, onRestore, onClose }: { entry: ScriptEntry; onRestore(version: number): void; onClose(): void }) {
  const versions = [...entry.versions].reverse();
  const [open, setOpen] = useState<number>(versions[0]!.version);
  return (
    <Drawer open title="版本历史" size={560} onClose={onClose}>
      <List
        dataSource={versions}
        renderItem={(version) => {
          const previous = entry.versions.find((candidate) => candidate.version === version.version - 1);
          const latest = version.version === versions[0]!.version;
          return (
            <List.Item
              onClick={() => setOpen(version.version)}
              style={{ cursor: 'pointer', display: 'block' }}
              actions={
                latest
                  ? []
                  : [
                      <Popconfirm key="restore" title={`恢复第 ${version.version} 版？`} description="会作为新的一版保存，历史不会丢。" okText="恢复" cancelText="取消" onConfirm={() => onRestore(version.version)}>
                        <Button size="small">恢复此版本</Button>
                      </Popconfirm>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <span>
                    第 {version.version} 版 {latest && <Tag color="blue">当前</Tag>}
                  </span>
                }
                description={`${version.author} · ${dayjs(version.at).format('YYYY-MM-DD HH:mm')} · ${version.note || '（无说明）'}`}
              />
              {open === version.version && <VersionDiff before={previous} after={version} />}
            </List.Item>
          );
        }}
      />
    </Drawer>
  );
}
