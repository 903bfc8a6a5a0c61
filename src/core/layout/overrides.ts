/**
 * The user's word on a column's role, where detection is unsure or wrong: "评分表!G=criteria,H=score"
 * on the command line, a choice on the pane's table card (kept in the workbook's settings). A role
 * given here wins over the header word and the cells; `ignore` takes a column out of the table.
 */
import { ROLE_ZH } from './content';
import { ColumnRole } from './types';

export type OverrideRole = ColumnRole | 'serial' | 'ignore';

export interface ColumnOverride {
  sheet: string;
  /** 1-based column. */
  col: number;
  role: OverrideRole;
}

const ROLES: readonly OverrideRole[] = [
  'level1', 'level2', 'level3', 'level4', 'name', 'weight', 'explanation', 'criteria', 'score', 'reason', 'rate', 'grade', 'target', 'actual', 'done', 'total',
  'initialBudget', 'budget', 'executed', 'deviation', 'label', 'serial', 'ignore',
];
const BY_CHINESE = new Map<string, OverrideRole>([...Object.entries(ROLE_ZH).map(([k, v]) => [v, k as OverrideRole] as [string, OverrideRole]), ['忽略', 'ignore'], ['权重', 'weight'], ['评分', 'score']]);

export function isOverrideRole(x: unknown): x is OverrideRole {
  return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}

/** The roles a user may pick, in the order a picker lists them. */
export const PICKABLE_ROLES: readonly OverrideRole[] = ['level1', 'level2', 'level3', 'name', 'weight', 'explanation', 'criteria', 'score', 'reason', 'rate', 'grade', 'target', 'actual', 'serial', 'ignore'];

/** The list with one column's role set (or cleared with `undefined`). */
export function withOverride(list: readonly ColumnOverride[], sheet: string, col: number, role: OverrideRole | undefined): ColumnOverride[] {
  const rest = list.filter((o) => !(o.sheet === sheet && o.col === col));
  return role === undefined ? rest : [...rest, { sheet, col, role }];
}

export class ColumnsSyntaxError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

const colOf = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * "评分表!G=criteria,H=score;汇总!B=weight": a sheet name before ! applies to the columns after it
 * until the next one; roles by id (criteria) or in Chinese (评分标准). Without a sheet, `defaultSheet`.
 */
export function parseColumnOverrides(spec: string, defaultSheet?: string): ColumnOverride[] {
  const out: ColumnOverride[] = [];
  let sheet = defaultSheet;
  for (const raw of spec.split(/[,;，；]/)) {
    const item = raw.trim();
    if (item === '') continue;
    const bang = item.lastIndexOf('!');
    const body = bang >= 0 ? item.slice(bang + 1) : item;
    if (bang >= 0) sheet = item.slice(0, bang).replace(/^'(.*)'$/, '$1');
    const m = /^([A-Za-z]{1,3})\s*[=:：]\s*(.+)$/.exec(body);
    if (!m) throw new ColumnsSyntaxError(`--columns 中“${item}”无法识别，应写作 工作表!列=用途，如 评分表!G=criteria`, `cannot read "${item}" in --columns; write SHEET!COLUMN=ROLE, e.g. 评分表!G=criteria`);
    const name = m[2].trim();
    const role = (ROLES as readonly string[]).includes(name) ? (name as OverrideRole) : BY_CHINESE.get(name);
    if (!role) throw new ColumnsSyntaxError(`--columns 中的用途“${name}”无法识别（可用：${ROLES.join(', ')} 或 评分标准、得分、分值 等）`, `unknown role "${name}" in --columns (one of: ${ROLES.join(', ')})`);
    if (sheet === undefined) throw new ColumnsSyntaxError(`--columns 中“${item}”未写明工作表，应写作 工作表!列=用途`, `no sheet for "${item}" in --columns; write SHEET!COLUMN=ROLE`);
    out.push({ sheet, col: colOf(m[1]), role });
  }
  return out;
}

/** The overrides of one sheet by column. */
export function overridesOf(all: readonly ColumnOverride[] | undefined, sheet: string): Map<number, OverrideRole> {
  const m = new Map<number, OverrideRole>();
  for (const o of all ?? []) if (o.sheet === sheet) m.set(o.col, o.role);
  return m;
}
