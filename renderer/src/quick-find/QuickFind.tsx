import { SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Modal, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { HouseholdHit } from '../../../electron/contract';
import { useApi } from '../api/api-context';
import { formatYuan } from '../money';

const matchLabels: Record<HouseholdHit['matched'], string> = {
  room: '房号',
  name: '姓名',
  pinyin: '拼音',
  initials: '首字母',
  phone: '电话尾号',
  community: '小区',
};

/** Opens with Ctrl+K (or ⌘K) anywhere. */
export function useQuickFindShortcut(open: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);
}

/** Quick-find: name, pinyin or initials, any written form of a room, or a phone's last 4 digits. */
export function QuickFind({ onClose }: { onClose(): void }) {
  const api = useApi();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ query: string; hits: HouseholdHit[] }>({ query: '', hits: [] });
  const [active, setActive] = useState(0);
  const wanted = query.trim();
  const hits = wanted ? result.hits : [];
  const searching = wanted !== '' && result.query !== wanted;

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    const timer = setTimeout(() => {
      api['households.search']({ query: wanted, limit: 12 }).then(
        (answer) => {
          if (!current) return;
          setResult({ query: wanted, hits: answer.hits });
          setActive(0);
        },
        () => current && setResult({ query: wanted, hits: [] }),
      );
    }, 60);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, wanted]);

  const open = (hit: HouseholdHit | undefined) => {
    if (!hit) return;
    navigate(`/households/${encodeURIComponent(hit.id)}`);
    onClose();
  };

  return (
    <Modal open title="查找业主" footer={null} onCancel={onClose} destroyOnHidden width={640}>
      <Input
        autoFocus
        size="large"
        prefix={<SearchOutlined />}
        placeholder="姓名、拼音或首字母（如 zs）、房号（如 8-2-1203 或 8栋2单元1203）、电话后 4 位"
        aria-label="查找业主"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="quick-find-results"
        aria-activedescendant={hits[active] ? `quick-find-${active}` : undefined}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setActive((n) => Math.min(n + 1, hits.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((n) => Math.max(n - 1, 0));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            open(hits[active]);
          }
        }}
        suffix={searching ? <Spin size="small" /> : <span />}
      />
      <ul id="quick-find-results" role="listbox" aria-label="查找结果" className="quick-find-results">
        {hits.map((hit, index) => (
          <li
            key={hit.id}
            id={`quick-find-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : ''}
            onMouseEnter={() => setActive(index)}
            onClick={() => open(hit)}
          >
            <span>
              <Typography.Text type="secondary">{hit.community}</Typography.Text> <strong>{hit.roomLabel}</strong> {hit.ownerName}
              {hit.phoneMasked && <Typography.Text type="secondary"> {hit.phoneMasked}</Typography.Text>}
            </span>
            <span>
              <Tag>{matchLabels[hit.matched]}</Tag>
              <Typography.Text type={hit.owedFen > 0 ? 'danger' : 'secondary'}>{hit.owedFen > 0 ? `欠 ${formatYuan(hit.owedFen)}` : '无欠费'}</Typography.Text>
            </span>
          </li>
        ))}
      </ul>
      {wanted && !searching && hits.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有找到" />}
      <Typography.Text type="secondary">↑↓ 选择 · Enter 打开 · Esc 关闭</Typography.Text>
    </Modal>
  );
}
