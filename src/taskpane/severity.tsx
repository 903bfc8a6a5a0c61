/** Severity visuals shared by the list, the summary and the preview: icon, badge colour, cell tint. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircle20Filled, Info20Filled, Warning20Filled } from '@fluentui/react-icons';
import type { Severity } from '../core/audit/types';

export const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

/** Foreground of the icon and background of a flagged cell. */
export const SEVERITY_COLORS: Record<Severity, { fg: string; bg: string; border: string }> = {
  error: { fg: tokens.colorStatusDangerForeground1, bg: tokens.colorStatusDangerBackground1, border: tokens.colorStatusDangerBorder2 },
  warning: { fg: tokens.colorStatusWarningForeground3, bg: tokens.colorStatusWarningBackground1, border: tokens.colorStatusWarningBorder2 },
  info: { fg: tokens.colorPaletteBlueForeground2, bg: tokens.colorPaletteBlueBackground2, border: tokens.colorPaletteBlueBorderActive },
};

const useIconStyles = makeStyles({
  icon: { flexShrink: 0 },
  error: { color: SEVERITY_COLORS.error.fg },
  warning: { color: SEVERITY_COLORS.warning.fg },
  info: { color: SEVERITY_COLORS.info.fg },
});

export function SeverityIcon({ severity }: { severity: Severity }): JSX.Element {
  const styles = useIconStyles();
  const className = mergeClasses(styles.icon, styles[severity]);
  if (severity === 'error') return <ErrorCircle20Filled aria-hidden className={className} />;
  if (severity === 'warning') return <Warning20Filled aria-hidden className={className} />;
  return <Info20Filled aria-hidden className={className} />;
}
