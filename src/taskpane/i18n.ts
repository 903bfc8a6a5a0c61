/**
 * The pane's strings: zh-CN first, English for every other display language. Pure (no React, no
 * Office), so the choice can be tested in jsdom and reused by the hosts for their messages.
 */
import type { TableKind } from '../core/layout/types';
import type { Severity } from '../core/audit/types';
import { KIND_LABELS } from '../core/layout/json';
import type { StatusFilter } from './group';

export type Locale = 'zh' | 'en';

/** zh for any Chinese display language (zh, zh-CN, zh-Hans-CN, zh-TW …) and for none at all; en otherwise. */
export function pickLocale(language: string | null | undefined): Locale {
  const tag = (language ?? '').trim().toLowerCase();
  if (tag === '') return 'zh';
  return /^zh([-_]|$)/.test(tag) ? 'zh' : 'en';
}

/** The display language of the host: Office.context.displayLanguage in Office, navigator.language in a browser. */
export function hostLanguage(officeLanguage?: string | null): string | undefined {
  if (officeLanguage) return officeLanguage;
  if (typeof navigator !== 'undefined') return navigator.language || navigator.languages?.[0];
  return undefined;
}

export interface Strings {
  title: string;
  /** Label separator: "：" or ": ". */
  colon: string;
  subtitleExcel: string;
  subtitleBrowser: string;
  scanSheet: string;
  scanWorkbook: string;
  scanSheetHint: string;
  scanWorkbookHint: string;
  scan: string;
  reading: string;
  readingSheet: (sheet: string, done: number, total: number) => string;
  auditing: string;
  summary: string;
  errors: string;
  warnings: string;
  infos: string;
  tablesCount: (n: number) => string;
  indicatorsCount: (n: number) => string;
  totalScore: string;
  grade: string;
  source: string;
  tables: string;
  /** Under a table card: the checks that could not run, the rules not understood, columns found with little certainty. */
  notChecked: (names: string) => string;
  rulesNotRead: (n: number) => string;
  unsureColumn: (column: string, header: string, confidence: number) => string;
  columnRole: (column: string, header: string) => string;
  /** Under a table continued from the sheet before (续表). */
  continues: (sheet: string, headerRow: number) => string;
  roleAuto: (role: string) => string;
  roleIgnore: string;
  noTables: string;
  noTablesDetail: string;
  findings: string;
  noFindings: string;
  noFindingsDetail: string;
  noFindingsButNotChecked: (n: number) => string;
  findingsCount: (n: number) => string;
  findingsTitle: (n: number) => string;
  fileFailed: string;
  otherFindings: (sheet: string) => string;
  cell: string;
  rule: string;
  expected: string;
  actual: string;
  selectCellHint: string;
  selectFailed: string;
  actions: string;
  annotate: string;
  clearMarks: string;
  reviewColumns: string;
  reviewColumnsHint: string;
  annotated: (cells: number, comments: number) => string;
  cleared: (n: number) => string;
  reviewInserted: (tables: number, columns: string) => string;
  skipped: (sheet: string, reason: string) => string;
  actionFailed: string;
  scanFailed: string;
  chooseFile: string;
  fileInputLabel: string;
  noFile: string;
  fileChosen: (name: string, size: string) => string;
  download: string;
  downloadHint: string;
  downloading: string;
  downloaded: (name: string) => string;
  downloadFailed: string;
  preview: string;
  previewOf: (kind: string, sheet: string, range: string) => string;
  previewRows: (shown: number, total: number) => string;
  previewHint: string;
  noPreview: string;
  dismiss: string;
  severity: Record<Severity, string>;
  kind: Record<TableKind, string>;
  // Start-up
  connecting: string;
  slowStart: string;
  useBrowserMode: string;
  browserNoOffice: string;
  browserOutsideOffice: string;
  browserOtherHost: (host: string) => string;
  // Findings: filters, stepping, review states
  filterSeverity: string;
  filterChecks: string;
  allChecks: string;
  checksChosen: (n: number) => string;
  filterStatus: string;
  status: Record<StatusFilter, string>;
  previous: string;
  next: string;
  position: (index: number, total: number) => string;
  noPosition: (total: number) => string;
  stepped: (index: number, total: number, what: string) => string;
  noneShown: string;
  clearFilters: string;
  reviewed: string;
  ignore: string;
  reviewStates: string;
  reviewsSession: string;
  reviewsNotSaved: string;
  shownOf: (shown: number, total: number) => string;
  // Summary extras
  levelChart: string;
  levelChartHint: string;
  levelRow: (name: string, score: string, points: string, rate: string) => string;
  tablesTitle: (n: number) => string;
  notices: string;
}

