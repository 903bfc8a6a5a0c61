/**
 * Roles of columns read from their cells, where the header word is unknown, missing or names two
 * roles (评分依据, 指标说明, 指标值, 分数): long texts the rule reader understands are criteria, numbers
 * that never exceed the row's weight are scores, 扣N分 / 得N分 prose is the reason, 1, 2, 3 … or
 * 一、二、 are a serial column. Each inference says how many cells fit (its confidence) and why.
 */
import { parseRule } from '../rules/parse';
import { SheetModel } from '../sheet/model';
import { numberAt } from '../values/cell';
import { ColumnInference, ColumnMap, ColumnRole } from './types';
import { HeaderRole, looksLikeNote, totalScope } from './vocabulary';

/** Rows below the header read to decide a column: enough for a table's character, bounded for big sheets. */
const SAMPLE_ROWS = 60;
/** Cells a column needs before its content says anything. */
const MIN_CELLS = 2;
/** Share of a column's cells that must fit a role. */
const FIT = 0.6;
/** Share of the long texts the rule reader must understand for a column to be criteria. */
const RULES_UNDERSTOOD = 0.5;
/** A criteria or reason cell is a sentence, not a word. */
const MIN_SENTENCE = 8;
/** Rounding of published weights and scores. */
const TOLERANCE = 0.01;

/** Role names for the sentences of an inference. */
export const ROLE_ZH: Record<string, string> = {
  level1: '一级指标', level2: '二级指标', level3: '三级指标', level4: '四级指标', name: '指标名称', weight: '分值', explanation: '指标解释',
  criteria: '评分标准', score: '得分', reason: '评分理由', rate: '比率', grade: '等级', target: '目标值', actual: '实际值', done: '是否完成',
  total: '合计', initialBudget: '年初预算', budget: '预算数', executed: '执行数', deviation: '偏差原因', label: '标签', serial: '序号',
};

export interface UndecidedColumn {
  col: number;
  label: string;
  alternatives?: readonly [HeaderRole, HeaderRole];
}

interface Sample {
  row: number;
  text: string;
  num: number | undefined;
}

const SERIAL = /^(\d{1,3}|[一二三四五六七八九十]{1,3}[、.]?|\(\d{1,3}\)|[A-Za-z]\d{0,3}|[A-Za-z]?\d{1,2}\.\d{1,2}|[A-Za-z]?\d{1,2}\.\d{1,2}\.\d{1,2}|[①-⑳])$/;
const REASON_PROSE = /扣\s*\d+(\.\d+)?\s*分|得\s*\d+(\.\d+)?\s*分|扣分|不扣分|得满分|不得分|酌情|扣除/;

function sampleRows(sheet: SheetModel, from: number, left: number, right: number): number[] {
  const rows: number[] = [];
  let blanks = 0;
  for (let r = from; r <= sheet.rowCount && rows.length < SAMPLE_ROWS; r++) {
    let any = false;
    let first = '';
    for (let c = left; c <= right && !any; c++) {
      if (!sheet.isEmpty(r, c)) {
        any = true;
        first = sheet.norm(r, c);
      }
    }
    if (!any) {
      if (++blanks >= 2) break;
      continue;
    }
    blanks = 0;
    if (looksLikeNote(first) || totalScope(first)) continue;
    rows.push(r);
  }
  return rows;
}

function cellsOf(sheet: SheetModel, rows: number[], col: number): Sample[] {
  const out: Sample[] = [];
  for (const r of rows) {
    // A cell merged down counts once (a group name over its rows is one name).
    if (sheet.masterRow(r, col) !== r) continue;
    const text = sheet.text(r, col).trim();
    if (text === '') continue;
    out.push({ row: r, text, num: numberAt(sheet, r, col) });
  }
  return out;
}

interface Fit {
  role: ColumnRole | 'serial';
  share: number;
  why: string;
}

function serialFit(cells: Sample[]): Fit | undefined {
  if (cells.length < 3) return undefined;
  const codes = cells.filter((c) => SERIAL.test(c.text.replace(/\s+/g, '')));
  const nums = cells.map((c) => c.num).filter((n): n is number => n !== undefined && Number.isInteger(n));
  let steps = 0;
  for (let i = 1; i < nums.length; i++) if (nums[i] === nums[i - 1] + 1) steps++;
  // Numbers count as a serial only when they run 1, 2, 3 (weights of 2, 2, 3 do not).
  const counting = nums.length < 2 || steps >= (nums.length - 1) * 0.7;
  const share = codes.length / cells.length;
  return share >= 0.8 && counting ? { role: 'serial', share, why: `${cells.length} 个单元格中 ${codes.length} 个为序号或编码` } : undefined;
}

function criteriaFit(cells: Sample[], weightAt: (row: number) => number): Fit | undefined {
  const sentences = cells.filter((c) => c.num === undefined && c.text.length >= MIN_SENTENCE);
  if (cells.length < MIN_CELLS || sentences.length / cells.length < FIT) return undefined;
  const read = sentences.filter((c) => parseRule(c.text, weightAt(c.row)).parsed).length;
  const share = read / sentences.length;
  return share >= RULES_UNDERSTOOD ? { role: 'criteria', share, why: `${sentences.length} 段文字中 ${read} 段可识别为评分标准` } : undefined;
}

function reasonFit(cells: Sample[]): Fit | undefined {
  const prose = cells.filter((c) => c.num === undefined && REASON_PROSE.test(c.text));
  if (cells.length < MIN_CELLS) return undefined;
  const share = prose.length / cells.length;
  return share >= 0.4 ? { role: 'reason', share, why: `${cells.length} 个单元格中 ${prose.length} 个写明扣分或得分情况` } : undefined;
}

