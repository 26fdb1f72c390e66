import { Alert, Button, Col, Row, Skeleton } from 'antd';
import { useApi } from '../../api/api-context';
import { useStatusStore } from '../../stores/status-store';
import { AppInfoCard } from './AppInfoCard';
import { SettingsCard } from './SettingsCard';
import { StorageHealthCard } from './StorageHealthCard';

export function AboutPage() {
  const api = useApi();
  const { status, error, loading, refresh } = useStatusStore();
  const recheck = () => void refresh(api);

  if (error && !status) {
    return (
      <Alert
        type="error"
        showIcon
        title="无法读取程序状态"
        description={error.message}
        action={<Button onClick={recheck}>重试</Button>}
      />
    );
  }
  if (!status) return <Skeleton active paragraph={{ rows: 8 }} />;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <AppInfoCard status={status} />
      </Col>
      <Col xs={24} xl={14}>
        <SettingsCard />
      </Col>
      <Col span={24}>
        <StorageHealthCard storage={status.storage} loading={loading} onRecheck={recheck} />
      </Col>
    </Row>
  );
}
