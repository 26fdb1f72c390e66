import { App as AntApp, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { HashRouter } from 'react-router';
import type { Connection } from './api/connect';
import { ApiProvider } from './api/api-context';
import { AppShell } from './shell/AppShell';

dayjs.locale('zh-cn');

function MissingToken() {
  return (
    <Result
      status="403"
      title="缺少访问令牌"
      subTitle="为了保护业主信息，浏览器模式只接受带令牌的地址。请使用启动 Call Coach 时终端里打印的完整地址（含 ?token=…）打开。"
    />
  );
}

export function App({ connection }: { connection: Connection }) {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1f6feb', fontSize: 14 } }}>
      <AntApp>
        {connection.api ? (
          <ApiProvider api={connection.api}>
            <HashRouter>
              <AppShell />
            </HashRouter>
          </ApiProvider>
        ) : (
          <MissingToken />
        )}
      </AntApp>
    </ConfigProvider>
  );
}