function explanationFit(cells: Sample[]): Fit | undefined {
  const sentences = cells.filter((c) => c.num === undefined && c.text.length >= MIN_SENTENCE);
  if (cells.length < MIN_CELLS) return undefined;
  const share = sentences.length / cells.length;
  return share >= FIT ? { role: 'explanation', share, why: `${cells.length} 个单元格中 ${sentences.length} 个为说明文字，不是评分标准` } : undefined;
}

/** Numbers never above the row's weight: the scores. */
function scoreFit(cells: Sample[], weightAt: (row: number) => number | undefined): Fit | undefined {
  const nums = cells.filter((c) => c.num !== undefined);
  if (nums.length < MIN_CELLS || nums.length / cells.length < FIT) return undefined;
  const within = nums.filter((c) => {
    const w = weightAt(c.row);
    return w !== undefined && c.num! >= 0 && c.num! <= w + TOLERANCE;
  });
  const share = within.length / nums.length;
  return share >= 0.9 ? { role: 'score', share, why: `${nums.length} 个数值中 ${within.length} 个不超过同行分值` } : undefined;
}

/** Numbers never below the row's score: the weights. */
function weightFit(cells: Sample[], scoreAt: (row: number) => number | undefined): Fit | undefined {
  const nums = cells.filter((c) => c.num !== undefined);
  if (nums.length < MIN_CELLS || nums.length / cells.length < FIT) return undefined;
  const above = nums.filter((c) => {
    const s = scoreAt(c.row);
    return s !== undefined && c.num! > 0 && s <= c.num! + TOLERANCE;
  });
  const share = above.length / nums.length;
  return share >= 0.9 ? { role: 'weight', share, why: `${nums.length} 个数值中 ${above.length} 个不低于同行得分` } : undefined;
}

/**
 * Roles for the undecided columns of a header at rows from `firstBodyRow`. `known` are the roles the
 * header words gave (a score is only inferred beside a weight, a reason only where criteria exist
 * or to the right of the score).
 */
export function inferRoles(sheet: SheetModel, firstBodyRow: number, left: number, right: number, undecided: UndecidedColumn[], known: ColumnMap): ColumnInference[] {
  const rows = sampleRows(sheet, firstBodyRow, left, right);
  const columns: ColumnMap = { ...known };
  const out: ColumnInference[] = [];
  const weightAt = (row: number): number | undefined => (columns.weight !== undefined ? numberAt(sheet, row, columns.weight) : undefined);
  const scoreAt = (row: number): number | undefined => (columns.score !== undefined ? numberAt(sheet, row, columns.score) : undefined);
  const accept = (u: UndecidedColumn, f: Fit, source: ColumnInference['source'] = 'content'): void => {
    out.push({ col: u.col, role: f.role, source, confidence: Number(f.share.toFixed(2)), header: u.label, why: f.why });
    if (f.role !== 'serial' && columns[f.role] === undefined) columns[f.role] = u.col;
  };
  // Text columns first (criteria, reasons), then numbers (a score needs the weight, a weight the score).
  const ordered = [...undecided].sort((a, b) => a.col - b.col);
  for (const u of ordered) {
    const cells = cellsOf(sheet, rows, u.col);
    const alt = u.alternatives;
    const fits: Array<Fit | undefined> = [];
    const serial = serialFit(cells);
    if (serial && (!alt || u.label === '')) {
      accept(u, serial);
      continue;
    }
    const wants = (role: HeaderRole): boolean => !alt || alt.includes(role);
    if (wants('criteria') && columns.criteria === undefined) fits.push(criteriaFit(cells, (r) => weightAt(r) ?? 0));
    const rightOfScore = columns.score !== undefined && u.col > columns.score;
    if (wants('reason') && columns.reason === undefined && (columns.criteria !== undefined || rightOfScore || alt)) fits.push(reasonFit(cells));
    if (alt && alt.includes('explanation') && columns.explanation === undefined) fits.push(explanationFit(cells));
    const best = fits.filter((f): f is Fit => !!f).sort((a, b) => b.share - a.share)[0];
    if (best) {
      accept(u, best);
      continue;
    }
    if (alt) {
      // One reading is taken by another column: the other. Neither fits the cells well: the usual one, said with low confidence.
      const free = alt.filter((r): r is ColumnRole => r !== 'answer' && r !== 'blockLabel' && r !== 'serial' && columns[r as ColumnRole] === undefined);
      const role = free[0];
      if (role !== undefined) {
        const forced = free.length === 1;
        out.push({ col: u.col, role, source: 'header', confidence: forced ? 0.9 : 0.5, header: u.label, why: forced ? `表头“${u.label}”可指${ROLE_ZH[alt[0]]}或${ROLE_ZH[alt[1]]}，另一种已有别的列，按${ROLE_ZH[role]}处理` : `表头“${u.label}”可指${ROLE_ZH[alt[0]]}或${ROLE_ZH[alt[1]]}，按单元格内容无法确定，按${ROLE_ZH[role]}处理` });
        columns[role] = u.col;
      }
    }
  }
  // Numbers: a score beside a known weight, a weight beside a known score.
  for (const u of ordered) {
    if (out.some((o) => o.col === u.col)) continue;
    const alt = u.alternatives;
    if (alt && !alt.includes('score') && !alt.includes('weight')) continue;
    const cells = cellsOf(sheet, rows, u.col);
    const f = (columns.score === undefined && (!alt || alt.includes('score')) ? scoreFit(cells, weightAt) : undefined) ?? (columns.weight === undefined && (!alt || alt.includes('weight')) ? weightFit(cells, scoreAt) : undefined);
    if (f) accept(u, f);
  }
  return out;
}
