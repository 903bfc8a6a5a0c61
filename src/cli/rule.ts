import { parseArgs } from 'node:util';
import { formatAllowed, parseRule, ParsedRule, ruleToJSON, treeLines } from '../core/rules';
import { parseNumber } from '../core/values/number';
import { coverage } from './coverage';
import { CliError, EXIT_OK, loadWorkbook } from './io';

/**
 * One measured value as the rule's quantity takes it: "85%" → 0.85, "0.85", "7" (a rank, a count),
 * "2个百分点"/"2pp" → 0.02. A plain number above 2 for a percentage is read as a percentage, and said.
 */
function valueFor(text: string, rule: ParsedRule | undefined): { value: number; note?: string } {
  const t = text.trim();
  const pp = /^([+-]?\d+(?:\.\d+)?)\s*(个百分点|百分点|pp)$/i.exec(t);
  if (pp) return { value: Number(pp[1]) / 100 };
  const n = parseNumber(t);
  if (!n || !/^[+-]?[\d.,]+\s*[%％]?$/.test(t)) throw new CliError(`--value 不是数值：${text}`, `--value is not a number: ${text}`);
  const rate = rule?.quantity && (rule.quantity.unit === '%' || rule.quantity.unit === '个百分点');
  if (rate && !n.percent && n.value > 2) return { value: n.value / 100, note: `“${t}”按 ${t}% 理解（${rule!.quantity!.name}为百分比）` };
  return { value: n.value };
}

const KIND: Record<string, string> = { level: '实际值', gap: '差距（0 为满分）', rank: '名次（1 为最好）', count: '次数（0 为满分）' };

export async function runRule(args: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      points: { type: 'string' },
      value: { type: 'string' },
      json: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      coverage: { type: 'string' },
    },
  });
  if (values.coverage !== undefined) return runCoverage(values.coverage, values.json ?? false, out);
  if (positionals.length !== 1) throw new CliError('rule 需要一段评分标准文字作为参数', 'rule takes the rule TEXT as one argument');
  if (values.points === undefined) throw new CliError('rule 需要 --points 指标分值', 'rule needs --points');
  const points = parseNumber(values.points);
  if (!points || points.value <= 0) throw new CliError(`--points 应为正数：${values.points}`, `--points must be a positive number`);
  const rule = parseRule(positionals[0], points.value);
  const parsed = rule.parsed ? rule : undefined;
  // Several values ("1,0.9,87%") for a rule of several items.
  const inputs = values.value !== undefined ? values.value.split(/[,，;；\s]+/).filter(Boolean).map((v) => valueFor(v, parsed)) : undefined;
  const score = parsed && inputs && parsed.inputs > 0 ? parsed.score(inputs.length === 1 ? inputs[0].value : inputs.map((v) => v.value)) : null;
  if (values.json) {
    out(JSON.stringify({ ...ruleToJSON(rule), ...(inputs ? { value: inputs.length === 1 ? inputs[0].value : inputs.map((v) => v.value) } : {}), score }));
    return EXIT_OK;
  }
  if (!parsed) {
    out(`未能识别该评分标准：${rule.parsed ? '' : rule.reason}`);
    for (const u of rule.parsed ? [] : rule.unread ?? []) out(`  未读懂：第 ${u.start + 1}–${u.end} 字“${u.text}”（${u.reason}）`);
    out(`可得分范围按 [0, ${points.value}] 处理，核对时会提示“评分标准未能识别”。`);
    return EXIT_OK;
  }
  out(`识别为：${parsed.kinds.join(' + ')}`);
  out(`说明：${parsed.explanation}`);
  out(`允许得分：${formatAllowed(parsed.allowed)}`);
  if (parsed.quantity) {
    const q = parsed.quantity;
    out(`计分依据的数值：${q.name}（${KIND[q.kind]}，${q.unit === '%' ? '百分比，0.85 或 85% 均可' : q.unit === '个百分点' ? '以小数表示，2个百分点 = 0.02' : `单位：${q.unit || '无'}`}；${q.direction === 'higher' ? '越高越好' : '越低越好'}${q.target !== undefined ? `；满分线 ${q.unit === '%' ? `${Number((q.target * 100).toFixed(4))}%` : q.target}` : ''}）`);
  } else out('该规则没有按数值计分的公式，只核对可得分值。');
  if (values.explain) {
    out('解析树：');
    for (const line of treeLines(parsed.tree!)) out(line);
  } else for (const c of parsed.clauses) out(`  · [${c.kind}] ${c.text}${c.points !== undefined ? `（${c.points} 分）` : ''}`);
  if (inputs) {
    for (const v of inputs) if (v.note) out(v.note);
    out(score === null ? `该规则没有给出 ${values.value} 对应的得分` : `${parsed.inputLabel ?? '输入'} = ${values.value} → 得分 ${Number(score.toFixed(4))}`);
  }
  return EXIT_OK;
}

async function runCoverage(file: string, json: boolean, out: (s: string) => void): Promise<number> {
  const { workbook } = await loadWorkbook(file);
  const { cells, tables } = coverage(workbook);
  if (json) {
    out(JSON.stringify({ file: workbook.source, tables, notUnderstood: cells.filter((c) => !c.parsed) }));
    return EXIT_OK;
  }
  if (tables.length === 0) {
    out(`${workbook.source}：未识别到评分表，没有可核对的评分标准。`);
    return EXIT_OK;
  }
  for (const t of tables) {
    const head = `${workbook.source} ${t.sheet}!${t.table}${t.title ? ` «${t.title}»` : ''}`;
    if (!t.hasCriteria) {
      out(`${head}：没有评分标准列，${t.indicators} 个指标的得分未按规则核对`);
      continue;
    }
    const filled = t.read + t.notUnderstood;
    out(`${head}：${t.indicators} 个指标，评分标准已识别 ${t.read} 个、未能识别 ${t.notUnderstood} 个、空白 ${t.empty} 个${filled > 0 ? `（已识别 ${((t.read / filled) * 100).toFixed(1)}%）` : ''}`);
    for (const c of cells.filter((x) => x.table === t.table && x.sheet === t.sheet && !x.parsed)) out(`  未识别 ${c.sheet}!${c.cell}：${c.text.replace(/\s+/g, ' ').slice(0, 60)}（${c.reason}）`);
  }
  return EXIT_OK;
}