const ZH: Strings = {
  title: '评分审核',
  colon: '：',
  subtitleExcel: '检查评分表中与评分标准或算术不一致的得分、扣分、合计与比率',
  subtitleBrowser: '浏览器模式：选择 .xlsx 工作簿进行审核，原文件不会被修改',
  scanSheet: '扫描工作表',
  scanWorkbook: '扫描工作簿',
  scanSheetHint: '审核当前工作表',
  scanWorkbookHint: '审核工作簿中的全部工作表',
  scan: '扫描',
  reading: '正在读取…',
  readingSheet: (sheet, done, total) => `正在读取 ${sheet}（${done + 1}/${total}）`,
  auditing: '正在审核…',
  summary: '审核摘要',
  errors: '错误',
  warnings: '警告',
  infos: '提示',
  tablesCount: (n) => `${n} 张表`,
  indicatorsCount: (n) => `${n} 项指标`,
  totalScore: '总分',
  grade: '等级',
  source: '来源',
  tables: '识别到的表格',
  notChecked: (names) => `未核对：${names}`,
  rulesNotRead: (n) => `${n} 条评分标准未能识别，这些行未核对`,
  unsureColumn: (column, header, confidence) => `列 ${column}「${header || '无表头'}」的用途由内容判断（置信度 ${confidence}%）`,
  columnRole: (column, header) => `列 ${column}「${header || '无表头'}」用作`,
  continues: (sheet, headerRow) => `续表：接「${sheet}」第 ${headerRow} 行表头的表`,
  roleAuto: (role) => `自动识别（${role}）`,
  roleIgnore: '不用于核对',
  noTables: '未识别到评分表',
  noTablesDetail: '没有找到含“权重/分值”“评分标准”“得分”等表头的表格。',
  findings: '审核发现',
  noFindings: '未发现问题',
  noFindingsDetail: '得分、扣分、合计与比率均与评分标准和算术一致。',
  noFindingsButNotChecked: (n) => `已核对的部分未发现问题，但有 ${n} 项未能核对（见各表格下的说明）。`,
  findingsCount: (n) => `${n} 条`,
  findingsTitle: (n) => `审核发现（${n}）`,
  fileFailed: '无法读取文件',
  otherFindings: (sheet) => `${sheet}（跨表）`,
  cell: '单元格',
  rule: '规则',
  expected: '应为',
  actual: '实际',
  selectCellHint: '按 Enter 选中该单元格',
  selectFailed: '无法选中该单元格',
  actions: '操作',
  annotate: '标注',
  clearMarks: '清除标注',
  reviewColumns: '插入复核列',
  reviewColumnsHint: '在评分表右侧添加“一致性检查”列（=PERF.CHECK），表中有实际值列时再加“规则得分”列（=PERF.RULESCORE）',
  annotated: (cells, comments) => `已标注 ${cells} 个单元格，添加 ${comments} 条批注`,
  cleared: (n) => (n > 0 ? `已清除 ${n} 处标注` : '没有需要清除的标注'),
  reviewInserted: (tables, columns) => `已为 ${tables} 张评分表添加复核列${columns ? `（${columns}）` : ''}`,
  skipped: (sheet, reason) => (sheet ? `${sheet}：${reason}` : reason),
  actionFailed: '操作失败',
  scanFailed: '审核失败',
  chooseFile: '选择工作簿',
  fileInputLabel: '选择要审核的 .xlsx 工作簿',
  noFile: '尚未选择文件',
  fileChosen: (name, size) => `${name}（${size}）`,
  download: '下载标注副本',
  downloadHint: '下载带批注和“审核结果”工作表的副本',
  downloading: '正在生成副本…',
  downloaded: (name) => `已下载 ${name}`,
  downloadFailed: '无法生成标注副本',
  preview: '表格预览',
  previewOf: (kind, sheet, range) => `${kind} · ${sheet}!${range}`,
  previewRows: (shown, total) => (shown < total ? `显示前 ${shown} 行，共 ${total} 行` : `共 ${total} 行`),
  previewHint: '有标记的单元格即审核发现所在位置',
  noPreview: '选择一张表以预览',
  dismiss: '关闭',
  severity: { error: '错误', warning: '警告', info: '提示' },
  kind: KIND_LABELS,
  connecting: '正在连接 Excel…',
  slowStart: 'Office 仍未就绪。若本页是在浏览器中直接打开的（不在 Excel 中），可以改用浏览器模式。',
  useBrowserMode: '使用浏览器模式',
  browserNoOffice: '未加载 Office：本页以浏览器模式运行。选择一个 .xlsx 工作簿即可审核，原文件不会被修改。要在 Excel 中使用，请通过“插入 › 加载项”加载本加载项。',
  browserOutsideOffice: '本页不在 Excel 中打开：以浏览器模式运行。选择一个 .xlsx 工作簿即可审核，原文件不会被修改。',
  browserOtherHost: (host) => `本加载项用于 Excel（当前为 ${host}）：以浏览器模式运行，可选择 .xlsx 工作簿审核。`,
  filterSeverity: '严重程度',
  filterChecks: '检查项',
  allChecks: '全部检查项',
  checksChosen: (n) => `已选 ${n} 项检查`,
  filterStatus: '复核状态',
  status: { active: '未忽略', pending: '待复核', reviewed: '已复核', ignored: '已忽略', all: '全部' },
  previous: '上一个',
  next: '下一个',
  position: (i, n) => `第 ${i} / ${n} 条`,
  noPosition: (n) => `共 ${n} 条`,
  stepped: (i, n, what) => `第 ${i} / ${n} 条：${what}`,
  noneShown: '没有符合筛选条件的审核发现',
  clearFilters: '清除筛选',
  reviewed: '已复核',
  ignore: '忽略',
  reviewStates: '复核状态',
  reviewsSession: '浏览器模式下，“已复核”“忽略”只在本次打开期间保留。',
  reviewsNotSaved: '复核状态未能保存到工作簿',
  shownOf: (shown, total) => (shown < total ? `显示 ${shown} / ${total} 条` : `共 ${total} 条`),
  levelChart: '得分率（按一级指标）',
  levelChartHint: '各一级指标下末级指标的得分之和 ÷ 分值之和',
  levelRow: (name, score, points, rate) => `${name}：得分 ${score} / 分值 ${points}，得分率 ${rate}`,
  tablesTitle: (n) => `识别到的表格（${n}）`,
  notices: '提示信息',
};

