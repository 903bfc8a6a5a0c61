/**
 * Review tables: 绩效目标评审表 and 事前绩效评估审核表. What is reviewed (审核内容), what the reviewer
 * checks (审核要点), the opinion (审核意见: 优□良□中□差□, or one column per grade), and weights
 * (权重/分值) and scores (得分, 得分小计) where the table gives them.
 */
import { numberAt } from '../../values/cell';
import { buildHierarchy } from '../hierarchy';
import { ColumnMap } from '../types';
import { headerRole } from '../vocabulary';
import { Assembler, HeaderFacts, levelColumns } from './shared';

const squeeze = (label: string): string => label.replace(/\s+/g, '');

const CONTENT = /^(审核|评审|审查)(内容|项目|事项)/;
const POINTS = /^(审核|评审|审查)(要点|标准|重点)/;
const OPINION = /^(审核|评审|审查)(意见|结论|结果)/;
/** Opinion grades, best first: 优 良 中 差 (also as 优秀 良好 一般 较差). */
const GRADE_WORD = /^(优|优秀|良|良好|中|中等|一般|合格|差|较差|不合格)$/;
const GRADES_IN_TEXT = /优[□☐口]?\s*良[□☐口]?\s*中[□☐口]?\s*差/;

function labelled(labels: ReadonlyMap<number, string>, re: RegExp): number[] {
  return [...labels].filter(([, l]) => re.test(squeeze(l))).map(([c]) => c).sort((a, b) => a - b);
}

/** 审核要点 with 审核内容 or 审核意见 beside it. */
export function isReview(f: HeaderFacts): boolean {
  return labelled(f.labels, POINTS).length > 0 && (labelled(f.labels, CONTENT).length > 0 || labelled(f.labels, OPINION).length > 0);
}

export const assembleReview: Assembler<'review'> = ({ sheet, header, body, base }) => {
  const labels = header.labels;
  const columns: ColumnMap = { ...base.columns };
  // The words of a review are its own: the header's other readings of these columns give way.
  for (const role of ['criteria', 'reason', 'name', 'explanation'] as const) delete columns[role];
  const points = labelled(labels, POINTS);
  const opinion = labelled(labels, OPINION);
  const weights = [...labels].filter(([, l]) => headerRole(squeeze(l).replace(/^(审核|评审)(内容|要点)/, '')) === 'weight').map(([c]) => c).sort((a, b) => a - b);
  const criteria = points.find((c) => !weights.includes(c)) ?? points[0];
  columns.criteria = criteria;
  if (opinion.length) columns.reason = opinion[0];
  // The item's own points follow its 审核要点; a 权重 under 审核内容 is its group's.
  const itemWeight = weights.find((c) => c > criteria) ?? weights[weights.length - 1];
  if (itemWeight !== undefined) columns.weight = itemWeight;
  else delete columns.weight;
  const content = labelled(labels, CONTENT).filter((c) => !weights.includes(c));
  if (levelColumns(columns).length === 0 && content.length > 0) {
    if (content.length === 1) columns.name = content[0];
    else content.forEach((c, i) => (columns[(['level1', 'level2', 'level3'] as const)[Math.min(i, 2)]] = c));
  }
  const gradeCols = [...labels].filter(([, l]) => GRADE_WORD.test(squeeze(l))).map(([c]) => c);
  let grades = gradeCols.map((c) => squeeze(labels.get(c)!));
  const opinions = columns.reason !== undefined ? body.dataRows.map((r) => squeeze(sheet.text(r, columns.reason!))).filter((t) => t !== '') : [];
  // 优□良□中□差□ to tick, or one grade word written per row.
  if (grades.length === 0 && opinions.length > 0 && (opinions.some((t) => GRADES_IN_TEXT.test(t)) || opinions.every((t) => GRADE_WORD.test(t)))) grades = ['优', '良', '中', '差'];
  const inference = (base.inference ?? []).filter((i) => Object.values(columns).includes(i.col) || i.role === 'serial');
  for (const [role, col] of Object.entries(columns)) {
    if (col !== undefined && !inference.some((i) => i.col === col)) inference.push({ col, role: role as keyof ColumnMap, source: 'header', confidence: 1, header: labels.get(col) ?? '' });
  }
  inference.sort((a, b) => a.col - b.col);
  const levels = levelColumns(columns);
  const nameCols = levels.length > 0 ? levels : columns.name !== undefined ? [columns.name] : [];
  const hierarchy = buildHierarchy(sheet, body.dataRows, { levels: nameCols, weight: columns.weight, score: columns.score, criteria });
  // Rows without a figure still are review items when they carry a 审核要点.
  const indicators = hierarchy.indicators.length > 0 ? hierarchy.indicators : body.dataRows.filter((r) => sheet.text(r, criteria).trim() !== '' && numberAt(sheet, r, criteria) === undefined).map((row) => ({ row, path: nameCols.map((c) => sheet.text(row, c).replace(/\s+/g, ' ').trim()).filter((t) => t !== '') }));
  return { ...base, kind: 'review', columns, inference, grades, ...hierarchy, indicators };
};
