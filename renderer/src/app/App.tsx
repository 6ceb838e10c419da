import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AllNotesScreen } from '../annotations/AllNotesScreen';
import { ImportProvider } from '../library/ImportContext';
import { LibraryScreen } from '../library/LibraryScreen';
import { StatsScreen } from '../library/StatsScreen';
import { ReaderScreen } from '../reader/ReaderScreen';
import { SearchProvider } from '../search/SearchContext';
import { SearchScreen } from '../search/SearchScreen';
import { DisplayProvider } from '../settings/DisplayContext';
import { LanguageSelect } from '../settings/LanguageSelect';
import { AlertProvider } from './AlertContext';
import { ArchiveGate } from './DamagedArchive';
import { MenuDialogs } from './MenuDialogs';
import { Nav } from './Nav';
import { navigate, useRoute, type Route } from './route';
import { isTypingTarget, requestSearchFocus } from './shortcuts';

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'article':
      return (
        <ReaderScreen id={route.id} annotation={route.annotation} section={route.section ?? null} />
      );
    case 'library':
      return <LibraryScreen />;
    case 'notes':
      return <AllNotesScreen />;
    case 'stats':
      return <StatsScreen />;
    default:
      return <SearchScreen />;
  }
}

function Shell() {
  const { t } = useTranslation();
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);

  // `/` focuses the search box from anywhere (but not while typing in a field).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      e.preventDefault();
      requestSearchFocus();
      navigate('#/');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A new screen starts at the top (the reader restores its own position).
  const screenKey = route.screen === 'article' ? `article:${route.id}` : route.screen;
  useEffect(() => {
    if (route.screen !== 'article' && mainRef.current) mainRef.current.scrollTop = 0;
  }, [screenKey, route.screen]);

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="banner" role="banner">
        <a className="brand" href="#/">
          <span className="brand-mark" aria-hidden="true">
            ❦
          </span>
          <span>{t('app.title')}</span>
        </a>
        <LanguageSelect />
      </header>
      <Nav route={route} />
      <main id="main" ref={mainRef} tabIndex={-1} className={`main main-${route.screen}`}>
        <Screen key={screenKey} route={route} />
      </main>
    </div>
  );
}

export function App() {
  return (
    <AlertProvider>
      <DisplayProvider>
        <SearchProvider>
          <ImportProvider>
            <ArchiveGate>
              <Shell />
            </ArchiveGate>
            <MenuDialogs />
          </ImportProvider>
        </SearchProvider>
      </DisplayProvider>
    </AlertProvider>
  );
}
