import type { ReactNode } from 'react';
import { Menu } from 'antd';
import {
  DashboardOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TableOutlined,
} from '@ant-design/icons';
import { hrefOf, sectionOf, type Route, type Section } from '../routes.js';

const ITEMS: Array<{ key: Section; label: string; icon: ReactNode; href: string }> = [
  { key: 'overview', label: '概览', icon: <DashboardOutlined aria-hidden />, href: hrefOf({ name: 'overview' }) },
  { key: 'ledgers', label: '台账', icon: <TableOutlined aria-hidden />, href: hrefOf({ name: 'ledgers' }) },
  { key: 'reports', label: '报送', icon: <FileTextOutlined aria-hidden />, href: hrefOf({ name: 'reports' }) },
  {
    key: 'submissions',
    label: '报送记录',
    icon: <FolderOpenOutlined aria-hidden />,
    href: hrefOf({ name: 'submissions' }),
  },
  {
    key: 'archive',
    label: '归档与备份',
    icon: <SafetyCertificateOutlined aria-hidden />,
    href: hrefOf({ name: 'archive' }),
  },
  { key: 'settings', label: '设置', icon: <SettingOutlined aria-hidden />, href: hrefOf({ name: 'settings' }) },
];

export function SideNav({ route }: { route: Route }) {
  const section = sectionOf(route);
  return (
    <nav aria-label="主导航">
      <Menu
        mode="inline"
        className="side-nav"
        selectedKeys={section ? [section] : []}
        items={ITEMS.map(({ key, label, icon }) => ({ key, label, icon }))}
        onClick={({ key }) => {
          const item = ITEMS.find((i) => i.key === key);
          if (item) window.location.hash = item.href;
        }}
      />
    </nav>
  );
}
