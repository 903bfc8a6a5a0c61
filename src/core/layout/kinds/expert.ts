/**
 * Expert-scoring tables (评价人员(专家)评分汇总表): one column per expert (专家1…专家N, 专家A, 评委1 …),
 * the row's weight (分值), and the experts' average (平均分, 评价得分=(专家1+…)/专家人数), which may
 * drop the highest and the lowest score first (去掉最高分和最低分后的平均).
 */
import { SheetModel } from '../../sheet/model';
import { numberAt } from '../../values/cell';
import { ExpertAveraging, ExpertColumn } from '../types';
import { headerRole, looksLikeNote } from '../vocabulary';
import { Assembler, HeaderFacts, simpleIndicators } from './shared';

/** Normalised the way header words are: no spaces, half-width brackets. */
function squeeze(label: string): string {
  return label
    .replace(/\s+/g, '')
    .replace(/[（）]/g, (c) => (c === '（' ? '(' : ')'))
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** 专家1, 专家 A, 评委3, 评审专家二, 专家甲, 专家1评分, 1号专家. */
const EXPERT_WORD = /^(?:(?:评审)?专家|评委|评审人|评分人|考评人|评价人|评审组成员)(?:\d{1,2}|[A-Za-z]|[一二三四五六七八九十]{1,2}|[甲乙丙丁戊己庚辛壬癸])号?(?:评分|打分|得分)?$|^\d{1,2}号(?:专家|评委)$/;
/** The average column: 平均分, 专家平均分, 评价得分=(专家1+…)/专家人数, 去掉最高分和最低分后的平均分. */
const AVERAGE_WORD = /平均|专家人数|评价得分|综合得分|最终得分|评审得分/;
/** Where a table says it drops the extremes: in the average's header, its title or a note under it. */
const TRIMMED = /去(?:掉|除)[^。；;]{0,8}最高分?[^。；;]{0,8}最低分?|去(?:掉|除)[^。；;]{0,8}最低分?[^。；;]{0,8}最高分?/;
/** Rows under the table read for a note that states the averaging. */
const NOTE_ROWS = 3;

export const isExpertWord = (label: string): boolean => EXPERT_WORD.test(squeeze(label));

function expertColumns(labels: ReadonlyMap<number, string>): ExpertColumn[] {
  const out: ExpertColumn[] = [];
  for (const [col, label] of labels) if (isExpertWord(label)) out.push({ label: label.replace(/\s+/g, ''), col });
  return out.sort((a, b) => a.col - b.col);
}

/** One column per expert: at least two columns headed 专家N / 评委N. */
export function isExpert(f: HeaderFacts): boolean {
  return expertColumns(f.labels).length >= 2;
}

/** The averaging the table states: its average header, its title, or a note right under it. */
function averagingOf(sheet: SheetModel, texts: string[], noteFrom: number, left: number, right: number): ExpertAveraging {
  const notes: string[] = [];
  for (let r = noteFrom; r < noteFrom + NOTE_ROWS && r <= sheet.rowCount; r++) {
    for (let c = left; c <= right; c++) {
      const t = sheet.text(r, c);
      if (t !== '' && (looksLikeNote(sheet.norm(r, c)) || TRIMMED.test(t))) notes.push(t);
    }
  }
  for (const t of [...texts, ...notes]) if (TRIMMED.test(squeeze(t))) return { method: 'trimmed', stated: t.trim() };
  return { method: 'mean', stated: '' };
}

export const assembleExpert: Assembler<'expert'> = ({ sheet, header, body, base }) => {
  const experts = expertColumns(header.labels);
  const expertCols = new Set(experts.map((e) => e.col));
  const last = experts[experts.length - 1].col;
  // Content inference may have taken an expert's column for the score: the experts are no role.
  const KEEP = new Set(['name', 'label', 'weight', 'score', 'level1', 'level2', 'level3', 'level4']);
  const columns = Object.fromEntries(Object.entries(base.columns).filter(([role, c]) => KEEP.has(role) && !expertCols.has(c as number))) as typeof base.columns;
  const inference = (base.inference ?? []).filter((i) => !expertCols.has(i.col) && (i.role === 'serial' || KEEP.has(i.role)));
  let average: number | undefined;
  for (let c = last + 1; c <= header.right && average === undefined; c++) if (AVERAGE_WORD.test(squeeze(header.labels.get(c) ?? ''))) average = c;
  if (average === undefined && columns.score !== undefined && columns.score > last) average = columns.score;
  if (average !== undefined) {
    if (columns.score !== average) {
      const i = inference.findIndex((x) => x.col === columns.score);
      if (i >= 0) inference.splice(i, 1);
    }
    columns.score = average;
    if (!inference.some((i) => i.col === average)) inference.push({ col: average, role: 'score', source: 'header', confidence: 1, header: header.labels.get(average) ?? '' });
    inference.sort((a, b) => a.col - b.col);
  }
  // The indicator's name: a name or label column, else the first text column left of the experts.
  if (columns.name === undefined) {
    columns.name = columns.label ?? columns.level3 ?? columns.level2 ?? columns.level1;
    if (columns.name === undefined) {
      for (let c = header.left; c < experts[0].col; c++) if (c !== columns.weight && !header.serialColumns.includes(c) && headerRole((header.labels.get(c) ?? '').replace(/\s+/g, '')) !== 'weight') {
        columns.name = c;
        break;
      }
    }
    if (columns.name === columns.label) delete columns.label;
  }
  const scored = (row: number): boolean => experts.some((e) => numberAt(sheet, row, e.col) !== undefined) || (average !== undefined && numberAt(sheet, row, average) !== undefined);
  const indicators = simpleIndicators(sheet, body.dataRows, columns.name, columns.weight, columns.score, (row) => scored(row) || (columns.weight !== undefined && numberAt(sheet, row, columns.weight) !== undefined));
  const texts = [average !== undefined ? (header.labels.get(average) ?? '') : '', base.title ?? ''];
  const averaging = averagingOf(sheet, texts, base.range.bottom + 1, header.left, header.right);
  return { ...base, kind: 'expert', columns, inference, experts, averaging, indicators };
};
