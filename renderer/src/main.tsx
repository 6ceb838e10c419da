import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/be-vietnam-pro/vietnamese-400.css';
import '@fontsource/be-vietnam-pro/vietnamese-600.css';
import '@fontsource/be-vietnam-pro/vietnamese-700.css';
import '@fontsource/be-vietnam-pro/latin-400.css';
import '@fontsource/be-vietnam-pro/latin-600.css';
import '@fontsource/be-vietnam-pro/latin-700.css';
import '@fontsource/be-vietnam-pro/latin-ext-400.css';
import '@fontsource/be-vietnam-pro/latin-ext-600.css';
import '@fontsource/be-vietnam-pro/latin-ext-700.css';
import './i18n';
import './styles/themes.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/search.css';
import './styles/reader.css';
import './styles/annotations.css';
import './styles/library.css';
import './styles/print.css';
import './styles/law.css';
import { App } from './app/App';
import { listenToBundleMenu } from './library/bundleMenu';
import { listenToExportMenu } from './annotations/exportMenu';
import { listenToDesktopMenu } from './app/desktopMenu';

listenToBundleMenu();
listenToExportMenu();
listenToDesktopMenu();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
