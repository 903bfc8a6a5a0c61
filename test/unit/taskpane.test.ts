/**
 * @jest-environment jsdom
 *
 * The pane's pure logic: which language it speaks, and how findings are grouped and ordered.
 */
import type { Finding, Severity } from '../../src/core/audit/types';
import type { DetectedTable, TableKind } from '../../src/core/layout/types';
import { parseRangeA1 } from '../../src/core/sheet/address';
import {
  countBySeverity,
  findingKey,
  flattenGroups,
  formatValue,
  groupFindings,
  tableKey,
  tableOfFinding,
  worstByCell,
} from '../../src/taskpane/group';
import { formatSize, hostLanguage, pickLocale, stringsFor } from '../../src/taskpane/i18n';

function table(sheet: string, range: string, kind: TableKind = 'scoring'): DetectedTable {
  return { sheet, kind, range: parseRangeA1(range), headerRow: 1, headerRows: 1, columns: {}, dataRows: [], indicators: [], totals: [], groups: [] };
}

function finding(sheet: string, cell: string, severity: Severity, code: Finding['code'] = 'score.not-allowed', tableRange?: string): Finding {
  return { sheet, cell, cells: [cell], code, severity, message: `${sheet}!${cell} ${code}`, expected: 1, actual: 0.75, rule: '得1分', ...(tableRange ? { table: tableRange } : {}) };
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

describe('grouping findings', () => {
  const t1 = table('表1', 'A2:I16');
  const t2 = table('表1', 'A20:E30', 'summary');
  const t3 = table('表2', 'B3:H40');
  const tables = [t1, t2, t3];

  it('groups by table in detection order, then by severity (errors first), then by row and column', () => {
    const findings = [
      finding('表2', 'H10', 'warning', 'reason.deduction-mismatch', 'B3:H40'),
      finding('表1', 'H12', 'info', 'rule.not-understood', 'A2:I16'),
      finding('表1', 'H8', 'error', 'score.not-allowed', 'A2:I16'),
      finding('表1', 'G7', 'error', 'rule.parts-sum', 'A2:I16'),
      finding('表1', 'C25', 'error', 'summary.total', 'A20:E30'),
      finding('表1', 'H9', 'warning', 'reason.deduction-mismatch', 'A2:I16'),
      finding('表1', 'AA8', 'error', 'score.above-weight', 'A2:I16'),
      finding('表1', 'B8', 'error', 'cell.not-a-number', 'A2:I16'),
    ];
    const groups = groupFindings(tables, findings);
    expect(groups.map((g) => g.key)).toEqual(['表1!A2:I16', '表1!A20:E30', '表2!B3:H40']);
    expect(groups[0].table).toBe(t1);
    expect(groups[0].count).toBe(6);
    expect(groups[0].severities.map((s) => s.severity)).toEqual(['error', 'warning', 'info']);
    expect(groups[0].severities[0].findings.map((f) => f.cell)).toEqual(['G7', 'B8', 'H8', 'AA8']);
    expect(flattenGroups(groups).map((f) => f.cell)).toEqual(['G7', 'B8', 'H8', 'AA8', 'H9', 'H12', 'C25', 'H10']);
    // Nothing lost, nothing doubled.
    expect(flattenGroups(groups).map(findingKey).sort()).toEqual(findings.map(findingKey).sort());
  });

  it('leaves out tables without findings', () => {
    const groups = groupFindings(tables, [finding('表2', 'C5', 'info', 'rule.not-understood', 'B3:H40')]);
    expect(groups.map((g) => g.key)).toEqual(['表2!B3:H40']);
  });

  it('orders findings of one cell by check code', () => {
    const groups = groupFindings(tables, [finding('表1', 'H18', 'error', 'score.not-allowed', 'A2:I16'), finding('表1', 'H18', 'error', 'reason.deduction-mismatch', 'A2:I16')]);
    expect(groups[0].severities[0].findings.map((f) => f.code)).toEqual(['reason.deduction-mismatch', 'score.not-allowed']);
  });

  it('places a finding without a table range by its cell, and puts findings outside every table last, by sheet', () => {
    const inside = finding('表2', 'D7', 'error');
    const cross1 = finding('汇总', 'C4', 'error', 'summary.total');
    const cross2 = finding('表1', 'Z99', 'warning', 'formula.typed-total');
    const named = finding('表3', 'D4', 'info', 'rule.not-understood', 'A1:F9');
    expect(tableOfFinding(inside, tables)).toBe(t3);
    expect(tableOfFinding(cross1, tables)).toBeUndefined();
    const groups = groupFindings(tables, [cross1, named, inside, cross2], ['表1', '表2', '表3', '汇总']);
    expect(groups.map((g) => g.key)).toEqual(['表2!B3:H40', '表1!', '表3!A1:F9', '汇总!']);
    expect(groups[1].table).toBeUndefined();
    expect(groups[2].range).toBe('A1:F9');
  });

  it('prefers the table the finding names over another table holding the cell', () => {
    const overlapping = [table('表1', 'A1:J40'), table('表1', 'A2:I16')];
    const f = finding('表1', 'H8', 'error', 'score.not-allowed', 'A2:I16');
    expect(tableOfFinding(f, overlapping)).toBe(overlapping[1]);
    expect(groupFindings(overlapping, [f])[0].key).toBe(tableKey(overlapping[1]));
  });

  it('counts by severity and finds the worst severity on each cell', () => {
    const findings = [finding('表1', 'H8', 'warning'), { ...finding('表1', 'H9', 'error'), cells: ['H9', 'H8'] }, finding('表1', 'H10', 'info')];
    expect(countBySeverity(findings)).toEqual({ error: 1, warning: 1, info: 1 });
    const worst = worstByCell(findings);
    expect(worst.get('表1!H8')).toBe('error');
    expect(worst.get('表1!H10')).toBe('info');
  });

  it('formats expected and actual values', () => {
    expect(formatValue(0.75)).toBe('0.75');
    expect(formatValue(3.6400000001)).toBe('3.64');
    expect(formatValue(null)).toBe('—');
    expect(formatValue('{0, 0.5, 1}')).toBe('{0, 0.5, 1}');
  });
});
