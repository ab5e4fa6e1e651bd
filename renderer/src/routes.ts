/** Every page the app can show, addressed by the location hash (#/ledgers/student-aid). */
export type Route =
  | { name: 'overview' }
  | { name: 'ledgers' }
  | { name: 'ledger'; key: string }
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

/** The side-navigation entry a route belongs to. */
export type Section = 'overview' | 'ledgers' | 'settings';

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'overview' };
  if (path === '/ledgers') return { name: 'ledgers' };
  if (path === '/settings') return { name: 'settings' };
  const ledger = /^\/ledgers\/([a-z][a-z0-9-]{0,39})$/.exec(path);
  if (ledger) return { name: 'ledger', key: ledger[1]! };
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
    case 'settings':
      return '#/settings';
  }
}

export function sectionOf(route: Route): Section | null {
  if (route.name === 'ledger') return 'ledgers';
  if (route.name === 'not-found') return null;
  return route.name;
}
