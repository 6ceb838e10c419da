import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';
import type { Route } from './route';

const ITEMS = [
  { screen: 'search', href: '#/', key: 'nav.search', icon: 'search' },
  { screen: 'library', href: '#/library', key: 'nav.library', icon: 'library' },
  { screen: 'notes', href: '#/notes', key: 'nav.notes', icon: 'note' },
  { screen: 'stats', href: '#/stats', key: 'nav.stats', icon: 'stats' },
] as const;

export function Nav({ route }: { route: Route }) {
  const { t } = useTranslation();
  const current = route.screen === 'article' ? 'search' : route.screen;
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.screen}>
            <a href={item.href} aria-current={item.screen === current ? 'page' : undefined}>
              <span className="nav-icon">
                <Icon name={item.icon} />
              </span>
              <span>{t(item.key)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
