/**
 * The native menu, in Vietnamese or English. It does what only the main process can (native open
 * dialogs, zoom, quit) and hands everything about the page to the renderer as an event.
 */
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { IMPORT_EXTENSIONS } from '../api/formats';
import type { BridgeEventName, BridgeEvents } from './bridge';

export type MenuLocale = 'vi' | 'en';

const LABELS = {
  vi: {
    file: 'Tệp',
    importFiles: 'Nhập tệp…',
    importFolder: 'Nhập thư mục…',
    export: 'Xuất ghi chú…',
    exportBundle: 'Xuất gói lưu trữ…',
    importBundle: 'Nhập gói lưu trữ…',
    bundles: 'Gói lưu trữ',
    quit: 'Thoát',
    edit: 'Sửa',
    undo: 'Hoàn tác',
    redo: 'Làm lại',
    cut: 'Cắt',
    copy: 'Sao chép',
    paste: 'Dán',
    selectAll: 'Chọn tất cả',
    view: 'Xem',
    zoomIn: 'Phóng to',
    zoomOut: 'Thu nhỏ',
    resetZoom: 'Cỡ chữ mặc định',
    theme: 'Giao diện',
    light: 'Sáng',
    dark: 'Tối',
    sepia: 'Nâu giấy cũ',
    language: 'Ngôn ngữ',
    fullScreen: 'Toàn màn hình',
    devTools: 'Công cụ phát triển',
    help: 'Trợ giúp',
    shortcuts: 'Phím tắt',
    about: 'Giới thiệu Archive Reader',
    pickFiles: 'Chọn tệp để nhập',
    pickFolder: 'Chọn thư mục để nhập',
    articles: 'Bài viết và văn bản',
    all: 'Mọi tệp',
  },
  en: {
    file: 'File',
    importFiles: 'Import Files…',
    importFolder: 'Import Folder…',
    export: 'Export Notes…',
    exportBundle: 'Export Archive Bundle…',
    importBundle: 'Import Archive Bundle…',
    bundles: 'Archive bundles',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    sepia: 'Sepia',
    language: 'Language',
    fullScreen: 'Full Screen',
    devTools: 'Developer Tools',
    help: 'Help',
    shortcuts: 'Keyboard Shortcuts',
    about: 'About Archive Reader',
    pickFiles: 'Choose files to import',
    pickFolder: 'Choose a folder to import',
    articles: 'Articles and documents',
    all: 'All files',
  },
} as const;

export interface MenuContext {
  window: () => BrowserWindow | null;
  send: <E extends BridgeEventName>(event: E, data: BridgeEvents[E]) => void;
  locale: MenuLocale;
  /** Rebuilds the menu in the chosen language (and tells the page). */
  setLocale: (locale: MenuLocale) => void;
}

export function installMenu(context: MenuContext): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(context)));
}

function menuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const t = LABELS[context.locale];
  const { send } = context;
  const pick = async (folder: boolean) => {
    const window = context.window();
    if (!window) return;
    const result = await dialog.showOpenDialog(window, {
      title: folder ? t.pickFolder : t.pickFiles,
      properties: folder ? ['openDirectory'] : ['openFile', 'multiSelections'],
      filters: folder
        ? undefined
        : [
            {
              name: t.articles,
              extensions: [...IMPORT_EXTENSIONS],
            },
            { name: t.all, extensions: ['*'] },
          ],
    });
    if (result.canceled || result.filePaths.length === 0) return;
    send(folder ? 'menu:import-folder' : 'menu:import-files', { paths: result.filePaths });
  };
  // Archive bundles: the path is picked here; the page carries the export or import out.
  const bundle = async (exporting: boolean) => {
    const window = context.window();
    if (!window) return;
    const filters = [{ name: t.bundles, extensions: ['arbundle'] }];
    if (exporting) {
      const result = await dialog.showSaveDialog(window, {
        title: t.exportBundle,
        defaultPath: 'archive.arbundle',
        filters,
      });
      if (!result.canceled && result.filePath)
        send('menu:bundle-export', { path: result.filePath });
      return;
    }
    const result = await dialog.showOpenDialog(window, {
      title: t.importBundle,
      properties: ['openFile'],
      filters: [...filters, { name: t.all, extensions: ['*'] }],
    });
    if (!result.canceled && result.filePaths.length)
      send('menu:bundle-import', { paths: result.filePaths });
  };
  const theme = (value: 'light' | 'dark' | 'sepia', label: string): MenuItemConstructorOptions => ({
    label,
    click: () => send('menu:theme', value),
  });
  const language = (value: MenuLocale, label: string): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: context.locale === value,
    click: () => context.setLocale(value),
  });

  const template: MenuItemConstructorOptions[] = [
    {
      label: t.file,
      submenu: [
        { label: t.importFiles, accelerator: 'CmdOrCtrl+O', click: () => void pick(false) },
        { label: t.importFolder, accelerator: 'CmdOrCtrl+Shift+O', click: () => void pick(true) },
        { type: 'separator' },
        { label: t.export, accelerator: 'CmdOrCtrl+E', click: () => send('menu:export', {}) },
        { type: 'separator' },
        { label: t.exportBundle, click: () => void bundle(true) },
        { label: t.importBundle, click: () => void bundle(false) },
        ...(process.platform === 'darwin'
          ? []
          : [{ type: 'separator' } as const, { label: t.quit, role: 'quit' } as const]),
      ],
    },
    {
      label: t.edit,
      submenu: [
        { label: t.undo, role: 'undo' },
        { label: t.redo, role: 'redo' },
        { type: 'separator' },
        { label: t.cut, role: 'cut' },
        { label: t.copy, role: 'copy' },
        { label: t.paste, role: 'paste' },
        { label: t.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: t.view,
      submenu: [
        { label: t.zoomIn, role: 'zoomIn' },
        { label: t.zoomOut, role: 'zoomOut' },
        { label: t.resetZoom, role: 'resetZoom' },
        { type: 'separator' },
        {
          label: t.theme,
          submenu: [theme('light', t.light), theme('dark', t.dark), theme('sepia', t.sepia)],
        },
        {
          label: t.language,
          submenu: [language('vi', 'Tiếng Việt'), language('en', 'English')],
        },
        { type: 'separator' },
        { label: t.fullScreen, role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ label: t.devTools, role: 'toggleDevTools' } as const]),
      ],
    },
    {
      label: t.help,
      role: 'help',
      submenu: [
        {
          label: t.shortcuts,
          accelerator: 'CmdOrCtrl+/',
          click: () => send('menu:shortcuts', {}),
        },
        { label: t.about, click: () => send('menu:about', { version: app.getVersion() }) },
      ],
    },
  ];
  if (process.platform === 'darwin') {
    template.unshift({ role: 'appMenu' });
  }
  return template;
}
