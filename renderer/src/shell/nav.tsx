import {
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  InfoCircleOutlined,
  PhoneOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { AboutPage } from '../pages/about/AboutPage';
import { CallPage } from '../pages/call/CallPage';
import { ComingSoonPage } from '../pages/ComingSoonPage';
import { HouseholdsPage } from '../pages/households/HouseholdsPage';
import { ScriptsPage } from '../pages/scripts/ScriptsPage';
import { TodayPage } from '../pages/today/TodayPage';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  element: ReactNode;
  /** A sub-route the same page serves, e.g. ':id' for /households/:id. */
  childPath?: string;
}

/** For areas not built yet: an honest 即将推出 page that says what they will do. */
const comingSoon = (label: string, description: string) => ({
  label,
  element: <ComingSoonPage title={label} description={description} />,
});

/** The app's areas, in menu order; Alt+1 … Alt+6 jump to them. */
export const navItems: NavItem[] = [
  { path: '/today', label: '今日跟进', icon: <CalendarOutlined />, element: <TodayPage /> },
  { path: '/households', label: '业主欠费', icon: <TeamOutlined />, element: <HouseholdsPage />, childPath: ':id' },
  { path: '/call', label: '通话', icon: <PhoneOutlined />, element: <CallPage />, childPath: ':id' },
  { path: '/scripts', label: '话术库', icon: <BookOutlined />, element: <ScriptsPage /> },
  {
    path: '/reports',
    icon: <BarChartOutlined />,
    ...comingSoon('报表', '收缴率、承诺兑现率、接通率和欠费账龄分布，看清谁需要帮助。'),
  },
  { path: '/about', label: '关于/状态', icon: <InfoCircleOutlined />, element: <AboutPage /> },
];

export const DEFAULT_PATH = '/today';
