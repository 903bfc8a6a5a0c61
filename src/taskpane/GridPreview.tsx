/**
 * Browser mode: the cells of one detected table around the selected finding, values in the
 * cells' own number formats, the cells that carry a finding tinted by severity and the selected
 * finding's cell outlined. It scrolls inside itself to that cell, never the page. Compact: the
 * header row and the rows next to the cell, for the list at narrow widths.
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
import { a1, columnLetters, parseRangeA1, rangeA1 } from '../core/sheet/address';
import { isCellError, type CellValue, type SheetModel } from '../core/sheet/model';
import { formatCellNumber } from './format';
import type { Strings } from './i18n';
import { SEVERITY_COLORS } from './severity';

export const PREVIEW_ROWS = 40;
/** Rows on each side of the cell in the compact preview. */
const COMPACT_RADIUS = 2;
const COLUMN_WIDTH = 96;
const ROW_HEADER_WIDTH = 44;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  caption: { display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
  scroller: {
    overflow: 'auto',
    maxHeight: '70vh',
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

function display(v: CellValue, numFmt: string | undefined): string {
  if (v === null) return '';
  if (typeof v === 'number') return formatCellNumber(v, numFmt);
  if (isCellError(v)) return v.error;
  return String(v);
}

/** The scroll position that shows [start, start + size) in a view of `view` pixels whose first `covered` pixels are under a sticky header. */
function nearest(scroll: number, view: number, start: number, size: number, covered: number): number {
  if (start - covered < scroll) return Math.max(0, start - covered);
  if (start + size > scroll + view) return start + size - view;
  return scroll;
}

/** Row numbers shown: a window of the table that holds the active row (compact: header and neighbours). */
export function previewRows(table: Pick<DetectedTable, 'range' | 'headerRow'>, activeRow: number | undefined, compact: boolean): number[] {
  const { top, bottom } = table.range;
  if (compact && activeRow !== undefined) {
    const from = Math.max(top, activeRow - COMPACT_RADIUS);
    const to = Math.min(bottom, activeRow + COMPACT_RADIUS);
    const near = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    return near.includes(table.headerRow) ? near : [table.headerRow, ...near];
  }
  const size = Math.min(PREVIEW_ROWS, bottom - top + 1);
  const start = activeRow === undefined ? top : Math.max(top, Math.min(activeRow - 5, bottom - size + 1));
  return Array.from({ length: size }, (_, i) => start + i);
}

export interface GridPreviewProps {
  sheet: SheetModel;
  table: DetectedTable;
  findings: readonly Finding[];
  activeCell?: string;
  /** Only the header row and the rows next to the active cell. */
  compact?: boolean;
  t: Strings;
}

export function GridPreview({ sheet, table, findings, activeCell, compact = false, t }: GridPreviewProps): JSX.Element {
  const styles = useStyles();
  const activeRef = useRef<HTMLTableCellElement | null>(null);
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const { left, right, top, bottom } = table.range;
  const activeRow = useMemo(() => {
    if (!activeCell) return undefined;
    const r = parseRangeA1(activeCell).top;
    return r >= top && r <= bottom ? r : undefined;
  }, [activeCell, top, bottom]);
  const rows = useMemo(() => previewRows(table, activeRow, compact), [table, activeRow, compact]);
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

  // Bring the cell into view inside the grid, not the page (scrollIntoView would move every
  // scrolling ancestor), and only as far as needed, keeping clear of the sticky headers.
  useEffect(() => {
    const scroller = scrollerRef.current;
    const cell = activeRef.current;
    if (!scroller || !cell) return;
    const headerHeight = scroller.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    scroller.scrollTop = nearest(scroller.scrollTop, scroller.clientHeight, cell.offsetTop, cell.offsetHeight, headerHeight);
    scroller.scrollLeft = nearest(scroller.scrollLeft, scroller.clientWidth, cell.offsetLeft, cell.offsetWidth, ROW_HEADER_WIDTH);
  }, [activeCell, table, rows]);

  const kind = t.kind[table.kind];
  const range = rangeA1(table.range);
  return (
    <section className={styles.root} aria-label={t.preview} data-testid="grid-preview">
      <div className={styles.caption}>
        <Text weight="semibold">{t.previewOf(kind, table.sheet, range)}</Text>
        {compact ? null : <Text size={200}>{t.previewRows(rows.length, bottom - top + 1)}</Text>}
      </div>
      <div className={styles.scroller} ref={scrollerRef} tabIndex={0} role="region" aria-label={`${t.preview} ${table.sheet}!${range}`}>
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
                  const text = display(v, sheet.cell(r, c)?.numFmt);
                  const flag = flags.get(address);
                  const active = activeCell === address;
                  return (
                    <TableCell
                      key={c}
                      ref={active ? activeRef : undefined}
                      data-cell={address}
                      data-flag={flag?.severity}
                      data-active={active ? true : undefined}
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
      {compact ? null : <Text size={200}>{t.previewHint}</Text>}
    </section>
  );
}
