import { parseArgs } from 'node:util';
import { formatAllowed, parseRule, ruleToJSON } from '../core/rules';
import { parseNumber } from '../core/values/number';
import { ruleCells } from './coverage';
import { CliError, EXIT_OK, loadWorkbook } from './io';

/** "0.8787", "87.87%", or several values "1,0.9,87%" for multi-item rules. */
function parseValues(text: string): number[] {
  return text.split(/[,，;；\s]+/).filter(Boolean).map((part) => {
    const n = parseNumber(part);
    if (!n) throw new CliError(`--value 不是数值：${part}`, `--value is not a number: ${part}`);
    return n.value;
  });
}

export async function runRule(args: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { points: { type: 'string' }, value: { type: 'string' }, json: { type: 'boolean', default: false }, coverage: { type: 'string' } },
  });
  if (values.coverage !== undefined) return runCoverage(values.coverage, values.json ?? false, out);
  if (positionals.length !== 1) throw new CliError('rule 需要一段评分标准文字作为参数', 'rule takes the rule TEXT as one argument');
  if (values.points === undefined) throw new CliError('rule 需要 --points 指标分值', 'rule needs --points');
  const points = parseNumber(values.points);
  if (!points || points.value <= 0) throw new CliError(`--points 应为正数：${values.points}`, `--points must be a positive number`);
  const rule = parseRule(positionals[0], points.value);
  const inputs = values.value !== undefined ? parseValues(values.value) : undefined;
  const score = rule.parsed && inputs && rule.inputs > 0 ? rule.score(inputs.length === 1 ? inputs[0] : inputs) : null;
  if (values.json) {
    out(JSON.stringify({ ...ruleToJSON(rule), score }));
    return EXIT_OK;
  }
  if (!rule.parsed) {
    out(`未能识别该评分标准：${rule.reason}`);
    out(`可得分范围按 [0, ${points.value}] 处理，核对时会提示“未识别”。`);
    return EXIT_OK;
  }
  out(`识别为：${rule.kinds.join(' + ')}`);
  out(`说明：${rule.explanation}`);
  out(`允许得分：${formatAllowed(rule.allowed)}`);
  for (const c of rule.clauses) out(`  · [${c.kind}] ${c.text}${c.points !== undefined ? `（${c.points} 分）` : ''}`);
  if (inputs) out(score === null ? `该规则没有给出 ${values.value} 对应的得分公式` : `${rule.inputLabel ?? '输入'} = ${values.value} → 得分 ${Number(score.toFixed(4))}`);
  return EXIT_OK;
}

async function runCoverage(file: string, json: boolean, out: (s: string) => void): Promise<number> {
  const { workbook } = await loadWorkbook(file);
  const cells = ruleCells(workbook);
  const understood = cells.filter((c) => c.parsed).length;
  const ratio = cells.length === 0 ? 1 : understood / cells.length;
  if (json) {
    out(JSON.stringify({ file: workbook.source, total: cells.length, understood, coverage: Number(ratio.toFixed(4)), notUnderstood: cells.filter((c) => !c.parsed) }));
    return EXIT_OK;
  }
  out(`${workbook.source}：评分标准单元格 ${cells.length} 个，已识别 ${understood} 个（${(ratio * 100).toFixed(1)}%）`);
  for (const c of cells.filter((x) => !x.parsed)) out(`  未识别 ${c.sheet}!${c.cell}：${c.text.replace(/\s+/g, ' ').slice(0, 60)}（${c.reason}）`);
  return EXIT_OK;
}
