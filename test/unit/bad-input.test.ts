import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { AuditJSON, BAD_CASES } from '../fixtures/bad/corpus';

const dir = mkdtempSync(join(tmpdir(), 'score-audit-bad-'));

/** Each file of the corpus: findings or a clear sentence, never a crash, within seconds, input untouched. */
describe.each(BAD_CASES.map((c) => [c.file, c] as const))('%s', (_f, c) => {
  it('gives findings or a clear message, and leaves the file as it was', async () => {
    const file = join(dir, c.file);
    writeFileSync(file, await c.build());
    const hash = () => createHash('sha256').update(readFileSync(file)).digest('hex');
    const before = hash();
    const out: string[] = [];
    const err: string[] = [];
    const started = Date.now();
    const code = await main(['audit', file, '--json'], (s) => out.push(s), (s) => err.push(s));
    // A guard against a hang, not a benchmark: the budget is several times the time it takes.
    expect(Date.now() - started).toBeLessThan(c.budgetMs ?? 20_000);
    expect(err.join('\n')).not.toMatch(/内部错误|internal error/);
    if (c.outcome.kind === 'message') {
      expect(code).toBe(2);
      expect(err.join('\n')).toMatch(c.outcome.pattern);
    } else {
      expect(code).toBe(0);
      const json = JSON.parse(out.join('')) as AuditJSON;
      c.outcome.check?.(json);
    }
    expect(hash()).toBe(before);
  }, 120_000);
});
