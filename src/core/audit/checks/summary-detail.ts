import { DetectedTable, GroupNode } from '../../layout/types';
import { rangeA1 } from '../../sheet/address';
import { AuditContext } from '../context';
import { findingIn } from '../finding';
import { rounded } from '../format';
import { explainedByFlagged } from '../root-cause';
import { close, SCORE_TOLERANCE } from '../tolerance';
import { Finding } from '../types';
import { leavesIn, sumOf } from './sections';
import { summaryItems } from './summary';

/** A section name without its numbering, code, points and the word 指标: "二、过程指标（20分）" → "过程". */
function sectionKey(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/^[（(]?[一二三四五六七八九十]+[)）、.．]?|^[（(]?\d+[)）、.．]|^[A-Za-z]\d*[、.．]?/, '')
    // No parenthesis inside the last one: each ( is scanned to the next parenthesis only (linear).
    .replace(/[（(][^（()）]*[)）]$/, '')
    .replace(/指标$/, '');
}

const DETAIL_KINDS = ['scoring', 'selfeval-indicators'];

/**
 * A summary's rows against the detail table they summarise in the same workbook: the 过程 row's
 * 分值 and 得分 against the sum of the 过程 indicators of the scoring table. A summary row is
 * compared only when exactly one detail table has that section, and that table shares at least two
 * sections with the summary (a 产出 row averaged over several sub-project tables is not a sum).
 */
export function summaryDetailChecks(ctx: AuditContext): Finding[] {
  const details = ctx.tables.filter((t) => DETAIL_KINDS.includes(t.kind) && t.groups.length > 0);
  if (details.length === 0) return [];
  const out: Finding[] = [];
  for (const summary of ctx.tables.filter((t) => t.kind === 'summary')) {
    const { rows } = summaryItems(ctx.sheetOf(summary), summary);
    const keyed = rows.map((item) => ({ item, key: sectionKey(item.label) })).filter((x) => x.key.length >= 2);
    const sectionsOf = (t: DetectedTable) => new Map(t.groups.map((g) => [sectionKey(g.name), g] as [string, GroupNode]));
    const bySection = details.map((t) => ({ table: t, sections: sectionsOf(t) }));
    for (const { item, key } of keyed) {
      const holders = bySection.filter((d) => d.sections.has(key));
      if (holders.length !== 1) continue;
      const { table, sections } = holders[0];
      if (keyed.filter((x) => sections.has(x.key)).length < 2) continue;
      const leaves = leavesIn(table, sections.get(key)!);
      for (const field of ['weight', 'score'] as const) {
        const cell = item[field];
        const { sum, count } = sumOf(leaves, field);
        if (!cell || count === 0 || close(cell.value, sum)) continue;
        const detail = `${table.sheet}!${rangeA1(table.range)}`;
        const explained = field === 'score' ? explainedByFlagged(leaves, ctx.flagged, cell.value, sum, SCORE_TOLERANCE) : undefined;
        // The flagged rows sit on the detail table's sheet: name it with them.
        const why = explained && { ...explained, rows: explained.rows.map((r) => ({ ...r, cell: table.sheet === summary.sheet ? r.cell : `${table.sheet}!${r.cell}` })) };
        out.push(
          why
            ? findingIn(summary, {
                row: cell.row,
                col: cell.col,
                code: 'total.consequence',
                params: { label: `汇总表“${item.label}”`, field, sum, value: cell.value, rows: why.rows, corrected: why.corrected, asWritten: close(why.corrected, cell.value) },
                expected: rounded(why.corrected),
                actual: cell.value,
                rule: `汇总表${item.label} = Σ 评分表（${detail}）${item.label}各指标得分（按更正后的得分）`,
              })
            : findingIn(summary, {
                row: cell.row,
                col: cell.col,
                code: 'summary.detail-mismatch',
                params: { label: item.label, field, value: cell.value, detail, sum, count },
                expected: rounded(sum),
                actual: cell.value,
                rule: `汇总表${item.label} = Σ 评分表（${detail}）${item.label}各指标${field === 'weight' ? '分值' : '得分'}`,
              }),
        );
      }
    }
  }
  return out;
}
