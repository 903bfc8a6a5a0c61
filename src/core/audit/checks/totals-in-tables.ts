import { a1, parseA1 } from '../../sheet/address';
import { DetectedTable, GroupNode, IndicatorRow, transposedOf } from '../../layout/types';
import { SheetModel } from '../../sheet/model';
import { Figure, figureAt } from '../cells';
import { AuditContext, FlaggedScore, RowCheck, TableCheck } from '../context';
import { findingIn } from '../finding';
import { rounded } from '../format';
import { explainedByFlagged } from '../root-cause';
import { ABOVE_WEIGHT_SLACK, close, SCORE_TOLERANCE } from '../tolerance';
import { leavesAcrossBreak, partsBefore } from '../parts';
import { Finding } from '../types';
import { leavesIn, sectionWeight, sumOf } from './sections';
import { budgetBlockOf, totalOfWholeFormElsewhere } from '../whole-form';

type Field = 'weight' | 'score';
const FIELD_ZH: Record<Field, string> = { weight: '权重/分值', score: '得分' };
/** Tables whose rows carry a weight and a score: their totals and bounds are checked alike (an expert table's score is the experts' average). */
const KINDS_WITH_TOTALS: ReadonlyArray<DetectedTable['kind']> = ['scoring', 'selfeval-indicators', 'summary', 'review', 'expert'];

/** Weight and score carried by a self-evaluation budget block on the same sheet (it counts toward 总分). */
function budgetBlockFor(ctx: AuditContext, table: DetectedTable): IndicatorRow | undefined {
  return budgetBlockOf(ctx.tables, table)?.indicators.find((i) => i.weight !== undefined);
}

/** The figure of each top-level section (its own row, or the weight written in its name), when every section has one. */
function sectionFigures(table: DetectedTable, field: Field, budget: IndicatorRow | undefined): Array<{ name: string; value: number }> | undefined {
  const roots = table.groups;
  if (roots.length < 2) return undefined;
  const out: Array<{ name: string; value: number }> = [];
  for (const g of roots) {
    const v = field === 'weight' ? sectionWeight(g) : g.score;
    if (v === undefined) return undefined;
    out.push({ name: g.name, value: v });
  }
  const extra = budget?.[field];
  if (budget && extra !== undefined) out.push({ name: '预算执行', value: extra });
  return out;
}

/**
 * A total that is not the sum of its rows: an error, unless rows already flagged explain the whole
 * difference (then a consequence warning naming them), or unless the total is the sum of its
 * sections' own figures (then the section that disagrees with its rows is the one error).
 */
function totalFinding(ctx: AuditContext, table: DetectedTable, at: { row: number; col: number; label: string }, field: Field, fig: Figure, children: IndicatorRow[], sections?: Array<{ name: string; value: number }>): Finding | undefined {
  const { sum, count } = sumOf(children, field);
  if (count === 0) return undefined;
  const tol = Math.max(SCORE_TOLERANCE, fig.tol);
  if (close(fig.value, sum, tol)) return undefined;
  const place = { row: at.row, col: at.col };
  if (field === 'score') {
    const why = explainedByFlagged(children, ctx.flagged, fig.value, sum, tol);
    if (why) {
      return findingIn(table, {
        ...place,
        code: 'total.consequence',
        params: { label: at.label, field, sum, value: fig.value, rows: why.rows, corrected: why.corrected, asWritten: close(why.corrected, fig.value, tol) },
        expected: rounded(why.corrected),
        actual: fig.value,
        rule: `${at.label} = Σ 各指标${FIELD_ZH[field]}（按更正后的得分）`,
        also: why.rows.map((r) => cellOf(r.cell)),
      });
    }
  }
  if (sections) {
    const sectionSum = sections.reduce((a, s) => a + s.value, 0);
    // The total follows its sections: the section that disagrees with its rows is reported there.
    if (close(fig.value, sectionSum, tol)) return undefined;
    if (!close(sectionSum, sum, tol)) {
      return findingIn(table, {
        ...place,
        code: 'total.sections-mismatch',
        params: { label: at.label, field, sections, sum: sectionSum, leaves: sum, value: fig.value },
        expected: rounded(sectionSum),
        actual: fig.value,
        rule: `${at.label} = Σ 一级指标${FIELD_ZH[field]} = Σ 各指标${FIELD_ZH[field]}`,
      });
    }
    if (field === 'weight') {
      return findingIn(table, {
        ...place,
        code: 'section.weights-vs-total',
        params: { sections: sections.map((s) => ({ name: s.name, weight: s.value })), sum: sectionSum, total: fig.value, totalLabel: at.label },
        expected: rounded(sectionSum),
        actual: fig.value,
        rule: `${at.label} = Σ 一级指标分值`,
      });
    }
  }
  return findingIn(table, {
    ...place,
    code: 'total.sum-mismatch',
    params: { label: at.label, field, count, sum, value: fig.value },
    expected: rounded(sum),
    actual: fig.value,
    rule: `${at.label} = Σ 各指标${FIELD_ZH[field]}`,
  });
}

