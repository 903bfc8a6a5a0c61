/**
 * @jest-environment jsdom
 *
 * The pane's pure logic: which language it speaks, how findings are ordered and filtered, how
 * values read in the sheet's own formats, the 得分率 by 一级指标, the review keys, and how the
 * start-up decides where it runs.
 */
import type { Finding, Severity } from '../../src/core/audit/types';
import type { DetectedTable, TableKind } from '../../src/core/layout/types';
import { parseRangeA1 } from '../../src/core/sheet/address';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { auditWorkbook } from '../../src/core/audit/audit';
import { checkName } from '../../src/core/audit/catalogue';
import { readWorkbook } from '../../src/io/reader';
import { findingFormat, formatCellNumber, formatDecimals, formatFindingValue, isPercentFormat } from '../../src/taskpane/format';
import { countByCode, countBySeverity, filterFindings, findingKey, NO_FILTER, orderFindings, tableKey, tableOfFinding } from '../../src/taskpane/group';
import { formatSize, hostLanguage, pickLocale, stringsFor } from '../../src/taskpane/i18n';
import { ratesByLevel1 } from '../../src/taskpane/levels';
import { reviewKey } from '../../src/taskpane/reviews';
import { detectHost } from '../../src/taskpane/startup';

const FIXTURES = path.resolve(__dirname, '../fixtures/xlsx');
const audit = async (name: string) => {
  const workbook = await readWorkbook(new Uint8Array(readFileSync(path.join(FIXTURES, name))), name);
  return { workbook, result: auditWorkbook(workbook) };
};

function table(sheet: string, range: string, kind: TableKind = 'scoring'): DetectedTable {
  return { sheet, kind, range: parseRangeA1(range), headerRow: 1, headerRows: 1, columns: {}, dataRows: [], indicators: [], totals: [], groups: [] } as DetectedTable;
}

function finding(sheet: string, cell: string, severity: Severity, code: Finding['code'] = 'score.not-allowed', tableRange?: string): Finding {
  return { sheet, cell, cells: [cell], code, severity, message: `${sheet}!${cell} ${code}`, messageEn: `${sheet}!${cell} ${code}`, expected: 1, actual: 0.75, rule: '得1分', ...(tableRange ? { table: tableRange } : {}) };
}

