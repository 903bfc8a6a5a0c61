/**
 * No regular expression of src/ backtracks catastrophically on untrusted text. Every regex
 * literal (found in the TypeScript syntax tree) and every RegExp the code builds at run time
 * (captured while the audit reads real workbooks) is run against strings pumped from its own
 * characters under a time budget, and none may nest an unbounded quantifier over a quantifier
 * unless it is listed below as unambiguous, with the reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FoundRegex, nestedQuantifiers, regexLiterals, timeEach } from '../helpers/regex-safety';

const ROOT = join(__dirname, '..', '..');
/** Directories of src/ whose patterns are not gated (none: the rule reader's are gated too). */
const EXCLUDED: string[] = [];
/** Pumped strings of this length: a linear pattern takes well under a millisecond, a quadratic one seconds. */
const INPUT_LENGTH = 60_000;
/** A guard, not a benchmark: the slowest linear pattern here takes ~5 ms on a busy machine. */
const BUDGET_MS = 250;
/** A pattern still running after this is stopped (its worker terminated) and reported. */
const DEADLINE_MS = 5_000;

/** Nested quantifiers that cannot backtrack: each repetition starts with a character the inner part cannot match. */
const UNAMBIGUOUS: Record<string, string> = {
  '(\\+[A-Z]{1,3}\\d+)+': 'every repetition starts with "+", which neither [A-Z] nor \\d matches',
  '(?:[.\\-][0-9]+)*': 'every repetition starts with "." or "-", which [0-9] does not match',
  '(?:,\\d{3})+': 'every repetition starts with ",", which \\d does not match',
  '(?:,\\d{3})*': 'every repetition starts with ",", which \\d does not match',
  '(?:[-－—–.．][0-9０-９]+)*': 'every repetition starts with a dash or a dot, which [0-9０-９] does not match',
};

const excluded = (where: string) => EXCLUDED.some((dir) => where.startsWith(dir));

/** RegExps built at run time: the constructor is watched while the modules load and audit the sample and the fixtures. */
async function capturedAtRunTime(): Promise<FoundRegex[]> {
  const found: FoundRegex[] = [];
  const Native = global.RegExp;
  global.RegExp = new Proxy(Native, {
    construct(target, args: [string | RegExp, string?]) {
      const re = Reflect.construct(target, args) as RegExp;
      const frame = (new Error().stack ?? '').split('\n').slice(2).find((l) => l.includes(`${ROOT}/src/`));
      if (frame) found.push({ source: re.source, flags: re.flags, where: /\((.*):\d+:\d+\)$|at (.*):\d+:\d+$/.exec(frame.trim())?.slice(1).find(Boolean)?.replace(`${ROOT}/`, '') ?? frame });
      return re;
    },
  });
  try {
    let modules: { readWorkbook: typeof import('../../src/io/reader').readWorkbook; auditWorkbook: typeof import('../../src/core/audit/audit').auditWorkbook } | undefined;
    jest.isolateModules(() => {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const { readWorkbook } = require('../../src/io/reader') as typeof import('../../src/io/reader');
      const { auditWorkbook } = require('../../src/core/audit/audit') as typeof import('../../src/core/audit/audit');
      require('../../src/io/annotate');
      require('../../src/cli/main');
      /* eslint-enable @typescript-eslint/no-require-imports */
      modules = { readWorkbook, auditWorkbook };
    });
    const files = ['samples/韶关绩效评价评分表.xlsx', 'test/fixtures/xlsx/seed000.xlsx', 'test/fixtures/xlsx/selfeval-faulty.xlsx', 'test/fixtures/xlsx/seed003-completion.xlsx', 'test/fixtures/bad/odd-rule-texts.xlsx', 'test/fixtures/bad/percent-text-and-number.xlsx'];
    for (const f of files) modules!.auditWorkbook(await modules!.readWorkbook(readFileSync(join(ROOT, f)), f));
  } finally {
    global.RegExp = Native;
  }
  return found;
}

function unique(list: FoundRegex[]): FoundRegex[] {
  const seen = new Set<string>();
  return list.filter((r) => !seen.has(`${r.source}/${r.flags}`) && seen.add(`${r.source}/${r.flags}`));
}

const { literals, dynamic } = regexLiterals(ROOT, 'src');

describe('regular expressions of src/ on adversarial strings', () => {
  let runTime: FoundRegex[] = [];
  beforeAll(async () => {
    runTime = await capturedAtRunTime();
  });

  it('finds the patterns (literals and the ones built at run time)', () => {
    expect(literals.length).toBeGreaterThan(100);
    // Every file that builds a RegExp from variables (outside the excluded folder) was seen doing so.
    const files = new Set(dynamic.filter((w) => !excluded(w)).map((w) => w.split(':')[0]));
    const seen = new Set(runTime.map((r) => r.where.split(':')[0]));
    expect([...files].filter((f) => !seen.has(f))).toEqual([]);
  });

  it('nest no unbounded quantifier over a quantifier, except the unambiguous ones listed', () => {
    const nested = unique([...literals, ...runTime])
      .filter((r) => !excluded(r.where))
      .flatMap((r) => nestedQuantifiers(r.source).filter((n) => !(n in UNAMBIGUOUS)).map((n) => `${r.where}: ${n}`));
    expect(nested).toEqual([]);
  });

  it(`run each within ${BUDGET_MS} ms on pumped strings of ${INPUT_LENGTH} characters`, async () => {
    const patterns = unique([...literals, ...runTime]).filter((r) => !excluded(r.where));
    const runs = await timeEach(patterns.map((r) => new RegExp(r.source, r.flags)), INPUT_LENGTH, DEADLINE_MS);
    const slow = patterns.flatMap((r, i) => (runs[i].ms > BUDGET_MS ? [`${r.where} /${r.source}/ ${runs[i].ms.toFixed(0)} ms on ${runs[i].input}`] : []));
    expect(slow).toEqual([]);
  }, 180_000);

  it('the check itself catches the known shapes: quadratic and exponential backtracking', async () => {
    expect(nestedQuantifiers('(a+)+$')).toEqual(['(a+)+']);
    expect(nestedQuantifiers('(?:\\s*\\d+\\s*年)+的')).toEqual(['(?:\\s*\\d+\\s*年)+']);
    expect(nestedQuantifiers('(\\d{2})?x')).toEqual([]);
    const [exponential, quadratic, linear] = await timeEach([/(a+)+$/, /\s*<mergeCell[^>]*\/>/g, /<mergeCell\s/g], INPUT_LENGTH, DEADLINE_MS);
    expect(exponential.ms).toBe(Infinity); // stopped at the deadline
    expect(quadratic.ms).toBeGreaterThan(BUDGET_MS);
    expect(linear.ms).toBeLessThan(BUDGET_MS);
  }, 60_000);
});
