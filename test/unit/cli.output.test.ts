import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

const SAMPLE = join(__dirname, '..', '..', 'samples', '韶关绩效评价评分表.xlsx');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** --out is compared with the input by file identity (device + inode), not by path. */
describe('audit --out never replaces its input or an unrelated file', () => {
  let dir: string;
  let input: string;
  let before: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'score-audit-out-'));
    input = join(dir, 'in.xlsx');
    copyFileSync(SAMPLE, input);
    before = sha(input);
  });
  afterEach(() => expect(sha(input)).toBe(before));

  it.each([
    ['the same path', (d: string, i: string) => i],
    ['the same path spelled differently', (d: string) => join(d, '.', 'sub', '..', 'in.xlsx')],
    ['a hard link of the input', (d: string, i: string) => (linkSync(i, join(d, 'hard.xlsx')), join(d, 'hard.xlsx'))],
    ['a symbolic link to the input', (d: string, i: string) => (symlinkSync(i, join(d, 'soft.xlsx')), join(d, 'soft.xlsx'))],
    ['a path through a linked folder', (d: string) => (symlinkSync(d, join(d, 'alias')), join(d, 'alias', 'in.xlsx'))],
  ])('refuses %s, even with --force', async (_name, outOf) => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const out = outOf(dir, input);
    for (const extra of [[], ['--force']]) {
      const r = await run('audit', input, '--out', out, ...extra);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/输入文件本身/);
      expect(r.err).toMatch(/hard link/);
    }
  });

  it('refuses when the input is reached through a hard link and --out is the original name', async () => {
    const link = join(dir, 'link.xlsx');
    linkSync(input, link);
    const r = await run('audit', link, '--out', input, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/输入文件本身/);
  });

  it('refuses to replace an existing file unless --force, then replaces the file and not what a link points to', async () => {
    const other = join(dir, 'other.xlsx');
    writeFileSync(other, 'keep me');
    const refused = await run('audit', input, '--out', other);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/已存在.*--force/);
    expect(readFileSync(other, 'utf8')).toBe('keep me');

    const precious = join(dir, 'precious.txt');
    writeFileSync(precious, 'unrelated');
    const viaLink = join(dir, 'via-link.xlsx');
    symlinkSync(precious, viaLink);
    expect((await run('audit', input, '--out', viaLink)).code).toBe(2);
    const forced = await run('audit', input, '--out', viaLink, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(precious, 'utf8')).toBe('unrelated'); // the link was replaced, not its target
    expect(readFileSync(viaLink).subarray(0, 2).toString()).toBe('PK');

    expect((await run('audit', input, '--out', other, '--force')).code).toBe(0);
    expect(readFileSync(other).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a directory, leaves no temporary file behind, and --force alone is a usage error', async () => {
    const r = await run('audit', input, '--out', dir, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/目录/);
    expect((await run('audit', input, '--force')).code).toBe(2);
    const ok = await run('audit', input, '--out', join(dir, 'new', 'copy.xlsx'));
    expect(ok.code).toBe(0);
    expect(existsSync(join(dir, 'new', 'copy.xlsx'))).toBe(true);
    expect(readdirSync(join(dir, 'new'))).toEqual(['copy.xlsx']);
  });
});
