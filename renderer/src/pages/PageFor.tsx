import { Button, Result } from 'antd';
import type { Route } from '../routes.js';
import { hrefOf } from '../routes.js';
import { OverviewPage } from './overview/OverviewPage.js';
import { CataloguePage } from './ledgers/CataloguePage.js';
import { LedgerPage } from './ledgers/LedgerPage.js';
import { SettingsPage } from './settings/SettingsPage.js';
import { NewLedgerTypePage } from './ledger-types/NewLedgerTypePage.js';
import { LedgerTypePage } from './ledger-types/LedgerTypePage.js';
import { ImportPage } from './import/ImportPage.js';
import { ReportsPage } from './reports/ReportsPage.js';
import { ArchivePage } from './archive/ArchivePage.js';
import { SubmissionsPage } from './submissions/SubmissionsPage.js';
import { LedgerLogPage } from './ledger-log/LedgerLogPage.js';
import { LedgerPrintPage } from './ledgers/LedgerPrintPage.js';

/** Maps a route to its page; a new page adds a case here and in routes.ts. */
export function PageFor({ route }: { route: Route }) {
  switch (route.name) {
    case 'overview':
      return <OverviewPage />;
    case 'ledgers':
      return <CataloguePage />;
    case 'ledger':
      return <LedgerPage key={route.key} ledgerKey={route.key} />;
    case 'ledger-import':
      return <ImportPage key={route.key} ledgerKey={route.key} />;
    case 'ledger-log':
      return <LedgerLogPage key={route.key} ledgerKey={route.key} />;
    case 'ledger-print':
      return <LedgerPrintPage key={route.key} ledgerKey={route.key} />;
    case 'ledger-type-new':
      return <NewLedgerTypePage />;
    case 'ledger-type':
      return <LedgerTypePage key={route.key} typeKey={route.key} />;
    case 'reports':
      return <ReportsPage />;
    case 'submissions':
      return <SubmissionsPage />;
    case 'archive':
      return <ArchivePage />;
    case 'settings':
      return <SettingsPage />;
    case 'not-found':
      return (
        <Result
          status="404"
          title="页面不存在"
          subTitle={`地址“${route.path}”没有对应的页面`}
          extra={
            <Button type="primary" href={hrefOf({ name: 'overview' })}>
              返回概览
            </Button>
          }
        />
      );
  }
}
