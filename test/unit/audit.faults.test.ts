import { auditWorkbook } from '../../src/core/audit/audit';
import { readWorkbook } from '../../src/io/reader';
import { FAULT_CASES } from '../fixtures/faults';

/** Each check finds its own injected fault, on the right cell, and no error elsewhere. */
describe.each(FAULT_CASES.map((c) => [c.name, c] as const))('fault %s', (_name, fault) => {
  let result: ReturnType<typeof auditWorkbook>;
  beforeAll(async () => {
    const buf = await fault.build().xlsx.writeBuffer();
    result = auditWorkbook(await readWorkbook(new Uint8Array(buf as ArrayBuffer), `${fault.name}.xlsx`));
  });

  it(`reports ${fault.expect.code} at ${fault.expect.sheet}!${fault.expect.cell}`, () => {
    const hit = result.findings.find((f) => f.code === fault.expect.code && f.sheet === fault.expect.sheet && f.cell === fault.expect.cell);
    expect(hit).toBeDefined();
    if (fault.expect.expected !== undefined) {
      if (typeof fault.expect.expected === 'number') expect(Number(hit!.expected)).toBeCloseTo(fault.expect.expected, 4);
      else expect(hit!.expected).toBe(fault.expect.expected);
    }
    expect(hit!.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(hit!.rule.length).toBeGreaterThan(0);
  });

  it('reports no other error', () => {
    const allowed = [fault.expect, ...(fault.consequences ?? [])];
    const others = result.findings.filter((f) => f.severity === 'error' && !allowed.some((a) => f.cell === a.cell && f.code === a.code));
    // Only the injected fault and what follows from it by arithmetic; everything else must be clean.
    expect(others.map((f) => `${f.sheet}!${f.cell} ${f.code}: ${f.message}`)).toEqual([]);
  });
});
