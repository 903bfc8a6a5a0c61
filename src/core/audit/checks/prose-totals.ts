/**
 * The total score and grade a report states in its prose ("综合评分为77.19分，评价等级为'中'")
 * against its tables: the stated total must be the total of the summary table, and the stated
 * grade must be the grade of that total. Only workbooks read from a report (a .docx) have prose.
 */
import { a1 } from '../../sheet/address';
import { SheetModel } from '../../sheet/model';
import { FindingCode, MessageParams } from '../catalogue';
import { AuditContext } from '../context';
import { finding } from '../finding';
import { close, halfUnit, SCORE_TOLERANCE } from '../tolerance';
import { summarise } from '../summary';
import { Finding } from '../types';
import { gradeUnder, sameGrade, schemeOf } from '../grades';

interface Statement {
  row: number;
  sentence: string;
  total?: { value: number; tol: number };
  grade?: string;
}

/** A score stated in a sentence: "评价得分为77.19分", "绩效分数为 90 分", "综合评分：85.5分". */
const SCORE = /(?:评分|得分|分数|总分)\s{0,3}(?:为|是|达|：|:)?\s{0,3}(\d{1,3}(?:\.\d{1,4})?)\s{0,3}分/;
/** A grade stated in a sentence: 等级为“中”, 评价等级为'良', 绩效等级：优秀. */
const GRADE = /等级\s{0,3}(?:为|是|评定为|：|:)?\s{0,3}[“"'‘「『]?\s{0,3}(优秀|良好|中等|较差|优|良|中|低|差)/;
/** Sentences about one part of the evaluation ("指标分值20分，评价得分16分") are not the total. */
const PART_OF_TOTAL = /指标分值|分值为|该指标|此项|得分率/;
const TOTAL_WORDS = /综合|总得分|总分|评价得分|绩效分数|最终得分|项目得分|绩效评价得分/;
const GRADE_WORDS: Record<string, string> = { 优秀: '优', 良好: '良', 中等: '中', 较差: '差' };

function statementsIn(prose: SheetModel): Statement[] {
  const out: Statement[] = [];
  for (let row = 1; row <= prose.rowCount; row++) {
    // A sentence ends at 。；! ? or a line break; the score and grade of one statement share it.
    for (const sentence of prose.text(row, 1).split(/[。；;！!？?\n]/)) {
      const score = SCORE.exec(sentence);
      const grade = GRADE.exec(sentence);
      if (PART_OF_TOTAL.test(sentence)) continue;
      const isTotal = score !== null && (grade !== null || TOTAL_WORDS.test(sentence));
      if (!isTotal && !grade) continue;
      const decimals = score?.[1].split('.')[1]?.length ?? 0;
      out.push({
        row,
        sentence: sentence.trim(),
        total: isTotal && score ? { value: Number(score[1]), tol: Math.max(SCORE_TOLERANCE, halfUnit(decimals)) } : undefined,
        grade: grade ? (GRADE_WORDS[grade[1]] ?? grade[1]) : undefined,
      });
    }
  }
  return out;
}

function proseFinding<C extends FindingCode>(prose: SheetModel, row: number, code: C, params: MessageParams<C>, expected: number | string, actual: number | string, rule: string): Finding {
  return finding(prose.name, { cell: a1(row, 1), code, params, expected, actual, rule });
}

export function proseTotalChecks(ctx: AuditContext): Finding[] {
  const prose = ctx.workbook.proseSheet ? ctx.workbook.sheets.find((s) => s.name === ctx.workbook.proseSheet) : undefined;
  if (!prose) return [];
  const statements = statementsIn(prose);
  if (statements.length === 0) return [];
  const tables = summarise(ctx, []);
  const out: Finding[] = [];
  for (const s of statements) {
    if (s.total) {
      if (tables.totalScore === undefined) {
        out.push(proseFinding(prose, s.row, 'prose.total-unchecked', { paragraph: s.row, stated: s.total.value }, '', s.total.value, s.sentence));
      } else if (!close(s.total.value, tables.totalScore, s.total.tol)) {
        out.push(proseFinding(prose, s.row, 'prose.total-mismatch', { paragraph: s.row, stated: s.total.value, total: tables.totalScore }, tables.totalScore, s.total.value, s.sentence));
      }
    }
    if (s.grade) {
      const total = tables.totalScore ?? s.total?.value;
      if (total === undefined) continue;
      const expected = gradeUnder(total, schemeOf(prose, s.grade));
      if (expected !== null && !sameGrade(s.grade, expected)) {
        const params = { paragraph: s.row, grade: s.grade, expected, total, fromTables: tables.totalScore !== undefined };
        out.push(proseFinding(prose, s.row, 'prose.grade-mismatch', params, expected, s.grade, s.sentence));
      }
    }
  }
  return out;
}
