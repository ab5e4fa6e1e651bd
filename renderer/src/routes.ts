/** Every page the app can show, addressed by the location hash (#/ledgers/student-aid). */
export type Route =
  | { name: 'overview' }
  | { name: 'ledgers' }
  | { name: 'ledger'; key: string }
  | { name: 'ledger-import'; key: string }
  | { name: 'ledger-log'; key: string }
  | { name: 'ledger-print'; key: string }
  | { name: 'ledger-type-new' }
  | { name: 'ledger-type'; key: string }
  | { name: 'reports' }
  | { name: 'submissions' }
  | { name: 'archive' }
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

/** The side-navigation entry a route belongs to. */
export type Section = 'overview' | 'ledgers' | 'reports' | 'submissions' | 'archive' | 'settings';

export function parseHash(hash: string): Route {
  // What follows "?" is the page's own state (a ledger's filters), not part of the route.
  const path = hash.replace(/^#/, '').replace(/\?.*$/, '').replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'overview' };
  if (path === '/ledgers') return { name: 'ledgers' };
  if (path === '/reports') return { name: 'reports' };
  if (path === '/submissions') return { name: 'submissions' };
  if (path === '/archive') return { name: 'archive' };
  if (path === '/settings') return { name: 'settings' };
  const ledger = /^\/ledgers\/([a-z][a-z0-9-]{0,39})$/.exec(path);
  if (ledger) return { name: 'ledger', key: ledger[1]! };
  const ledgerImport = /^\/ledgers\/([a-z][a-z0-9-]{0,39})\/import$/.exec(path);
  if (ledgerImport) return { name: 'ledger-import', key: ledgerImport[1]! };
  const ledgerLog = /^\/ledgers\/([a-z][a-z0-9-]{0,39})\/log$/.exec(path);
  if (ledgerLog) return { name: 'ledger-log', key: ledgerLog[1]! };
  const ledgerPrint = /^\/ledgers\/([a-z][a-z0-9-]{0,39})\/print$/.exec(path);
  if (ledgerPrint) return { name: 'ledger-print', key: ledgerPrint[1]! };
  // "new" is checked first: it would also pass as a type key.
  if (path === '/ledger-types/new') return { name: 'ledger-type-new' };
  const ledgerType = /^\/ledger-types\/([a-z][a-z0-9-]{0,39})$/.exec(path);
  if (ledgerType) return { name: 'ledger-type', key: ledgerType[1]! };
  return { name: 'not-found', path };
}

export function hrefOf(route: Exclude<Route, { name: 'not-found' }>): string {
  switch (route.name) {
    case 'overview':
      return '#/';
    case 'ledgers':
      return '#/ledgers';
    case 'ledger':
      return `#/ledgers/${route.key}`;
    case 'ledger-import':
      return `#/ledgers/${route.key}/import`;
    case 'ledger-log':
      return `#/ledgers/${route.key}/log`;
    case 'ledger-print':
      return `#/ledgers/${route.key}/print`;
    case 'ledger-type-new':
      return '#/ledger-types/new';
    case 'ledger-type':
      return `#/ledger-types/${route.key}`;
    case 'reports':
      return '#/reports';
    case 'submissions':
      return '#/submissions';
    case 'archive':
      return '#/archive';
    case 'settings':
      return '#/settings';
  }
}

export function sectionOf(route: Route): Section | null {
  if (route.name === 'ledger' || route.name === 'ledger-import' || route.name === 'ledger-log') return 'ledgers';
  if (route.name === 'ledger-print') return 'ledgers';
  if (route.name === 'ledger-type-new' || route.name === 'ledger-type') return 'ledgers';
  if (route.name === 'not-found') return null;
  return route.name;
}
