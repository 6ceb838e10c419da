export type Theme = 'light' | 'dark' | 'sepia';
export type LineWidth = 'narrow' | 'medium' | 'wide';

export interface DisplaySettings {
  theme: Theme;
  /** Reading font size in pixels. */
  fontSize: number;
  lineWidth: LineWidth;
}

export const FONT_SIZES = [15, 16, 17, 18, 20, 22, 24, 27] as const;
export const themes: Theme[] = ['light', 'sepia', 'dark'];
export const lineWidths: LineWidth[] = ['narrow', 'medium', 'wide'];
export const lineWidthCh: Record<LineWidth, string> = {
  narrow: '34rem',
  medium: '42rem',
  wide: '54rem',
};

export const defaultDisplay: DisplaySettings = {
  theme: 'light',
  fontSize: 18,
  lineWidth: 'medium',
};

/** Keeps a stored value usable even if it was written by another version or edited by hand. */
export function sanitizeDisplay(
  value: Partial<DisplaySettings> | null | undefined,
): DisplaySettings {
  const v = value ?? {};
  return {
    theme: themes.includes(v.theme as Theme) ? (v.theme as Theme) : defaultDisplay.theme,
    fontSize:
      typeof v.fontSize === 'number' && v.fontSize >= 12 && v.fontSize <= 32
        ? v.fontSize
        : defaultDisplay.fontSize,
    lineWidth: lineWidths.includes(v.lineWidth as LineWidth)
      ? (v.lineWidth as LineWidth)
      : defaultDisplay.lineWidth,
  };
}

export function stepFontSize(current: number, direction: 1 | -1): number {
  const sizes = [...FONT_SIZES] as number[];
  if (direction > 0) return sizes.find((s) => s > current) ?? sizes[sizes.length - 1];
  return [...sizes].reverse().find((s) => s < current) ?? sizes[0];
}
