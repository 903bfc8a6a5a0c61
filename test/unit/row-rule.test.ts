import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditWorkbook } from '../../src/core/audit/audit';
import { rowProblems } from '../../src/core/audit/row-rule';
import { parseRule } from '../../src/core/rules';
import { checkOf } from '../../src/core/rules/sheet-functions';
import { a1 } from '../../src/core/sheet/address';
import { readWorkbook } from '../../src/io/reader';

const SATISFACTION = '1.满意率≥90%，2分；\n2.满意率低于90%，本指标得分=（满意率-60%）/(90%-60%)×2分；\n3.满意率低于60%，不得分。';

function check(rule: string, points: number, score: number, reason?: string): string {
  const r = checkOf(rule, points, score, reason);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('one set of row checks for the audit and PERF.CHECK', () => {
  test('a rate quoted with its rounding: "满意率为89%" allows 1.90–1.97, both say so', () => {
    expect(check(SATISFACTION, 2, 1.96, '满意率为89%')).toBe('');
    expect(check(SATISFACTION, 2, 1.8, '满意率为89%')).toMatch(/满意率 89%.*应得 1\.9333 分/);
    const rule = parseRule(SATISFACTION, 2);
    expect(rowProblems({ rule, weight: 2, score: 1.96, reason: '满意率为89%' })).toEqual([]);
    expect(rowProblems({ rule, weight: 2, score: 1.8, reason: '满意率为89%' }).map((p) => p.code)).toEqual(['score.rate-contradiction']);
  });

  test('every seed scoring row: PERF.CHECK reports exactly when the audit finds a row problem', async () => {
    const file = join(__dirname, '..', 'fixtures', 'xlsx', 'seed003-scoring-filled.xlsx');
    const wb = await readWorkbook(readFileSync(file), file);
    const result = auditWorkbook(wb);
    const rowCodes = new Set(['rule.not-understood', 'rule.parts-sum', 'rule.max-mismatch', 'score.not-allowed', 'score.partial-under-binary', 'score.step-fraction', 'score.rate-contradiction', 'reason.deduction-mismatch']);
    let rows = 0;
    let flagged = 0;
    for (const t of result.tables) {
      if (t.kind !== 'scoring') continue;
      const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
      const { criteria, score, reason } = t.columns;
      for (const ind of t.indicators) {
        if (ind.weight === undefined || ind.score === undefined || criteria === undefined || score === undefined) continue;
        // A reason merged over several rows is checked against their totals, which one cell cannot see.
        if (reason !== undefined && (sheet.mergeAt(ind.row, reason)?.bottom ?? ind.row) !== ind.row) continue;
        rows++;
        const text = sheet.text(ind.row, criteria);
        const cellProblem = check(text, ind.weight, ind.score, reason !== undefined ? sheet.text(ind.row, reason) : undefined);
        const auditProblem = result.findings.some((f) => f.sheet === t.sheet && rowCodes.has(f.code) && (f.cell === a1(ind.row, score) || f.cell === a1(ind.row, criteria)));
        if (auditProblem) flagged++;
        expect({ row: `${t.sheet}!${ind.row}`, flagged: cellProblem !== '' }).toEqual({ row: `${t.sheet}!${ind.row}`, flagged: auditProblem });
      }
    }
    expect(rows).toBeGreaterThan(40);
    expect(flagged).toBeGreaterThan(3);
  });
});
