import { HistoryOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Empty, Segmented, Select, Space, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ageingBuckets, householdKinds } from '../../../../domain/ledger';
import { useApi } from '../../api/api-context';
import { useApiData } from '../../hooks/use-api-data';
import { formatYuan } from '../../money';
import { useHouseholdFilters } from '../../stores/household-filters';
import { HouseholdTable } from './HouseholdTable';
import { ImportDialog } from './ImportDialog';
import { ImportHistoryDrawer } from './ImportHistoryDrawer';
import { RecordPanel } from './RecordPanel';

const PAGE = 1000;

function useWindowHeight(): number {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}

/** 业主欠费: find households by filter and sort, open the arrears record beside the list. */
export function HouseholdsPage() {
  const api = useApi();
  const navigate = useNavigate();
  const { id: routeId } = useParams();
  const selectedId = routeId ? decodeURIComponent(routeId) : null;
  const { filters, setFilters } = useHouseholdFilters();
  // How many rows to show, for the filters it was raised under (new filters start at one page again).
  const [more, setMore] = useState({ filters, limit: PAGE });
  const limit = more.filters === filters ? more.limit : PAGE;
  const [importing, setImporting] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [revision, setRevision] = useState(0);
  const facets = useApiData(() => api['households.facets']({}), [api, revision]);
  const list = useApiData(() => api['households.list']({ ...filters, offset: 0, limit }), [api, filters, limit, revision]);
  const height = useWindowHeight();
  const changed = () => setRevision((n) => n + 1);

  const community = facets.data?.communities.find((entry) => entry.name === filters.community);
  const select = (id: string) => navigate(`/households/${encodeURIComponent(id)}`);

  return (
    <div className="households-page">
      <Card size="small" className="households-toolbar">
        <Space wrap size="middle" style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Select
              aria-label="小区"
              allowClear
              placeholder="全部小区"
              style={{ width: 150 }}
              value={filters.community}
              onChange={(value?: string) => setFilters({ community: value })}
              options={facets.data?.communities.map((entry) => ({ value: entry.name, label: `${entry.name}（${entry.owingHouseholds}）` })) ?? []}
            />
            <Select
              aria-label="楼栋"
              allowClear
              placeholder="全部楼栋"
              style={{ width: 120 }}
              disabled={!community}
              value={filters.building}
              onChange={(value?: string) => setFilters({ building: value })}
              options={community?.buildings.map((building) => ({ value: building, label: `${building} 栋` })) ?? []}
            />
            <Segmented
              aria-label="欠费时长"
              value={filters.ageing ?? 'all'}
              onChange={(value) => setFilters({ ageing: value === 'all' ? undefined : (value as typeof filters.ageing) })}
              options={[{ value: 'all', label: '全部' }, ...ageingBuckets.map((bucket) => ({ value: bucket.id, label: bucket.label }))]}
            />
            <Select
              aria-label="房屋类型"
              allowClear
              placeholder="全部类型"
              style={{ width: 110 }}
              value={filters.kind}
              onChange={(value?: (typeof householdKinds)[number]) => setFilters({ kind: value })}
              options={householdKinds.map((kind) => ({ value: kind, label: kind }))}
            />
            <Checkbox checked={!filters.owingOnly} onChange={(event) => setFilters({ owingOnly: !event.target.checked })}>
              含已缴清
            </Checkbox>
          </Space>
          <Space>
            <Button icon={<HistoryOutlined />} onClick={() => setShowHistory(true)}>
              导入记录
            </Button>
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入台账
            </Button>
          </Space>
        </Space>
        {facets.data && (
          <Space size="large" style={{ marginTop: 8 }} className="households-figures">
            <Statistic title="欠费户数" value={facets.data.owingHouseholds} suffix={`/ ${facets.data.households.toLocaleString()} 户`} />
            <Statistic title="欠费总额" value={formatYuan(facets.data.owedFen)} />
            {list.data && <Statistic title="当前筛选" value={`${list.data.total.toLocaleString()} 户 · ${formatYuan(list.data.totalOwedFen)}`} />}
          </Space>
        )}
      </Card>

      {list.error && <Alert type="error" showIcon title="无法读取台账" description={list.error.message} action={<Button onClick={list.reload}>重试</Button>} />}

      <div className="households-split">
        <div className="households-list">
          {facets.data && facets.data.households === 0 ? (
            <Empty description="台账是空的：点“导入台账”导入收费系统的欠费明细" style={{ marginTop: 48 }}>
              <Button type="primary" onClick={() => setImporting(true)}>
                导入台账
              </Button>
            </Empty>
          ) : (
            <>
              <HouseholdTable
                rows={list.data?.rows ?? []}
                loading={list.loading}
                filters={filters}
                selectedId={selectedId}
                height={Math.max(240, height - 380)}
                onSelect={select}
                onSort={(sort, order) => setFilters({ sort, order })}
              />
              {list.data && list.data.total > list.data.rows.length && (
                <div className="load-more">
                  <Typography.Text type="secondary">
                    已显示 {list.data.rows.length} / {list.data.total} 户
                  </Typography.Text>
                  <Button size="small" onClick={() => setMore({ filters, limit: limit + PAGE })}>
                    加载更多
                  </Button>
                </div>
              )}
            </>
          )}
        </div>
        <div className="households-record">
          {selectedId ? <RecordPanel id={selectedId} onChanged={changed} /> : <Empty style={{ marginTop: 64 }} description="在左侧选择一户，或按 Ctrl+K 查找业主、房号、电话尾号" />}
        </div>
      </div>

      {importing && <ImportDialog onClose={() => setImporting(false)} onImported={changed} />}
      {showHistory && <ImportHistoryDrawer onClose={() => setShowHistory(false)} onUndone={changed} />}
    </div>
  );
}
