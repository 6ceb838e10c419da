/**
 * The window's size and position, remembered between runs in a small JSON file in userData.
 * Plain Node: the reading, validating and fitting-to-screens are tested without Electron.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Partial<Pick<Rect, 'x' | 'y'>> & Pick<Rect, 'width' | 'height'>;
  maximized: boolean;
}

export const DEFAULT_STATE: WindowState = {
  bounds: { width: 1200, height: 800 },
  maximized: false,
};
const MIN = { width: 640, height: 480 };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** The saved state, or the default when the file is missing, unreadable or hand-edited into nonsense. */
export function loadWindowState(file: string): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return DEFAULT_STATE;
  }
  const b = (raw as { bounds?: Record<string, unknown> })?.bounds;
  if (!b || !isInt(b.width) || !isInt(b.height)) return DEFAULT_STATE;
  const bounds: WindowState['bounds'] = {
    width: Math.max(MIN.width, Math.min(b.width, 10_000)),
    height: Math.max(MIN.height, Math.min(b.height, 10_000)),
  };
  if (isInt(b.x) && isInt(b.y)) Object.assign(bounds, { x: b.x, y: b.y });
  return { bounds, maximized: (raw as { maximized?: unknown }).maximized === true };
}

/** Written through a temporary file, so a crash mid-write never leaves half a JSON behind. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(state));
    fs.renameSync(tmp, file);
  } catch {
    // Losing the window position is not worth an error dialog.
  }
}

/**
 * Drop the saved position when it is no longer on any screen (a monitor was unplugged), so the
 * window never opens out of sight; keep the size, shrunk to the largest screen.
 */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  if (workAreas.length === 0) return state;
  const largest = workAreas.reduce((a, b) => (a.width * a.height >= b.width * b.height ? a : b));
  const width = Math.min(state.bounds.width, largest.width);
  const height = Math.min(state.bounds.height, largest.height);
  const { x, y } = state.bounds;
  if (x === undefined || y === undefined) return { ...state, bounds: { width, height } };
  // Visible enough: at least 100×50 px of the title bar area lies inside one screen.
  const visible = workAreas.some(
    (a) =>
      x + width - 100 >= a.x && x + 100 <= a.x + a.width && y >= a.y && y + 50 <= a.y + a.height,
  );
  return { ...state, bounds: visible ? { x, y, width, height } : { width, height } };
}
