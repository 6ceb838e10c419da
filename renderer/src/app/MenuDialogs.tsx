import { Fragment, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useModal } from './useModal';
import { useDesktopMenu } from './desktopMenu';

/**
 * The dialogs of the desktop app's Help menu: the keyboard shortcuts and About. Modal <dialog>s:
 * named by their heading, closed by Escape or the button, focus back where it was.
 */
type Open = { kind: 'about'; version: string } | { kind: 'shortcuts' } | null;

export function MenuDialogs() {
  const [open, setOpen] = useState<Open>(null);
  // What had focus before a first dialog opened (the menu does not move it) gets it back.
  const returnTo = useRef<HTMLElement | null>(null);
  const show = (next: Open) => {
    if (!open) {
      const active = document.activeElement;
      returnTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
    }
    setOpen(next);
  };
  useDesktopMenu('about', ({ version }) => show({ kind: 'about', version }));
  useDesktopMenu('shortcuts', () => show({ kind: 'shortcuts' }));
  useEffect(() => {
    if (open || !returnTo.current) return;
    if (returnTo.current.isConnected) returnTo.current.focus({ preventScroll: true });
    returnTo.current = null;
  }, [open]);
  const close = () => setOpen(null);
  if (open?.kind === 'about') return <AboutDialog version={open.version} onClose={close} />;
  if (open?.kind === 'shortcuts') return <ShortcutsDialog onClose={close} />;
  return null;
}

function MenuDialog({
  title,
  className,
  describedBy,
  onClose,
  children,
}: {
  title: string;
  className?: string;
  describedBy?: string;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useModal();
  const titleId = useId();

  return (
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onClose={onClose}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="form-actions">
        <button type="button" className="button primary" autoFocus onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  );
}

function AboutDialog({ version, onClose }: { version: string; onClose(): void }) {
  const { t } = useTranslation();
  const versionId = useId();
  const app = t('app.title');
  return (
    <MenuDialog
      title={t('about.title', { app })}
      className="about-dialog"
      describedBy={version ? versionId : undefined}
      onClose={onClose}
    >
      <p className="about-name">
        <span className="brand-mark" aria-hidden="true">
          ❦
        </span>{' '}
        <strong>{app}</strong>
      </p>
      {version && <p id={versionId}>{t('about.version', { version })}</p>}
      <p className="muted">{t('about.description')}</p>
    </MenuDialog>
  );
}

/** Every shortcut the page and the menu really have; "Mod" is Ctrl, or ⌘ on a Mac. */
const SHORTCUTS: Array<{ group: string; items: Array<{ keys: string[][]; action: string }> }> = [
  { group: 'everywhere', items: [{ keys: [['/']], action: 'focusSearch' }] },
  {
    group: 'search',
    items: [
      { keys: [['↓']], action: 'toResults' },
      { keys: [['Enter']], action: 'runSearch' },
      { keys: [['Esc']], action: 'clearSearch' },
      { keys: [['↑'], ['↓']], action: 'moveResults' },
      { keys: [['Home'], ['End']], action: 'firstLast' },
      { keys: [['Esc']], action: 'backToBox' },
    ],
  },
  {
    group: 'reader',
    items: [
      { keys: [['Mod', 'F']], action: 'findInArticle' },
      { keys: [['Enter']], action: 'findNext' },
      { keys: [['Shift', 'Enter']], action: 'findPrevious' },
      { keys: [['Esc']], action: 'closeFind' },
    ],
  },
  {
    group: 'notes',
    items: [
      { keys: [['Mod', 'Enter']], action: 'saveNote' },
      { keys: [['Esc']], action: 'dismiss' },
    ],
  },
  {
    group: 'menu',
    items: [
      { keys: [['Mod', 'O']], action: 'importFiles' },
      { keys: [['Mod', 'Shift', 'O']], action: 'importFolder' },
      { keys: [['Mod', 'E']], action: 'exportNotes' },
      { keys: [['Mod', '/']], action: 'showShortcuts' },
    ],
  },
];

function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const mod = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? '⌘' : 'Ctrl';
  const combo = (keys: string[]) =>
    keys.map((key, i) => (
      <Fragment key={i}>
        {i > 0 && '+'}
        <kbd>{key === 'Mod' ? mod : key}</kbd>
      </Fragment>
    ));
  return (
    <MenuDialog title={t('shortcuts.title')} className="shortcuts-dialog" onClose={onClose}>
      {SHORTCUTS.map(({ group, items }) => (
        <table key={group} className="shortcut-table">
          <caption>{t(`shortcuts.groups.${group}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shortcuts.keys')}</th>
              <th scope="col">{t('shortcuts.action')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map(({ keys, action }) => (
              <tr key={action}>
                <td>
                  {keys.map((k, i) => (
                    <Fragment key={i}>
                      {i > 0 && ` ${t('shortcuts.or')} `}
                      {combo(k)}
                    </Fragment>
                  ))}
                </td>
                <td>{t(`shortcuts.${action}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </MenuDialog>
  );
}
