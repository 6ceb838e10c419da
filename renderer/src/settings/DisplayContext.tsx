import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useDesktopMenu } from '../app/desktopMenu';
import { loadJson, saveJson, storageKeys } from './storage';
import { sanitizeDisplay, type DisplaySettings } from './display';

interface DisplayContextValue {
  display: DisplaySettings;
  update(patch: Partial<DisplaySettings>): void;
}

const DisplayContext = createContext<DisplayContextValue | null>(null);

export function DisplayProvider({ children }: { children: ReactNode }) {
  const [display, setDisplay] = useState(() =>
    sanitizeDisplay(loadJson<Partial<DisplaySettings>>(storageKeys.display, {})),
  );

  useEffect(() => {
    document.documentElement.dataset.theme = display.theme;
    saveJson(storageKeys.display, display);
  }, [display]);

  // View → Theme in the desktop menu.
  useDesktopMenu('theme', (theme) => setDisplay((d) => sanitizeDisplay({ ...d, theme })));

  const value = useMemo<DisplayContextValue>(
    () => ({ display, update: (patch) => setDisplay((d) => sanitizeDisplay({ ...d, ...patch })) }),
    [display],
  );
  return <DisplayContext.Provider value={value}>{children}</DisplayContext.Provider>;
}

export function useDisplay(): DisplayContextValue {
  const value = useContext(DisplayContext);
  if (!value) throw new Error('useDisplay outside DisplayProvider');
  return value;
}
