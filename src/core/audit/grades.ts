import { GRADE_SCHEMES, gradeIn, GradeSchemeInfo } from '../rules/grade';
import { SheetModel } from '../sheet/model';
import { toHalfWidth, toSimplified } from '../sheet/text';

/** The grade scheme a total is judged by, and how messages name it. */
export interface SheetGradeScheme {
  bands: GradeSchemeInfo['bands'];
  below: string;
  /** "财预〔2020〕10号等级标准", "五级等级标准", "表中所定等级标准（…）". */
  title: string;
  description: string;
}

/** How far into a sheet the scheme is looked for (grading notes sit near the tables). */
const SCAN_ROWS = 400;
const SCAN_COLS = 30;

const GRADE = '(优秀|优|良好|良|中等|中|合格|及格|较差|差|低|不合格|不及格)';
/** "90分(含)以上为优", "≥90分为优". */
const AT_LEAST = new RegExp(String.raw`(?:≥|>=|大于等于)?(\d{2,3}(?:\.\d+)?)分?(?:\(含\))?(?:及|或)?以上(?:的)?(?:为|是|评为|定为|:)?"?${GRADE}`, 'g');
/** "80(含)-90分为良", "80分至90分(不含)为良". */
const BETWEEN = new RegExp(String.raw`(\d{2,3}(?:\.\d+)?)分?(?:\(含\))?(?:-|~|至|到)(\d{2,3}(?:\.\d+)?)分?(?:\((?:不含|含)\))?(?:之间)?(?:的)?(?:为|是|评为|定为|:)?"?${GRADE}`, 'g');
/** "60分以下为差". */
const BELOW = new RegExp(String.raw`(\d{2,3}(?:\.\d+)?)分?(?:\(不含\))?以下(?:的)?(?:为|是|评为|定为|:)?"?${GRADE}`);

/** A grading scheme written in one cell ("90（含）-100分为优、80（含）-90分为良、60（含）-80分为中、60分以下为差"). */
export function schemeInText(raw: string): Omit<SheetGradeScheme, 'title'> | undefined {
  const s = toHalfWidth(raw).replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/[“”]/g, '"').replace(/[—–－～]/g, '-');
  if (!/以上|以下|-|~|至/.test(s)) return undefined;
  const bands: Array<{ min: number; grade: string }> = [];
  for (const m of s.matchAll(BETWEEN)) bands.push({ min: Math.min(Number(m[1]), Number(m[2])), grade: m[3] });
  for (const m of s.matchAll(AT_LEAST)) bands.push({ min: Number(m[1]), grade: m[2] });
  const below = BELOW.exec(s);
  const distinct = [...new Map(bands.map((b) => [b.grade, b])).values()].sort((a, b) => b.min - a.min);
  // A scheme names at least three grades, each with its own lower bound.
  if (distinct.length + (below ? 1 : 0) < 3 || new Set(distinct.map((b) => b.min)).size !== distinct.length) return undefined;
  const lowest = distinct[distinct.length - 1];
  const belowGrade = below?.[2] ?? lowest.grade;
  const kept = below ? distinct : distinct.slice(0, -1);
  if (kept.length === 0) return undefined;
  const description = [...kept.map((b) => `≥${b.min} ${b.grade}`), `<${kept[kept.length - 1].min} ${belowGrade}`].join('，');
  return { bands: kept, below: belowGrade, description };
}

const STANDARD = GRADE_SCHEMES.find((s) => s.id === 'standard')!;
const FIVE = GRADE_SCHEMES.find((s) => s.id === 'five')!;

/**
 * The scheme the sheet names: one written in its cells, else the five-level one when a 低 grade
 * or its wording appears, else 财预〔2020〕10号 (优 ≥90, 良 80–90, 中 60–80, 差 <60).
 */
export function schemeOf(sheet: SheetModel, gradeText: string): SheetGradeScheme {
  let five = /低/.test(gradeText);
  for (let r = 1; r <= Math.min(sheet.rowCount, SCAN_ROWS); r++) {
    for (let c = 1; c <= Math.min(sheet.colCount, SCAN_COLS); c++) {
      const text = sheet.text(r, c);
      if (text.length < 8) continue;
      const stated = schemeInText(text);
      if (stated) return { ...stated, title: `表中所定等级标准（${stated.description}）` };
      if (/60[~～-]70分为低|为低/.test(sheet.norm(r, c))) five = true;
    }
  }
  const info = five ? FIVE : STANDARD;
  return { bands: info.bands, below: info.below, title: five ? '五级等级标准' : '财预〔2020〕10号等级标准', description: info.description };
}

export function gradeUnder(total: number, scheme: SheetGradeScheme): string | null {
  return gradeIn(total, scheme);
}

/** Long and short forms of one grade: 优秀 = 优, 良好 = 良, 中等 = 中, 较差 = 差. */
const SHORT: Record<string, string> = { 优秀: '优', 良好: '良', 中等: '中', 较差: '差' };

const GRADE_WORD = /不合格|不及格|优秀|良好|中等|较差|合格|及格|优|良|中|差|低/;

/** A cell that names a grade at all ("良", "评价等级为良"); "实施比较顺利。" in the 等级 column is a remark, not a grade. */
export function namesAGrade(written: string): boolean {
  return GRADE_WORD.test(toSimplified(written));
}

/** Whether a grade as written is the expected one ("优秀" for 优, "良（82分）" for 良; "不合格" is not 合格). */
export function sameGrade(written: string, expected: string): boolean {
  const w = toSimplified(written).replace(/\s+/g, '').replace(/^["“「『]|["”」』]$/g, '');
  const first = new RegExp(`^(${GRADE_WORD.source})`).exec(w)?.[1];
  if (!first) return w.includes(expected);
  return first === expected || SHORT[first] === expected || SHORT[expected] === first;
}