function cellOf(ref: string): [number, number] {
  const { row, col } = parseA1(ref);
  return [row, col];
}

/**
 * 小计/合计/总分 rows against the rows they close: a 小计 sums the leaves since the previous
 * total; a closing total sums every leaf of the table (and the budget block of a self-evaluation
 * form), and, where the sections have figures of their own, the sections.
 */
const totalRows: TableCheck = (ctx, table) => {
  if (!KINDS_WITH_TOTALS.includes(table.kind) || transposedOf(table)) return [];
  const sheet = ctx.sheetOf(table);
  const out: Finding[] = [];
  const extra = budgetBlockFor(ctx, table);
  // Indicators and totals are both in row order: walk them together (tables can have thousands of 小计).
  let next = 0;
  for (const total of table.totals) {
    const start = next;
    while (next < table.indicators.length && table.indicators[next].row < total.row) next++;
    const closing = total.scope === 'total';
    // A closing total of a table continued over sheets (续表) closes the rows of every part.
    const scope = closing ? [...partsBefore(ctx, table).flatMap((p) => p.indicators), ...table.indicators] : table.indicators.slice(start, next);
    const children = closing && extra ? [extra, ...scope] : scope;
    // The whole form's total, its 预算执行 block elsewhere: not checkable here (the coverage says so).
    if (closing && totalOfWholeFormElsewhere(sheet, ctx.tables, table, total.row)) continue;
    for (const field of ['weight', 'score'] as Field[]) {
      const col = table.columns[field];
      const fig = figureAt(sheet, total.row, col);
      if (!fig || col === undefined) continue;
      const sections = closing && table.kind !== 'summary' ? sectionFigures(table, field, extra) : undefined;
      const f = totalFinding(ctx, table, { row: total.row, col, label: total.label }, field, fig, children, sections);
      if (f) out.push(f);
    }
  }
  // A closing 合计/总分 of a whole scoring table is 100 unless the table says otherwise.
  const closing = table.totals.find((t) => t.scope === 'total');
  const weightCol = table.columns.weight;
  // Review and expert forms are often printed in parts: only scoring tables and self-evaluation blocks are held to 100.
  if (closing && weightCol !== undefined && (table.kind === 'scoring' || table.kind === 'selfeval-indicators')) {
    const fig = figureAt(sheet, closing.row, weightCol);
    if (fig && /总分|合计/.test(closing.label) && !close(fig.value, 100) && !table.totals.some((t) => t.scope === 'subtotal')) {
      out.push(
        findingIn(table, {
          row: closing.row,
          col: weightCol,
          code: 'total.weight-not-100',
          params: { label: closing.label, value: fig.value },
          expected: 100,
          actual: fig.value,
          rule: '总分 = 100',
        }),
      );
    }
  }
  return out;
};

/** Group weights written into names ("A决策15分") and group rows against their children. */
const groupWeights: TableCheck = (ctx, table) => {
  if (table.groups.length === 0) return [];
  const sheet = ctx.sheetOf(table);
  const out: Finding[] = [];
  const visit = (g: GroupNode): void => {
    const leaves = leavesAcrossBreak(ctx, table, g, leavesIn(table, g));
    const weights = sumOf(leaves, 'weight');
    if (g.declaredWeight !== undefined && weights.count > 0 && !close(g.declaredWeight, weights.sum)) {
      out.push(
        findingIn(table, {
          row: g.row,
          col: g.col,
          code: 'group.declared-weight',
          params: { text: sheet.text(g.row, g.col).trim(), declared: g.declaredWeight, sum: weights.sum },
          expected: rounded(weights.sum),
          actual: g.declaredWeight,
          rule: `${g.name}的分值 = Σ 下级指标权重`,
        }),
      );
    }
    for (const field of ['weight', 'score'] as Field[]) {
      const own = g[field];
      const col = table.columns[field];
      const { sum, count } = sumOf(leaves, field);
      if (own === undefined || col === undefined || count === 0 || close(own, sum)) continue;
      const why = field === 'score' ? explainedByFlagged(leaves, ctx.flagged, own, sum, SCORE_TOLERANCE) : undefined;
      out.push(
        why
          ? findingIn(table, {
              row: g.firstRow,
              col,
              code: 'total.consequence',
              params: { label: `“${g.name}”`, field, sum, value: own, rows: why.rows, corrected: why.corrected, asWritten: close(why.corrected, own) },
              expected: rounded(why.corrected),
              actual: own,
              rule: `${g.name} = Σ 下级指标${FIELD_ZH[field]}（按更正后的得分）`,
              also: why.rows.map((r) => cellOf(r.cell)),
            })
          : findingIn(table, {
              row: g.firstRow,
              col,
              code: 'group.sum-mismatch',
              params: { name: g.name, field, value: own, sum },
              expected: rounded(sum),
              actual: own,
              rule: `${g.name} = Σ 下级指标${FIELD_ZH[field]}`,
            }),
      );
    }
    g.children.forEach(visit);
  };
  table.groups.forEach(visit);
  return out;
};

