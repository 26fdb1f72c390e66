import { SearchOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { useApi } from '../api/api-context';
import { QuickFind, useQuickFindShortcut } from '../quick-find/QuickFind';
import { useStatusStore } from '../stores/status-store';
import { useUiStore } from '../stores/ui-store';
import { IdentityDialog } from './IdentityDialog';
import { DEFAULT_PATH, navItems } from './nav';
import { useNavShortcuts } from './use-nav-shortcuts';

function StorageIndicator() {
  const { status, error } = useStatusStore();
  if (error) return <Tag color="error">无法连接服务</Tag>;
  if (!status) return null;
  return (
    <>
      <Tag color={status.mode === 'electron' ? 'blue' : 'purple'}>{status.mode === 'electron' ? '桌面程序' : '浏览器模式'}</Tag>
      {status.storage.healthy ? (
        <Tag color="success">数据正常</Tag>
      ) : (
        <Link to="/about">
          <Tag color="error">数据文件异常</Tag>
        </Link>
      )}
    </>
  );
}

export function AppShell() {
  const api = useApi();
  const location = useLocation();
  const { siderCollapsed, setSiderCollapsed } = useUiStore();
  const refreshStatus = useStatusStore((state) => state.refresh);
  const [finding, setFinding] = useState(false);
  const openQuickFind = useCallback(() => setFinding(true), []);
  useNavShortcuts();
  useQuickFindShortcut(openQuickFind);
  useEffect(() => {
    void refreshStatus(api);
  }, [api, refreshStatus]);

  const selected = navItems.find((item) => location.pathname.startsWith(item.path))?.path ?? DEFAULT_PATH;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider theme="light" collapsible collapsed={siderCollapsed} onCollapse={setSiderCollapsed} width={184}>
        <div className="app-brand" aria-hidden>
          {siderCollapsed ? '催' : 'Call Coach'}
        </div>
        <nav aria-label="主导航">
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            items={navItems.map((item, index) => ({
              key: item.path,
              icon: item.icon,
              label: (
                <Tooltip title={`Alt+${index + 1}`} placement="right" mouseEnterDelay={0.8}>
                  <Link to={item.path}>{item.label}</Link>
                </Tooltip>
              ),
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Title level={4} style={{ margin: 0 }}>
            催缴通话助手
          </Typography.Title>
          <Space>
            <Button icon={<SearchOutlined />} onClick={openQuickFind} aria-label="查找业主（Ctrl+K）">
              查找业主 <Typography.Text keyboard>Ctrl K</Typography.Text>
            </Button>
            <StorageIndicator />
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <main>
            <Routes>
              <Route path="/" element={<Navigate to={DEFAULT_PATH} replace />} />
              {navItems.map((item) => (
                <Route key={item.path} path={item.path} element={item.element} />
              ))}
              {navItems
                .filter((item) => item.childPath)
                .map((item) => (
                  <Route key={`${item.path}/child`} path={`${item.path}/${item.childPath}`} element={item.element} />
                ))}
              <Route path="*" element={<Navigate to={DEFAULT_PATH} replace />} />
            </Routes>
          </main>
        </Layout.Content>
      </Layout>
      {finding && <QuickFind onClose={() => setFinding(false)} />}
      <IdentityDialog />
    </Layout>
  );
}
