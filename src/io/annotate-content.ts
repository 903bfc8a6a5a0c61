/**
 * What the three added sheets hold: 审核结果 (one row per finding, linked to its cell), 审核报告
 * (per table and per 一级指标: points, score, 得分率, findings; a chart of the rates) and 审核图例
 * (what the fills mean).
 */
import type { AuditSummary, Severity } from '../core/audit/types';
import type { StyleSheetEditor } from './annotate-styles';
import { absoluteRange, OutCell, OutSheet, placeOf, quoteSheet } from './annotate-sheets';
import type { ChartSpec } from './annotate-chart';
import { AuditReport, Counts, ScoreSummary, SEVERITY_ORDER, SEVERITY_ZH } from './report';

/** Fills by severity, as Excel's own "Bad" / "Neutral" cell styles and a light blue. */
export const SEVERITY_FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

const BUILTIN_PERCENT = 10; // 0.00%

export interface Look {
  /** Fill id per severity, for flagged cells. */
  fill: Record<Severity, number>;
  header: number;
  text: number;
  wrap: number;
  link: number;
  percent: number;
  number: number;
  title: number;
  bold: number;
  severity: Record<Severity, number>;
}

/** Our formats, appended to the workbook's styles part once. */
export function defineLook(styles: StyleSheetEditor): Look {
  const fill = { error: styles.addSolidFill(SEVERITY_FILL.error), warning: styles.addSolidFill(SEVERITY_FILL.warning), info: styles.addSolidFill(SEVERITY_FILL.info) };
  const headerFill = styles.addSolidFill('FFD9E1F2');
  const bold = styles.addFont({ bold: true });
  const title = styles.addFont({ bold: true, size: 14 });
  const link = styles.addFont({ underline: true, argb: 'FF0563C1' });
  const plain = styles.addFont({});
  const border = styles.addThinBorder();
  const top = { vertical: 'top' };
  const wrapTop = { vertical: 'top', wrapText: '1' };
  const severityXf = (s: Severity) => styles.addXf({ fontId: plain, fillId: fill[s], borderId: border, alignment: { vertical: 'top', horizontal: 'center' } });
  return {
    fill,
    header: styles.addXf({ fontId: bold, fillId: headerFill, borderId: border, alignment: { vertical: 'center', horizontal: 'center', wrapText: '1' } }),
    text: styles.addXf({ fontId: plain, borderId: border, alignment: top }),
    wrap: styles.addXf({ fontId: plain, borderId: border, alignment: wrapTop }),
    link: styles.addXf({ fontId: link, borderId: border, alignment: top }),
    percent: styles.addXf({ fontId: plain, borderId: border, numFmtId: BUILTIN_PERCENT, alignment: top }),
    number: styles.addXf({ fontId: plain, borderId: border, alignment: top }),
    title: styles.addXf({ fontId: title }),
    bold: styles.addXf({ fontId: bold }),
    severity: { error: severityXf('error'), warning: severityXf('warning'), info: severityXf('info') },
  };
}

const RESULT_HEADER = ['表格', '指标名称', '单元格', '严重程度', '检查项', '说明', '应为', '实为'];
const RESULT_WIDTHS = [24, 28, 14, 9, 24, 64, 12, 12];

/** A cell in the wrapping style. */
const wrapped = (value: string, look: Look): OutCell => ({ value, style: look.wrap, wraps: true });

export interface ResultSheet {
  sheet: OutSheet;
  /** The header row, printed on every page ("$1:$1"). */
  printTitles: string;
  /** The filtered range, for the hidden _FilterDatabase name. */
  filterRange: string;
}

/** 审核结果: a frozen, filtered header; one row per finding; wrapped text; landscape, one page wide. */
export function resultSheet(report: AuditReport, look: Look): ResultSheet {
  const rows: OutCell[][] = [RESULT_HEADER.map((h) => ({ value: h, style: look.header }))];
  for (const r of report.findings) {
    const f = r.finding;
    // A rate held as a fraction shows as a percent, as in the message beside it (72.53%, not 0.7253).
    const figure = (v: number | string | null): OutCell => (typeof v === 'number' ? { value: v, style: f.display === 'percent' ? look.percent : look.number } : wrapped(v ?? '', look));
    rows.push([
      wrapped(r.table, look),
      wrapped(r.indicator, look),
      { value: `${f.sheet}!${f.cell}`, style: look.link, link: placeOf(f.sheet, f.cell) },
      { value: SEVERITY_ZH[f.severity], style: look.severity[f.severity] },
      wrapped(r.check, look),
      wrapped(f.message, look),
      figure(f.expected),
      figure(f.actual),
    ]);
  }
  if (report.findings.length === 0) rows.push([{ value: '未发现问题', style: look.text }]);
  const last = rows.length;
  return {
    sheet: { widths: RESULT_WIDTHS, rows, frozenRows: 1, autoFilter: `A1:H${last}`, printLandscapeFitWidth: true, tabColor: 'FFC00000' },
    printTitles: '$1:$1',
    filterRange: absoluteRange(1, 1, last, RESULT_HEADER.length),
  };
}

const SUMMARY_HEADER = ['指标数', '分值', '得分', '得分率', '错误', '警告', '提示'];

function summaryCells(s: ScoreSummary, look: Look): OutCell[] {
  const n = (v: number | undefined): OutCell => ({ value: v ?? '', style: look.number });
  const c = (k: keyof Counts): OutCell => ({ value: s.findings[k], style: look.number });
  return [n(s.indicators), n(s.points), n(s.score), { value: s.rate ?? '', style: look.percent }, c('error'), c('warning'), c('info')];
}