describe('language', () => {
  it.each([
    ['zh-CN', 'zh'],
    ['zh-cn', 'zh'],
    ['zh', 'zh'],
    ['zh-Hans-CN', 'zh'],
    ['zh-TW', 'zh'],
    ['zh_CN', 'zh'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['ja-JP', 'en'],
    ['de-DE', 'en'],
    ['zhx', 'en'],
  ])('%s → %s', (tag, locale) => {
    expect(pickLocale(tag)).toBe(locale);
  });

  it('speaks Chinese when no language is known', () => {
    expect(pickLocale(undefined)).toBe('zh');
    expect(pickLocale(null)).toBe('zh');
    expect(pickLocale('')).toBe('zh');
  });

  it("prefers Office's display language, else the browser's", () => {
    expect(hostLanguage('zh-CN')).toBe('zh-CN');
    const spy = jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('fr-FR');
    try {
      expect(hostLanguage(undefined)).toBe('fr-FR');
      expect(pickLocale(hostLanguage(undefined))).toBe('en');
      spy.mockReturnValue('zh-CN');
      expect(pickLocale(hostLanguage(null))).toBe('zh');
    } finally {
      spy.mockRestore();
    }
  });

  it('has the Chinese labels of the layout, the table kinds and the severities, and English ones', () => {
    const zh = stringsFor('zh');
    expect([zh.title, zh.scanSheet, zh.scanWorkbook, zh.annotate, zh.clearMarks, zh.reviewColumns]).toEqual(['评分审核', '扫描工作表', '扫描工作簿', '标注', '清除标注', '插入复核列']);
    expect(zh.kind).toEqual({
      scoring: '评分表',
      summary: '汇总表',
      completion: '完成情况表',
      satisfaction: '满意度表',
      'selfeval-budget': '自评表-预算',
      'selfeval-indicators': '自评表-指标',
      totals: '金额合计表',
      expert: '专家评分表',
      'budget-lines': '行次预算表',
      review: '评审表',
    });
    expect(zh.severity).toEqual({ error: '错误', warning: '警告', info: '提示' });
    const en = stringsFor('en');
    expect(en.title).toBe('Score audit');
    // Every key of the Chinese table has an English counterpart of the same type.
    for (const k of Object.keys(zh) as Array<keyof typeof zh>) expect(typeof en[k]).toBe(typeof zh[k]);
    expect(Object.values(en.kind).every((v) => /^[\x20-\x7e]+$/.test(v))).toBe(true);
  });

  it('formats file sizes', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(21245)).toBe('21 KB');
    expect(formatSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});

describe('ordering and filtering findings', () => {
  const t1 = table('表1', 'A2:I16');
  const t3 = table('表2', 'B3:H40');
  const tables = [t1, table('表1', 'A20:E30', 'summary'), t3];
  const findings = [
    finding('表2', 'H10', 'warning', 'reason.deduction-mismatch', 'B3:H40'),
    finding('表1', 'H12', 'info', 'rule.not-understood', 'A2:I16'),
    finding('表1', 'H8', 'error', 'score.not-allowed', 'A2:I16'),
    finding('表1', 'G7', 'error', 'rule.parts-sum', 'A2:I16'),
    finding('表2', 'C5', 'error', 'summary.total'),
    finding('表1', 'H9', 'warning', 'reason.deduction-mismatch', 'A2:I16'),
    finding('表1', 'AA8', 'error', 'score.above-weight', 'A2:I16'),
    finding('表1', 'B8', 'error', 'cell.not-a-number', 'A2:I16'),
  ];

  it('puts the worst first, then sheets in workbook order, rows, columns', () => {
    const ordered = orderFindings(findings, ['表1', '表2']);
    expect(ordered.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['表1!G7', '表1!B8', '表1!H8', '表1!AA8', '表2!C5', '表1!H9', '表2!H10', '表1!H12']);
    // Nothing lost, nothing doubled.
    expect(ordered.map(findingKey).sort()).toEqual(findings.map(findingKey).sort());
    // Sheets the workbook order does not know go after the known ones.
    expect(orderFindings([finding('X', 'A1', 'error'), finding('表1', 'Z9', 'error')], ['表1']).map((f) => f.sheet)).toEqual(['表1', 'X']);
  });

  it('orders findings of one cell by check code', () => {
    const ordered = orderFindings([finding('表1', 'H18', 'error', 'score.not-allowed'), finding('表1', 'H18', 'error', 'reason.deduction-mismatch')]);
    expect(ordered.map((f) => f.code)).toEqual(['reason.deduction-mismatch', 'score.not-allowed']);
  });

  it('filters by severity, by check and by review status', () => {
    const none = () => undefined;
    expect(filterFindings(findings, { ...NO_FILTER, severities: new Set(['warning']) }, none).map((f) => f.cell)).toEqual(['H10', 'H9']);
    expect(filterFindings(findings, { ...NO_FILTER, codes: new Set(['score.not-allowed', 'rule.parts-sum']) }, none).map((f) => f.cell)).toEqual(['H8', 'G7']);
    const states = new Map([[reviewKey(findings[2]), 'ignored' as const], [reviewKey(findings[3]), 'reviewed' as const]]);
    const stateOf = (f: Finding) => states.get(reviewKey(f));
    expect(filterFindings(findings, NO_FILTER, stateOf)).toHaveLength(findings.length - 1);
    expect(filterFindings(findings, { ...NO_FILTER, status: 'pending' }, stateOf)).toHaveLength(findings.length - 2);
    expect(filterFindings(findings, { ...NO_FILTER, status: 'reviewed' }, stateOf).map((f) => f.cell)).toEqual(['G7']);
    expect(filterFindings(findings, { ...NO_FILTER, status: 'ignored' }, stateOf).map((f) => f.cell)).toEqual(['H8']);
    expect(filterFindings(findings, { ...NO_FILTER, status: 'all' }, stateOf)).toHaveLength(findings.length);
  });

  it('counts the checks present, and names them in Chinese from the catalogue', () => {
    expect(countByCode(findings).find((c) => c.code === 'reason.deduction-mismatch')).toEqual({ code: 'reason.deduction-mismatch', count: 2, severity: 'warning' });
    expect(countBySeverity(findings)).toEqual({ error: 5, warning: 2, info: 1 });
    expect(checkName('score.not-allowed')).toBe('得分不符合评分标准');
    expect(checkName('score.not-allowed', 'en')).toBe('Score not allowed by the rule');
  });

  it('places a finding in the table it names, else the table holding its cell', () => {
    expect(tableOfFinding(finding('表2', 'D7', 'error'), tables)).toBe(t3);
    expect(tableOfFinding(finding('汇总', 'C4', 'error'), tables)).toBeUndefined();
    const overlapping = [table('表1', 'A1:J40'), table('表1', 'A2:I16')];
    expect(tableOfFinding(finding('表1', 'H8', 'error', 'score.not-allowed', 'A2:I16'), overlapping)).toBe(overlapping[1]);
    expect(tableKey(t1)).toBe('表1!A2:I16');
  });

  it('keys a review state by place, check and message: a changed message is a new finding', () => {
    const f = finding('表1', 'H8', 'error');
    expect(reviewKey(f)).toBe(reviewKey({ ...f }));
    expect(reviewKey(f)).not.toBe(reviewKey({ ...f, message: `${f.message}，另` }));
    expect(reviewKey(f)).not.toBe(reviewKey({ ...f, cell: 'H9' }));
  });
});

describe('values in the sheet’s own formats', () => {
  it('reads number formats: percent or not, decimals', () => {
    expect([isPercentFormat('0.00%'), isPercentFormat('0%'), isPercentFormat('"%"0.00'), isPercentFormat('0.00'), isPercentFormat(undefined)]).toEqual([true, true, false, false, false]);
    expect([formatDecimals('0.00%'), formatDecimals('#,##0.0'), formatDecimals('0'), formatDecimals(undefined), formatDecimals('@')]).toEqual([2, 1, 0, undefined, undefined]);
    expect(formatCellNumber(0.7256, '0.00%')).toBe('72.56%');
    expect(formatCellNumber(5.5, '0.00')).toBe('5.50');
    expect(formatCellNumber(2 / 3, undefined)).toBe('0.6667');
  });

  it('shows a rate finding as a percentage with the difference visible, and other values plain', () => {
    expect(formatFindingValue(0.725335, { display: 'percent' })).toBe('72.53%');
    expect(formatFindingValue(0.7256, {}, '0%')).toBe('72.56%');
    expect(formatFindingValue(0.75, {})).toBe('0.75');
    expect(formatFindingValue(3.6400000001, {})).toBe('3.64');
    expect(formatFindingValue(null, {})).toBe('—');
    expect(formatFindingValue('{0, 0.5, 1}', {})).toBe('{0, 0.5, 1}');
  });

  it('shows the seed summary’s 得分率 finding as 72.53% against 72.56%, as its message does', async () => {
    const { workbook, result } = await audit('seed003-summary.xlsx');
    const f = result.findings.find((x) => x.code === 'summary.rate' && x.message.includes('72.53%'))!;
    expect(f.display).toBe('percent');
    const numFmt = findingFormat(f, workbook.sheets.find((s) => s.name === f.sheet));
    expect(numFmt).toBe('0.00%');
    expect([formatFindingValue(f.expected, f, numFmt), formatFindingValue(f.actual, f, numFmt)]).toEqual(['72.53%', '72.56%']);
  });
});

describe('得分率 by 一级指标', () => {
  it('sums the leaf indicators of each first-level indicator of the seed scoring tables', async () => {
    const { result } = await audit('seed003-scoring.xlsx');
    const rates = ratesByLevel1(result.tables);
    expect(rates).toHaveLength(4);
    const first = rates[0];
    expect(first.table.sheet).toBe('表1');
    // 表1's weights add up to 40 and its scores to 32.5 (its 合计 row, H16).
    expect(first.levels.reduce((a, l) => a + l.points, 0)).toBeCloseTo(40, 6);
    expect(first.levels.reduce((a, l) => a + l.score, 0)).toBeCloseTo(32.5, 6);
    for (const l of first.levels) expect(l.rate).toBeCloseTo(l.score / l.points, 9);
    expect(first.levels.map((l) => l.name)).toEqual([...new Set(first.table.indicators.map((i) => i.path[0]))]);
  });

  it('leaves out tables that are not scoring tables', () => {
    expect(ratesByLevel1([table('表1', 'A1:D5', 'summary')])).toEqual([]);
  });
});

describe('where the pane runs (no timer decides)', () => {
  it('is browser mode at once without office.js', async () => {
    await expect(detectHost(undefined)).resolves.toEqual({ kind: 'browser', why: 'no-office' });
  });

  it('waits for a slow Office.onReady and then runs in Excel', async () => {
    jest.useFakeTimers();
    try {
      let settled = false;
      const office = { HostType: { Excel: 'Excel' }, context: { displayLanguage: 'zh-CN' }, onReady: () => new Promise<{ host: unknown; platform: unknown }>((r) => setTimeout(() => r({ host: 'Excel', platform: 'PC' }), 30_000)) };
      const decided = detectHost(office).then((r) => {
        settled = true;
        return r;
      });
      await jest.advanceTimersByTimeAsync(10_000);
      // The old pane gave up after 4 s and stayed in browser mode inside Excel.
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(20_000);
      await expect(decided).resolves.toEqual({ kind: 'excel', language: 'zh-CN' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('is browser mode outside Office (onReady without a host), and says which other host it is in', async () => {
    await expect(detectHost({ onReady: async () => ({ host: null, platform: null }) })).resolves.toEqual({ kind: 'browser', why: 'outside-office' });
    await expect(detectHost({ HostType: { Excel: 'Excel' }, onReady: async () => ({ host: 'Word', platform: 'PC' }) })).resolves.toEqual({ kind: 'browser', why: 'other-host', host: 'Word' });
  });
});
