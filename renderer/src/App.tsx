import { Layout } from 'antd';
import { useHashRoute } from './hooks/useHashRoute.js';
import { UnitGate } from './unit/UnitGate.js';
import { SideNav } from './components/SideNav.js';
import { TopBar } from './components/TopBar.js';
import { PageFor } from './pages/PageFor.js';

/** The shell: navigation at the side, the page the hash names in the middle. */
export function App() {
  const route = useHashRoute();
  // A printout is the submitted table alone: no navigation, no buttons around it.
  if (route.name === 'ledger-print') {
    return (
      <UnitGate>
        <PageFor route={route} />
      </UnitGate>
    );
  }
  return (
    <UnitGate>
      <Layout className="shell">
        <Layout.Sider width={184} theme="light" className="shell-sider">
          <div className="shell-brand">台账归档</div>
          <SideNav route={route} />
        </Layout.Sider>
        <Layout>
          <TopBar />
          <Layout.Content className="shell-content">
            <PageFor route={route} />
          </Layout.Content>
        </Layout>
      </Layout>
    </UnitGate>
  );
}