export interface ReportSheet {
  sheet: OutSheet;
  /** The chart of 得分率 by 一级指标, when some 一级指标 has a rate. */
  chart?: Omit<ChartSpec, 'from' | 'to'> & { fromRow: number };
}

/** 审核报告: the summary, per table, per 一级指标, and where the chart goes. */
export function reportSheet(report: AuditReport, summary: AuditSummary, sheetName: string, look: Look): ReportSheet {
  const rows: OutCell[][] = [];
  const line = (text: string, style = look.bold) => rows.push([{ value: text, style }]);
  line('评分审核报告', look.title);
  const total = summary.totalScore !== undefined ? `；总分 ${summary.totalScore}${summary.grade ? `（${summary.grade}）` : ''}` : '';
  rows.push([{ value: `共识别 ${summary.tables} 个表格、${summary.indicators} 个评分指标；错误 ${summary.errors} 项，警告 ${summary.warnings} 项，提示 ${summary.infos} 项${total}` }]);
  rows.push([]);
  line('一、按表格');
  rows.push(['表格', '类型', ...SUMMARY_HEADER].map((h) => ({ value: h, style: look.header })));
  for (const t of report.tables) rows.push([wrapped(t.table, look), { value: t.kind, style: look.text }, ...summaryCells(t, look)]);
  if (report.tables.length === 0) rows.push([{ value: '未识别到表格', style: look.text }]);
  rows.push([]);
  line('二、按一级指标');
  rows.push(['表格', '一级指标', ...SUMMARY_HEADER].map((h) => ({ value: h, style: look.header })));
  for (const l of report.levels) rows.push([wrapped(l.table, look), wrapped(l.name, look), ...summaryCells(l, look)]);
  if (report.levels.length === 0) rows.push([{ value: '没有分级的评分表', style: look.text }]);
  rows.push([]);
  rows.push([{ value: '得分率 = 得分 ÷ 分值；某项指标缺少分值时不计得分率。各表格的问题数含合计行等不属于某一级指标的问题。' }]);
  const rated = report.levels.filter((l) => l.rate !== undefined);
  const sheet: OutSheet = { widths: [30, 24, 9, 9, 9, 10, 7, 7, 7], rows, printLandscapeFitWidth: true, merges: ['A1:I1', 'A2:I2'], tabColor: 'FF2F5597' };
  if (rated.length === 0) return { sheet };
  // Section three, on a page of its own: the rates the chart shows (named by table when there
  // are several: categories must be cells, viewers ignore literal ones), then the chart.
  rows.push([]);
  sheet.pageBreaksBefore = [rows.length + 1];
  line('三、各一级指标得分率');
  rows.push([{ value: '一级指标', style: look.header }, { value: '得分率', style: look.header }]);
  const multi = new Set(rated.map((l) => l.table)).size > 1;
  const first = rows.length + 1;
  for (const l of rated) rows.push([{ value: multi ? `${shortTable(l.table)} ${l.name}` : l.name, style: look.text }, { value: l.rate!, style: look.percent }]);
  const last = rows.length;
  return {
    sheet,
    chart: {
      title: '各一级指标得分率',
      categoriesRef: `${quoteSheet(sheetName)}!${absoluteRange(first, 1, last, 1)}`,
      valuesRef: `${quoteSheet(sheetName)}!${absoluteRange(first, 2, last, 2)}`,
      categories: rated.map((l) => (multi ? `${shortTable(l.table)} ${l.name}` : l.name)),
      values: rated.map((l) => Number(l.rate!.toFixed(6))),
      fromRow: last + 1,
    },
  };
}

/** "表1 绩效评价…评分表（表1!A2:H40）" → "表1": the title's first word, or its start. */
function shortTable(label: string): string {
  const title = label.split('（')[0];
  const first = title.split(/\s/)[0];
  return first.length <= 8 ? first : `${first.slice(0, 8)}…`;
}

/** 审核图例: what each fill means and where the details are. */
export function legendSheet(look: Look, resultName: string): OutSheet {
  const meaning: Record<Severity, string> = {
    error: '得分、合计或比率与评分标准或算术不符，应更正',
    warning: '可能有误或不合常规，请复核',
    info: '供参考，例如评分标准未能识别、无法核对',
  };
  const rows: OutCell[][] = [
    [{ value: '标注说明', style: look.title }],
    [],
    ['标记', '严重程度', '含义'].map((h) => ({ value: h, style: look.header })),
    ...SEVERITY_ORDER.map((s) => [
      { value: SEVERITY_ZH[s], style: look.severity[s] },
      { value: SEVERITY_ZH[s], style: look.text },
      wrapped(meaning[s], look),
    ]),
    [],
    [{ value: '· 标记只在本副本中；原工作簿未作任何改动。' }],
    [{ value: '· 每个被标记的单元格带有批注“【评分审核】”，写明问题、依据及应为与实为；单元格原有的批注保留在前。' }],
    [{ value: `· 「${resultName}」工作表逐条列出全部问题，点击“单元格”一栏可跳到该单元格。` }],
    [{ value: '· 一个单元格有多项问题时，按最严重的一项着色。' }],
  ];
  return { widths: [10, 10, 60], rows, tabColor: 'FF7F7F7F', printLandscapeFitWidth: true };
}
