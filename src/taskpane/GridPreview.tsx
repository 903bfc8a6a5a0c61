/**
 * Browser mode: the cells of one detected table (its first rows), with the cells that carry a
 * finding tinted by severity and the selected finding's cell outlined.
 */
import { useEffect, useMemo, useRef } from 'react';
import {
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Finding, Severity } from '../core/audit/types';
import type { DetectedTable } from '../core/layout/types';
import { a1, columnLetters, rangeA1 } from '../core/sheet/address';
import { isCellError, type CellValue, type SheetModel } from '../core/sheet/model';
import type { Strings } from './i18n';
import { SEVERITY_COLORS } from './severity';

export const PREVIEW_ROWS = 40;
const COLUMN_WIDTH = 96;
const ROW_HEADER_WIDTH = 44;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  caption: { display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
  scroller: {
    overflow: 'auto',
    maxHeight: '60vh',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { tableLayout: 'fixed', borderCollapse: 'collapse' },
  // Column letters stay on top and row numbers on the left while the grid scrolls.
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    justifyContent: 'center',
  },
  corner: { left: 0, zIndex: 2 },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  cell: {
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    fontSize: tokens.fontSizeBase200,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  merged: { color: tokens.colorNeutralForeground4 },
  error: { backgroundColor: SEVERITY_COLORS.error.bg, color: SEVERITY_COLORS.error.fg, fontWeight: tokens.fontWeightSemibold },
  warning: { backgroundColor: SEVERITY_COLORS.warning.bg, color: SEVERITY_COLORS.warning.fg, fontWeight: tokens.fontWeightSemibold },
  info: { backgroundColor: SEVERITY_COLORS.info.bg, color: SEVERITY_COLORS.info.fg },
  active: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
});

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function display(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(Math.round(v * 10000) / 10000);
  if (isCellError(v)) return v.error;
  return String(v);
}

export interface GridPreviewProps {
  sheet: SheetModel;
  table: DetectedTable;
  findings: Finding[];
  activeCell?: string;
  t: Strings;
}

export function GridPreview({ sheet, table, findings, activeCell, t }: GridPreviewProps): JSX.Element {
  const styles = useStyles();
  const activeRef = useRef<HTMLTableCellElement | null>(null);
  const { top, left, right, bottom } = table.range;
  const last = Math.min(bottom, top + PREVIEW_ROWS - 1);
  const rows = useMemo(() => Array.from({ length: last - top + 1 }, (_, i) => top + i), [top, last]);
  const cols = useMemo(() => Array.from({ length: right - left + 1 }, (_, i) => left + i), [left, right]);

  // The findings of this sheet on each cell: worst severity and the messages (as a tooltip).
  const flags = useMemo(() => {
    const map = new Map<string, { severity: Severity; messages: string[] }>();
    for (const f of findings) {
      if (f.sheet !== sheet.name) continue;
      const prev = map.get(f.cell);
      if (!prev) map.set(f.cell, { severity: f.severity, messages: [f.message] });
      else {
        prev.messages.push(f.message);
        if (RANK[f.severity] < RANK[prev.severity]) prev.severity = f.severity;
      }
    }
    return map;
  }, [findings, sheet.name]);

  useEffect(() => {
    activeRef.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [activeCell, table]);

  const kind = t.kind[table.kind];
  const range = rangeA1(table.range);
  return (
    <section className={styles.root} aria-label={t.preview} data-testid="grid-preview">
      <div className={styles.caption}>
        <Text weight="semibold">{t.previewOf(kind, table.sheet, range)}</Text>
        <Text size={200}>{t.previewRows(rows.length, bottom - top + 1)}</Text>
      </div>
      <div className={styles.scroller} tabIndex={0} role="region" aria-label={`${t.preview} ${table.sheet}!${range}`}>
        <Table
          size="extra-small"
          className={styles.table}
          style={{ width: ROW_HEADER_WIDTH + cols.length * COLUMN_WIDTH }}
          aria-label={t.previewOf(kind, table.sheet, range)}
        >
          <colgroup>
            <col style={{ width: ROW_HEADER_WIDTH }} />
            {cols.map((c) => (
              <col key={c} style={{ width: COLUMN_WIDTH }} />
            ))}
          </colgroup>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={mergeClasses(styles.head, styles.corner)} aria-label="#" />
              {cols.map((c) => (
                <TableHeaderCell key={c} className={styles.head}>
                  {columnLetters(c)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r}>
                <TableCell className={mergeClasses(styles.cell, styles.rowHead)}>{r}</TableCell>
                {cols.map((c) => {
                  const address = a1(r, c);
                  const master = sheet.masterOf(r, c);
                  const inside = master.row !== r || master.col !== c;
                  const v = inside ? null : sheet.value(r, c);
                  const text = display(v);
                  const flag = flags.get(address);
                  const active = activeCell === address;
                  return (
                    <TableCell
                      key={c}
                      ref={active ? activeRef : undefined}
                      data-cell={address}
                      data-flag={flag?.severity}
                      title={flag ? `${address} ${text}\n${flag.messages.join('\n')}` : text ? `${address} ${text}` : undefined}
                      className={mergeClasses(
                        styles.cell,
                        typeof v === 'number' && styles.number,
                        inside && styles.merged,
                        flag && styles[flag.severity],
                        active && styles.active,
                      )}
                    >
                      {text}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Text size={200}>{t.previewHint}</Text>
    </section>
  );
}
