import { auditWorkbook, AuditResult } from '../../src/core/audit/audit';
import { FINDING_CATALOGUE, FindingCode } from '../../src/core/audit/catalogue';
import { readWorkbook } from '../../src/io/reader';
import { DEPTH_CASES } from '../fixtures/depth-faults';

async function audit(wb: import('exceljs').Workbook, name: string): Promise<AuditResult> {
  const buf = await wb.xlsx.writeBuffer();
  return auditWorkbook(await readWorkbook(new Uint8Array(buf as ArrayBuffer), `${name}.xlsx`));
}

const place = (f: { sheet: string; cell: string; code: string }) => `${f.sheet}!${f.cell} ${f.code}`;

/** Each depth check on a public table: the fault twin gives the finding, the clean twin does not; nothing else is an error. */
describe.each(DEPTH_CASES.map((c) => [c.name, c] as const))('%s', (_n, c) => {
  let faulty: AuditResult;
  let clean: AuditResult;
  beforeAll(async () => {
    faulty = await audit(c.build(true), `${c.name}-fault`);
    clean = await audit(c.build(false), `${c.name}-clean`);
  });

  it(`reports ${c.expect.code} at ${c.expect.sheet}!${c.expect.cell} (${c.fault})`, () => {
    const hit = faulty.findings.find((f) => f.sheet === c.expect.sheet && f.cell === c.expect.cell && f.code === c.expect.code);
    expect(hit).toBeDefined();
    if (typeof c.expect.expected === 'number') expect(Number(hit!.expected)).toBeCloseTo(c.expect.expected, 4);
    else if (c.expect.expected !== undefined) expect(hit!.expected).toBe(c.expect.expected);
    expect(hit!.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(hit!.messageEn).toMatch(/[a-z]/);
    for (const code of c.not ?? []) expect(faulty.findings.filter((f) => f.sheet === c.expect.sheet && f.cell === c.expect.cell && f.code === code)).toEqual([]);
  });

  it('the clean twin does not', () => {
    expect(clean.findings.filter((f) => f.code === c.expect.code).map(place)).toEqual([]);
  });

  it('no other error in either twin', () => {
    const allowed = new Set([place(c.expect), ...(c.known ?? [])]);
    expect(faulty.findings.filter((f) => f.severity === 'error' && !allowed.has(place(f))).map((f) => `${place(f)}: ${f.message}`)).toEqual([]);
    expect(clean.findings.filter((f) => f.severity === 'error' && !(c.known ?? []).includes(place(f))).map((f) => `${place(f)}: ${f.message}`)).toEqual([]);
  });

  it('the fault is one finding on its cell', () => {
    const cause = FINDING_CATALOGUE[c.expect.code as FindingCode].cause;
    const same = faulty.findings.filter((f) => f.sheet === c.expect.sheet && f.cell === c.expect.cell && (f.code === c.expect.code || (cause !== undefined && FINDING_CATALOGUE[f.code].cause === cause)));
    expect(same.map(place)).toEqual([place(c.expect)]);
  });
});
