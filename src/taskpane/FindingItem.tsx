/**
 * One finding: a native button (Enter and Space work, it is in the tab order) that selects its
 * cell. Shows the cell, the severity (icon and word, never colour alone), the message, and in
 * detail the rule clause and expected vs actual.
 */
import { createFocusOutlineStyle, makeStyles, mergeClasses, Text, tokens, useId } from '@fluentui/react-components';
import type { Finding } from '../core/audit/types';
import { formatValue } from './group';
import type { Strings } from './i18n';
import { SEVERITY_COLORS, SeverityIcon } from './severity';

const useStyles = makeStyles({
  item: { listStyleType: 'none', margin: 0, padding: 0 },
  button: {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    boxSizing: 'border-box',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  focus: createFocusOutlineStyle({ style: { outlineOffset: '2px' } }),
  error: { borderLeftColor: SEVERITY_COLORS.error.fg },
  warning: { borderLeftColor: SEVERITY_COLORS.warning.fg },
  info: { borderLeftColor: SEVERITY_COLORS.info.fg },
  active: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  severity: { fontWeight: tokens.fontWeightSemibold },
  code: { marginLeft: 'auto', color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100 },
  message: { wordBreak: 'break-word', whiteSpace: 'pre-line' },
  detail: { display: 'flex', flexDirection: 'column', gap: '2px', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  rule: { wordBreak: 'break-word', whiteSpace: 'pre-line', display: '-webkit-box', WebkitLineClamp: 4, WebkitBoxOrient: 'vertical', overflow: 'hidden' },
  label: { fontWeight: tokens.fontWeightSemibold },
  values: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
});

export interface FindingItemProps {
  finding: Finding;
  t: Strings;
  active: boolean;
  /** Show the sheet before the cell (findings outside a table, or several sheets in one group). */
  showSheet?: boolean;
  onActivate: (finding: Finding) => void;
}

export function FindingItem({ finding: f, t, active, showSheet, onActivate }: FindingItemProps): JSX.Element {
  const styles = useStyles();
  const place = showSheet ? `${f.sheet}!${f.cell}` : f.cell;
  const severity = t.severity[f.severity];
  const hasValues = f.expected !== null || f.actual !== null;
  const label = `${severity} ${place}${t.colon}${f.message}`;
  const detailId = useId('finding-detail');
  return (
    <li className={styles.item}>
      <button
        type="button"
        data-testid="finding-item"
        data-sheet={f.sheet}
        data-cell={f.cell}
        data-code={f.code}
        data-severity={f.severity}
        aria-label={label}
        aria-describedby={detailId}
        aria-current={active ? 'true' : undefined}
        title={t.selectCellHint}
        className={mergeClasses(styles.button, styles.focus, styles[f.severity], active && styles.active)}
        onClick={() => onActivate(f)}
      >
        <span className={styles.head}>
          <SeverityIcon severity={f.severity} />
          <span className={styles.severity}>{severity}</span>
          <span className={styles.cell}>{place}</span>
          <span className={styles.code}>{f.code}</span>
        </span>
        <Text className={styles.message}>{f.message}</Text>
        <span className={styles.detail} id={detailId}>
          {f.rule ? (
            <span className={styles.rule} title={f.rule}>
              <span className={styles.label}>{t.rule}{t.colon}</span>
              {f.rule}
            </span>
          ) : null}
          {hasValues ? (
            <span className={styles.values}>
              <span>
                <span className={styles.label}>{t.expected}{t.colon}</span>
                {formatValue(f.expected)}
              </span>
              <span>
                <span className={styles.label}>{t.actual}{t.colon}</span>
                {formatValue(f.actual)}
              </span>
            </span>
          ) : null}
        </span>
      </button>
    </li>
  );
}
