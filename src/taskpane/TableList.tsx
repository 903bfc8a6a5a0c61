/**
 * The detected tables: kind (in the pane's language), sheet and A1 range, with the number of
 * findings. Each is a button: in Excel it selects the table's range, in the browser it previews it.
 */
import { Badge, createFocusOutlineStyle, makeStyles, mergeClasses, Select, Text, tokens } from '@fluentui/react-components';
import { TableSimple20Regular } from '@fluentui/react-icons';
import type { DetectedTable } from '../core/layout/types';
import type { TableCoverage } from '../core/audit/coverage';
import { ROLE_ZH } from '../core/layout/content';
import { PICKABLE_ROLES, type OverrideRole } from '../core/layout/overrides';
import { columnLetters, rangeA1 } from '../core/sheet/address';
import { tableKey } from './group';
import type { Strings } from './i18n';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  item: { listStyleType: 'none' },
  button: {
    position: 'relative',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  focus: createFocusOutlineStyle({ style: { outlineOffset: '2px' } }),
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  icon: { color: tokens.colorBrandForeground1, flexShrink: 0 },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  kind: { fontWeight: tokens.fontWeightSemibold },
  place: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  range: { fontFamily: tokens.fontFamilyMonospace },
  limit: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  picker: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, fontSize: tokens.fontSizeBase200 },
});

/** The lines under a table card: checks that did not run, rules not understood, unsure columns, figures read otherwise. */
export function coverageNotes(c: TableCoverage, t: Strings): string[] {
  const out: string[] = [];
  const notRun = c.checks.filter((k) => !k.ran);
  if (notRun.length) out.push(t.notChecked(notRun.map((k) => `${k.name}（${k.note}）`).join('；')));
  if (c.rules?.notUnderstood) out.push(t.rulesNotRead(c.rules.notUnderstood));
  for (const i of c.unsure) out.push(t.unsureColumn(columnLetters(i.col), i.header, Math.round(i.confidence * 100)));
  for (const r of c.readAs ?? []) out.push(r);
  return out;
}

export interface TableListProps {
  tables: DetectedTable[];
  /** What could not be checked, per table (the audit's coverage). */
  coverage?: TableCoverage[];
  /** Findings per table key. */
  counts: Map<string, number>;
  t: Strings;
  /** The previewed table (browser); undefined where tables are not toggled (Excel selects the range). */
  selectedKey?: string;
  onSelect: (table: DetectedTable) => void;
  /** Set (or with undefined, clear) the role of a column of a table; absent where roles cannot be kept. */
  onSetRole?: (sheet: string, col: number, role: OverrideRole | undefined) => void;
}

export function TableList({ tables, coverage, counts, t, selectedKey, onSelect, onSetRole }: TableListProps): JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={t.tables} data-testid="table-list">
      {tables.map((table) => {
        const key = tableKey(table);
        const kind = t.kind[table.kind];
        const range = rangeA1(table.range);
        const n = counts.get(key) ?? 0;
        const selected = key === selectedKey;
        const cov = coverage?.find((c) => c.sheet === table.sheet && c.table === range);
        const limits = cov ? coverageNotes(cov, t) : [];
        return (
          <li key={key} className={styles.item}>
            <button
              type="button"
              data-testid="table-item"
              data-kind={table.kind}
              data-sheet={table.sheet}
              data-range={range}
              aria-pressed={selectedKey === undefined ? undefined : selected}
              aria-label={`${kind} ${table.sheet}!${range}${table.title ? ` ${table.title}` : ''}, ${t.findings} ${n}`}
              className={mergeClasses(styles.button, styles.focus, selected && styles.selected)}
              onClick={() => onSelect(table)}
            >
              <TableSimple20Regular aria-hidden className={styles.icon} />
              <span className={styles.text}>
                <Text className={styles.kind}>{kind}</Text>
                <span className={styles.place}>
                  {table.sheet} · <span className={styles.range}>{range}</span>
                  {table.title ? ` · ${table.title}` : ''}
                </span>
                {table.continues ? (
                  <span className={styles.limit} data-testid="table-continues">
                    {t.continues(table.continues.sheet, table.continues.headerRow)}
                  </span>
                ) : null}
                {limits.map((line) => (
                  <span key={line} className={styles.limit} data-testid="table-coverage">
                    {line}
                  </span>
                ))}
              </span>
              {n > 0 ? (
                <Badge appearance="tint" color="important" size="small" aria-hidden>
                  {n}
                </Badge>
              ) : null}
            </button>
            {onSetRole
              ? (table.inference ?? [])
                  .filter((i) => i.source === 'user' || cov?.unsure.some((u) => u.col === i.col))
                  .map((i) => (
                    <label key={i.col} className={styles.picker}>
                      <span>{t.columnRole(columnLetters(i.col), i.header)}</span>
                      <Select
                        size="small"
                        data-testid="column-role"
                        value={i.source === 'user' ? i.role : ''}
                        onChange={(_e, d) => onSetRole(table.sheet, i.col, d.value === '' ? undefined : (d.value as OverrideRole))}
                      >
                        <option value="">{t.roleAuto(ROLE_ZH[i.role] ?? i.role)}</option>
                        {PICKABLE_ROLES.map((r) => (
                          <option key={r} value={r}>
                            {r === 'ignore' ? t.roleIgnore : ROLE_ZH[r] ?? r}
                          </option>
                        ))}
                      </Select>
                    </label>
                  ))
              : null}
          </li>
        );
      })}
    </ul>
  );
}
