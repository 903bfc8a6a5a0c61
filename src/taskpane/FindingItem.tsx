/**
 * One finding: a native button (Enter and Space work, it is in the tab order) that selects its
 * cell, and beside it the reviewer's 已复核 / 忽略 toggles. Shows the severity (icon and word,
 * never colour alone), the check by its Chinese name, the place, the message, and in detail the
 * rule clause and expected vs actual in the cell's own number format.
 */
import type { ReactNode } from 'react';
import { createFocusOutlineStyle, makeStyles, mergeClasses, Text, ToggleButton, tokens, useId } from '@fluentui/react-components';
import { CheckmarkCircle20Regular, EyeOff20Regular } from '@fluentui/react-icons';
import { checkName } from '../core/audit/catalogue';
import type { Finding } from '../core/audit/types';
import { formatFindingValue } from './format';
import type { ReviewState } from './host';
import type { Locale, Strings } from './i18n';
import { SEVERITY_COLORS, SeverityIcon } from './severity';

const useStyles = makeStyles({
  item: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflow: 'hidden',
  },
  error: { borderLeftColor: SEVERITY_COLORS.error.fg },
  warning: { borderLeftColor: SEVERITY_COLORS.warning.fg },
  info: { borderLeftColor: SEVERITY_COLORS.info.fg },
  active: { backgroundColor: tokens.colorBrandBackground2, outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: '-1px' },
  settled: { opacity: 0.72 },
  button: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    boxSizing: 'border-box',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXS}`,
    border: 'none',
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
  },
  focus: createFocusOutlineStyle({ style: { outlineOffset: '-2px' } }),
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  severity: { fontWeight: tokens.fontWeightSemibold },
  check: { color: tokens.colorNeutralForeground2 },
  cell: {
    marginLeft: 'auto',
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  message: { wordBreak: 'break-word', whiteSpace: 'pre-line' },
  detail: { display: 'flex', flexDirection: 'column', gap: '2px', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  rule: { wordBreak: 'break-word', whiteSpace: 'pre-line', display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' },
  label: { fontWeight: tokens.fontWeightSemibold },
  values: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  value: { fontVariantNumeric: 'tabular-nums' },
  states: { display: 'flex', gap: tokens.spacingHorizontalXS, padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`, flexWrap: 'wrap' },
  preview: { padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}` },
});

export interface FindingItemProps {
  finding: Finding;
  t: Strings;
  locale: Locale;
  active: boolean;
  state?: ReviewState;
  /** Number format of the finding's cell (for expected and actual). */
  numFmt?: string;
  onActivate: (finding: Finding) => void;
  onState: (finding: Finding, state: ReviewState | undefined) => void;
  /** Shown under the active item (the browser's grid around the cell at narrow widths). */
  children?: ReactNode;
}

export function FindingItem({ finding: f, t, locale, active, state, numFmt, onActivate, onState, children }: FindingItemProps): JSX.Element {
  const styles = useStyles();
  const place = `${f.sheet}!${f.cell}`;
  const severity = t.severity[f.severity];
  const check = checkName(f.code, locale);
  // The catalogue's English template where the pane is English (an older result may have none).
  const message = locale === 'en' && f.messageEn ? f.messageEn : f.message;
  const hasValues = f.expected !== null || f.actual !== null;
  const detailId = useId('finding-detail');
  const toggle = (s: ReviewState) => onState(f, state === s ? undefined : s);
  return (
    <li className={mergeClasses(styles.item, styles[f.severity], active && styles.active, state && styles.settled)} data-testid="finding-row" data-state={state ?? 'pending'}>
      <button
        type="button"
        data-testid="finding-item"
        data-sheet={f.sheet}
        data-cell={f.cell}
        data-code={f.code}
        data-severity={f.severity}
        aria-label={`${severity} ${check} ${place}${t.colon}${message}`}
        aria-describedby={detailId}
        aria-current={active ? 'true' : undefined}
        title={t.selectCellHint}
        className={mergeClasses(styles.button, styles.focus)}
        onClick={() => onActivate(f)}
      >
        <span className={styles.head}>
          <SeverityIcon severity={f.severity} />
          <span className={styles.severity}>{severity}</span>
          <span className={styles.check}>{check}</span>
          <span className={styles.cell}>{place}</span>
        </span>
        <Text className={styles.message}>{message}</Text>
        <span className={styles.detail} id={detailId}>
          {f.rule ? (
            <span className={styles.rule} title={f.rule}>
              <span className={styles.label}>
                {t.rule}
                {t.colon}
              </span>
              {f.rule}
            </span>
          ) : null}
          {hasValues ? (
            <span className={styles.values}>
              <span>
                <span className={styles.label}>
                  {t.expected}
                  {t.colon}
                </span>
                <span className={styles.value} data-testid="expected">
                  {formatFindingValue(f.expected, f, numFmt)}
                </span>
              </span>
              <span>
                <span className={styles.label}>
                  {t.actual}
                  {t.colon}
                </span>
                <span className={styles.value} data-testid="actual">
                  {formatFindingValue(f.actual, f, numFmt)}
                </span>
              </span>
            </span>
          ) : null}
        </span>
      </button>
      <div className={styles.states} role="group" aria-label={`${t.reviewStates} ${place}`}>
        <ToggleButton size="small" appearance="subtle" icon={<CheckmarkCircle20Regular />} checked={state === 'reviewed'} onClick={() => toggle('reviewed')} data-testid="mark-reviewed">
          {t.reviewed}
        </ToggleButton>
        <ToggleButton size="small" appearance="subtle" icon={<EyeOff20Regular />} checked={state === 'ignored'} onClick={() => toggle('ignored')} data-testid="mark-ignored">
          {t.ignore}
        </ToggleButton>
      </div>
      {active && children ? <div className={styles.preview}>{children}</div> : null}
    </li>
  );
}
