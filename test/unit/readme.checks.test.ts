import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_CATALOGUE } from '../../src/core/audit/catalogue';
import * as tolerance from '../../src/core/audit/tolerance';
import { SEVERITY_ZH } from '../../src/io/report';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('\n## Checks\n'), readme.indexOf('\n## ', readme.indexOf('\n## Checks\n') + 1));
/** The rows of README's tables of checks: | `code` | 严重程度 | 名称 |. */
const rows = [...section.matchAll(/^\| `([^`]+)` \| ([^|]+) \| ([^|]+) \|$/gm)].map((m) => ({ code: m[1], severity: m[2].trim(), name: m[3].trim() }));

describe("README's list of checks is the catalogue", () => {
  it('has a Checks section with tables', () => {
    expect(section.length).toBeGreaterThan(0);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('lists every code of the catalogue once, with its severity and Chinese name, and no other', () => {
    const listed = rows.map((r) => r.code);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(Object.keys(FINDING_CATALOGUE).sort());
    for (const r of rows) {
      const e = FINDING_CATALOGUE[r.code as keyof typeof FINDING_CATALOGUE];
      expect({ code: r.code, severity: r.severity, name: r.name }).toEqual({ code: r.code, severity: SEVERITY_ZH[e.severity], name: e.name });
    }
  });

  it('names tolerances that exist', () => {
    const named = [...section.matchAll(/`([A-Z_]+_(?:TOLERANCE|SLACK|NOISE))`/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    for (const n of named) expect(Object.keys(tolerance)).toContain(n);
  });
});