const EN: Strings = {
  title: 'Score audit',
  colon: ': ',
  subtitleExcel: 'Finds scores, deductions, totals and rates that contradict the rule text or the arithmetic',
  subtitleBrowser: 'Browser mode: pick an .xlsx workbook to audit; the file itself is never changed',
  scanSheet: 'Scan sheet',
  scanWorkbook: 'Scan workbook',
  scanSheetHint: 'Audit the active worksheet',
  scanWorkbookHint: 'Audit every worksheet of the workbook',
  scan: 'Scan',
  reading: 'Reading…',
  readingSheet: (sheet, done, total) => `Reading ${sheet} (${done + 1}/${total})`,
  auditing: 'Auditing…',
  summary: 'Summary',
  errors: 'Errors',
  warnings: 'Warnings',
  infos: 'Notes',
  tablesCount: (n) => `${n} ${n === 1 ? 'table' : 'tables'}`,
  indicatorsCount: (n) => `${n} ${n === 1 ? 'indicator' : 'indicators'}`,
  totalScore: 'Total score',
  grade: 'Grade',
  source: 'Source',
  tables: 'Detected tables',
  notChecked: (names) => `Not checked: ${names}`,
  rulesNotRead: (n) => `${n} rule texts not understood; those rows were not checked`,
  unsureColumn: (column, header, confidence) => `Column ${column} (${header || 'no header'}) was read from its cells (${confidence}% sure)`,
  columnRole: (column, header) => `Column ${column} (${header || 'no header'}) is`,
  continues: (sheet, headerRow) => `Continues the table headed at row ${headerRow} of ${sheet}`,
  roleAuto: (role) => `as detected (${role})`,
  roleIgnore: 'not used',
  noTables: 'No scoring table found',
  noTablesDetail: 'No table with headers such as 权重/分值, 评分标准 and 得分 was found.',
  findings: 'Findings',
  noFindings: 'No problems found',
  noFindingsDetail: 'Scores, deductions, totals and rates agree with the rules and the arithmetic.',
  noFindingsButNotChecked: (n) => `Nothing wrong in what was checked, but ${n} checks could not run (see the notes under each table).`,
  findingsCount: (n) => `${n}`,
  findingsTitle: (n) => `Findings (${n})`,
  fileFailed: 'Could not read the file',
  otherFindings: (sheet) => `${sheet} (across tables)`,
  cell: 'Cell',
  rule: 'Rule',
  expected: 'Expected',
  actual: 'Actual',
  selectCellHint: 'Press Enter to select the cell',
  selectFailed: 'Could not select the cell',
  actions: 'Actions',
  annotate: 'Highlight',
  clearMarks: 'Clear highlights',
  reviewColumns: 'Insert review columns',
  reviewColumnsHint: 'Add a 一致性检查 column (=PERF.CHECK) right of each scoring table, and a 规则得分 column (=PERF.RULESCORE) where the table has measured values',
  annotated: (cells, comments) => `Highlighted ${cells} cells, added ${comments} comments`,
  cleared: (n) => (n > 0 ? `Removed ${n} marks` : 'Nothing to clear'),
  reviewInserted: (tables, columns) => `Added review columns to ${tables} scoring ${tables === 1 ? 'table' : 'tables'}${columns ? ` (${columns})` : ''}`,
  skipped: (sheet, reason) => (sheet ? `${sheet}: ${reason}` : reason),
  actionFailed: 'The action failed',
  scanFailed: 'The audit failed',
  chooseFile: 'Choose workbook',
  fileInputLabel: 'Choose the .xlsx workbook to audit',
  noFile: 'No file chosen',
  fileChosen: (name, size) => `${name} (${size})`,
  download: 'Download annotated copy',
  downloadHint: 'Download a copy with notes and a 审核结果 sheet',
  downloading: 'Writing the copy…',
  downloaded: (name) => `Downloaded ${name}`,
  downloadFailed: 'Could not write the annotated copy',
  preview: 'Table preview',
  previewOf: (kind, sheet, range) => `${kind} · ${sheet}!${range}`,
  previewRows: (shown, total) => (shown < total ? `First ${shown} of ${total} rows` : `${total} rows`),
  previewHint: 'Marked cells carry findings',
  noPreview: 'Select a table to preview it',
  dismiss: 'Dismiss',
  severity: { error: 'Error', warning: 'Warning', info: 'Note' },
  kind: {
    scoring: 'Scoring table',
    summary: 'Summary table',
    completion: 'Completion table',
    satisfaction: 'Satisfaction table',
    'selfeval-budget': 'Self-evaluation (budget)',
    'selfeval-indicators': 'Self-evaluation (indicators)',
    totals: 'Money totals',
    expert: 'Expert scores',
    'budget-lines': 'Numbered budget lines',
    review: 'Review form',
  },
  connecting: 'Connecting to Excel…',
  slowStart: 'Office is still not ready. If this page was opened in a browser (not in Excel), you can use browser mode.',
  useBrowserMode: 'Use browser mode',
  browserNoOffice: 'Office is not loaded: this page runs in browser mode. Pick an .xlsx workbook to audit it; the file itself is never changed. To use it in Excel, add the add-in with Insert › Add-ins.',
  browserOutsideOffice: 'This page is not open in Excel: browser mode. Pick an .xlsx workbook to audit it; the file itself is never changed.',
  browserOtherHost: (host) => `This add-in is for Excel (this is ${host}): browser mode, pick an .xlsx workbook to audit it.`,
  filterSeverity: 'Severity',
  filterChecks: 'Checks',
  allChecks: 'All checks',
  checksChosen: (n) => `${n} ${n === 1 ? 'check' : 'checks'} chosen`,
  filterStatus: 'Review status',
  status: { active: 'Not ignored', pending: 'To review', reviewed: 'Reviewed', ignored: 'Ignored', all: 'All' },
  previous: 'Previous',
  next: 'Next',
  position: (i, n) => `${i} of ${n}`,
  noPosition: (n) => `${n} in all`,
  stepped: (i, n, what) => `${i} of ${n}: ${what}`,
  noneShown: 'No finding matches the filters',
  clearFilters: 'Clear filters',
  reviewed: 'Reviewed',
  ignore: 'Ignore',
  reviewStates: 'Review status',
  reviewsSession: 'In browser mode, Reviewed and Ignore last only while this page is open.',
  reviewsNotSaved: 'The review status could not be saved in the workbook',
  shownOf: (shown, total) => (shown < total ? `${shown} of ${total} shown` : `${total} in all`),
  levelChart: 'Score rate by first-level indicator',
  levelChartHint: 'Sum of the scores over the sum of the points of the leaf indicators under each first-level indicator',
  levelRow: (name, score, points, rate) => `${name}: ${score} of ${points} points, ${rate}`,
  tablesTitle: (n) => `Detected tables (${n})`,
  notices: 'Notices',
};

const TABLE: Record<Locale, Strings> = { zh: ZH, en: EN };

export function stringsFor(locale: Locale): Strings {
  return TABLE[locale];
}

/** Byte size for people: "18 KB", "1.2 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
