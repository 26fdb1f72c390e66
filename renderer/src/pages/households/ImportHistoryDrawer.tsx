import { App, Button, Drawer, Empty, List, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useApi } from '../../api/api-context';
import { useApiData } from '../../hooks/use-api-data';
import { formatYuan } from '../../money';

/** 导入记录: every import with what it changed; the last one can be undone. */
export function ImportHistoryDrawer({ onClose, onUndone }: { onClose(): void; onUndone(): void }) {
  const api = useApi();
  const { message } = App.useApp();
  const { data, loading, reload } = useApiData(() => api['ledger.imports']({}), [api]);

  const undo = async (importId: string, fileName: string) => {
    try {
      await api['ledger.undoImport']({ importId });
      message.success(`已撤销「${fileName}」的导入`);
      reload();
      onUndone();
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Drawer open title="导入记录" size={520} onClose={onClose}>
      {!data && loading ? (
        <Skeleton active />
      ) : !data?.entries.length ? (
        <Empty description="还没有导入过台账" />
      ) : (
        <List
          dataSource={data.entries}
          renderItem={(entry) => (
            <List.Item
              actions={
                entry.id === data.undoableId
                  ? [
                      <Popconfirm
                        key="undo"
                        title="撤销这次导入？"
                        description="台账会恢复到导入之前的样子。"
                        okText="撤销"
                        cancelText="取消"
                        onConfirm={() => void undo(entry.id, entry.fileName)}
                      >
                        <Button danger size="small">
                          撤销
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <span>
                    {entry.fileName} {entry.kind === 'demo' && <Tag color="purple">演示数据</Tag>}
                    {entry.undone && <Tag>已撤销</Tag>}
                  </span>
                }
                description={
                  <Typography.Text type="secondary">
                    {dayjs(entry.at).format('YYYY-MM-DD HH:mm')} · {entry.stats.householdsInFile} 户 {entry.stats.itemsInFile} 条 · 欠费 {formatYuan(entry.stats.owedInFileFen)}
                    {entry.stats.payments > 0 && ` · 推算缴费 ${entry.stats.payments} 笔 ${formatYuan(entry.stats.paymentsFen)}`}
                    {entry.skippedErrorRows > 0 && ` · 跳过错误行 ${entry.skippedErrorRows}`}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
