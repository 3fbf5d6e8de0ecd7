// The shell: sign-in until there is a session, then the menu and the screen the hash names.
import { useCallback, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { createApiClient } from './api/client';
import { isManager, loadSession, saveSession, type Session } from './auth/session';
import { ErrorText } from './components/error-text';
import { OfflineBanner } from './components/offline-banner';
import { useI18n, type Language } from './i18n/i18n';
import type { MessageKey } from './i18n/en';
import { href, useRoute, type Route } from './routes';
import { CountScreen, CountsScreen } from './screens/counts-screen';
import { CustomerScreen } from './screens/customer-screen';
import { DayScreen } from './screens/day-screen';
import { EndlessAisleScreen } from './screens/endless-aisle-screen';
import { LookupScreen, OrderScreen } from './screens/lookup-screen';
import { PickupScreen } from './screens/pickup-screen';
import { PickupsScreen } from './screens/pickups-screen';
import { ReturnsScreen } from './screens/returns-screen';
import { SignIn } from './screens/sign-in';
import { StockScreen } from './screens/stock-screen';
import { TransfersScreen } from './screens/transfers-screen';

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const signOut = useCallback(() => {
    saveSession(null);
    setSession(null);
  }, []);
  const client = useMemo(() => createApiClient(session, signOut), [session, signOut]);
  const signIn = (s: Session) => {
    saveSession(s);
    setSession(s);
    location.hash = '#/pickups';
  };
  return (
    <Provider value={client}>
      <OfflineBanner />
      {session ? (
        <SignedIn session={session} onSignOut={signOut} />
      ) : (
        <>
          <SignIn onSignedIn={signIn} />
          <LanguageSwitch />
        </>
      )}
    </Provider>
  );
}

const MENU: { route: Route['name']; label: MessageKey; managers?: boolean }[] = [
  { route: 'pickups', label: 'nav.pickups' },
  { route: 'lookup', label: 'nav.lookup' },
  { route: 'aisle', label: 'nav.aisle' },
  { route: 'returns', label: 'nav.returns' },
  { route: 'stock', label: 'nav.stock' },
  { route: 'transfers', label: 'nav.transfers' },
  { route: 'counts', label: 'nav.counts' },
  { route: 'day', label: 'nav.day', managers: true },
];

function SignedIn({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const { t } = useI18n();
  const route = useRoute();
  const active =
    route.name === 'pickup'
      ? 'pickups'
      : route.name === 'order' || route.name === 'customer'
        ? 'lookup'
        : route.name === 'count'
          ? 'counts'
          : route.name;
  return (
    <>
      <header className="top-bar">
        <span className="who">
          {t('signIn.as', {
            name: session.staff.name ?? session.staff.email,
            role: t(`role.${session.staff.role}`),
            store: session.staff.location?.name ?? '',
          })}
        </span>
        <LanguageSwitch />
        <button type="button" className="secondary" onClick={onSignOut}>
          {t('app.signOut')}
        </button>
      </header>
      <nav className="menu" aria-label={t('nav.main')}>
        {MENU.filter((m) => !m.managers || isManager(session)).map((m) => (
          <a key={m.route} href={href(m.route)} aria-current={active === m.route ? 'page' : undefined}>
            {t(m.label)}
          </a>
        ))}
      </nav>
      {session.staff.location ? (
        <CurrentScreen route={route} session={session} />
      ) : (
        // The tablet works at a store; an account without one (an admin at head office) is told so.
        <main className="screen">
          <ErrorText code="LOCATION_REQUIRED" />
        </main>
      )}
    </>
  );
}

function CurrentScreen({ route, session }: { route: Route; session: Session }) {
  const locationId = session.staff.location?.id ?? '';
  switch (route.name) {
    case 'pickups':
      return <PickupsScreen locationId={locationId} />;
    case 'pickup':
      return <PickupScreen id={route.id} session={session} />;
    case 'lookup':
      return <LookupScreen />;
    case 'order':
      return <OrderScreen number={route.number} />;
    case 'customer':
      return <CustomerScreen id={route.id} />;
    case 'aisle':
      return <EndlessAisleScreen session={session} />;
    case 'returns':
      return <ReturnsScreen session={session} />;
    case 'stock':
      return <StockScreen session={session} />;
    case 'transfers':
      return <TransfersScreen session={session} />;
    case 'counts':
      return <CountsScreen session={session} />;
    case 'count':
      return <CountScreen id={route.id} />;
    case 'day':
      return <DayScreen session={session} />;
  }
}

function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language" role="group" aria-label={t('app.language')}>
      {(['fr', 'en'] as Language[]).map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={language === l} onClick={() => setLanguage(l)}>
          {l === 'fr' ? 'Français' : 'English'}
        </button>
      ))}
    </div>
  );
}
