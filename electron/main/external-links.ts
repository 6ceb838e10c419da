/**
 * The one way out of the app: a web link the user clicked opens in the system browser, and only
 * after they confirm in a native dialog that shows the full address (a link's text can lie).
 */
import { dialog, shell, type BrowserWindow } from 'electron';
import { isExternalWebUrl } from './security';

const TEXT = {
  vi: {
    message: 'Mở liên kết này trong trình duyệt?',
    detail: 'Ứng dụng sẽ mở địa chỉ sau bằng trình duyệt web của máy:',
    buttons: ['Hủy', 'Mở trong trình duyệt'],
  },
  en: {
    message: 'Open this link in your browser?',
    detail: 'The app will open the following address in your web browser:',
    buttons: ['Cancel', 'Open in browser'],
  },
};

let asking = false;

/** Called for a link click the window refused to follow. One dialog at a time: a page cannot queue up prompts. */
export async function confirmAndOpenExternal(
  window: BrowserWindow,
  url: string,
  locale: 'vi' | 'en',
): Promise<void> {
  if (asking || !isExternalWebUrl(url) || window.isDestroyed()) return;
  asking = true;
  try {
    const text = TEXT[locale];
    const { response } = await dialog.showMessageBox(window, {
      type: 'question',
      message: text.message,
      detail: `${text.detail}\n\n${url}`,
      buttons: text.buttons,
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (response === 1) await shell.openExternal(url);
  } finally {
    asking = false;
  }
}