/** A score above its weight or below zero, whatever the rule; the weight (or 0) is its correction. */
export const scoreBounds: RowCheck = (_ctx, table) => {
  const findings: Finding[] = [];
  const flagged: Array<[IndicatorRow, FlaggedScore]> = [];
  if (!KINDS_WITH_TOTALS.includes(table.kind)) return { findings, flagged };
  const transposed = transposedOf(table);
  table.indicators.forEach((ind, index) => {
    if (ind.score === undefined || ind.weight === undefined) return;
    const name = ind.path[ind.path.length - 1] ?? '';
    const row = transposed ? transposed.rows.score! : ind.row;
    const col = transposed ? transposed.itemColumns[index] : (table.columns.score ?? table.range.left);
    if (ind.score > ind.weight + ABOVE_WEIGHT_SLACK) {
      findings.push(
        findingIn(table, { row, col, code: 'score.above-weight', params: { name, score: ind.score, weight: ind.weight }, expected: `≤ ${ind.weight}`, actual: ind.score, rule: '0 ≤ 得分 ≤ 分值' }),
      );
      flagged.push([ind, { cell: a1(row, col), name, score: ind.score, corrected: [ind.weight] }]);
    } else if (ind.score < 0) {
      findings.push(findingIn(table, { row, col, code: 'score.negative', params: { name, score: ind.score }, expected: '≥ 0', actual: ind.score, rule: '0 ≤ 得分 ≤ 分值' }));
      flagged.push([ind, { cell: a1(row, col), name, score: ind.score, corrected: [0] }]);
    }
  });
  return { findings, flagged };
};

/**
 * Section weights against the table's own note ("注：一级指标分值统一设置为：产出指标50分、效益指标30分…"):
 * a form whose sections carry other weights than its note sets.
 */
const sectionsAgainstNote: TableCheck = (ctx, table) => {
  if (table.groups.length < 2) return [];
  const sheet = ctx.sheetOf(table);
  const note = sectionNote(sheet, table);
  if (!note) return [];
  const out: Finding[] = [];
  for (const g of table.groups) {
    const stated = note.weights.find((w) => sameSection(w.name, g.name));
    const weight = sectionWeight(g) ?? sumOf(leavesIn(table, g), 'weight').sum;
    if (!stated || close(stated.points, weight)) continue;
    out.push(
      findingIn(table, {
        row: g.row,
        col: g.col,
        code: 'section.weight-vs-note',
        params: { name: g.name, weight, stated: stated.points, note: stated.text },
        expected: stated.points,
        actual: rounded(weight),
        rule: note.text.length > 60 ? `${note.text.slice(0, 60)}…` : note.text,
        also: [[note.row, note.col]],
      }),
    );
  }
  return out;
};

/** A section name of a note matches a section of the table: 满意度指标 ~ 服务对象满意度指标. */
function sameSection(a: string, b: string): boolean {
  // Linear scans: a numeral run is consumed whole (kept unless 、 or . follows), a parenthesis up to the next one.
  const strip = (s: string) =>
    s
      .replace(/\s+/g, '')
      .replace(/[一二三四五六七八九十]+[、.．]?|[（(][^（()）]*[）)]/g, (m) => (/^[（(]|[、.．]$/.test(m) ? '' : m))
      .replace(/指标$/, '');
  const x = strip(a);
  const y = strip(b);
  return x.length >= 2 && y.length >= 2 && (x.includes(y) || y.includes(x));
}

/** The note under (or at the foot of) a table that sets the section weights, read as name → points. */
function sectionNote(sheet: SheetModel, table: DetectedTable): { row: number; col: number; text: string; weights: Array<{ name: string; points: number; text: string }> } | undefined {
  for (let row = Math.max(table.range.top, table.range.bottom - 2); row <= Math.min(sheet.rowCount, table.range.bottom + 4); row++) {
    for (let col = table.range.left; col <= Math.min(table.range.right, table.range.left + 2); col++) {
      const text = sheet.text(row, col).replace(/\s+/g, '');
      if (!/^(注|说明)/.test(text) || !/一级指标/.test(text)) continue;
      const weights: Array<{ name: string; points: number; text: string }> = [];
      for (const part of text.split(/[、，,；;：:。]/)) {
        const m = /^([\u4e00-\u9fa5]{2,12}?)(\d+(?:\.\d+)?)分$/.exec(part);
        if (m) weights.push({ name: m[1], points: Number(m[2]), text: part });
      }
      if (weights.length >= 2) return { row, col, text, weights };
    }
  }
  return undefined;
}

export const tableTotalChecks: TableCheck[] = [totalRows, groupWeights, sectionsAgainstNote];
