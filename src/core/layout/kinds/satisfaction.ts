import { numberAt } from '../../values/cell';
import { defaultAnswerWeights } from '../vocabulary';
import { Assembler, HeaderFacts, simpleIndicators } from './shared';

/** Satisfaction tables (满意度调查): one column per answer (非常满意 … 不满意) and the rate. */
export function isSatisfaction(f: HeaderFacts): boolean {
  return f.answerCount >= 2;
}

export const assembleSatisfaction: Assembler<'satisfaction'> = ({ sheet, header, body, base }) => {
  const columns = { ...base.columns };
  columns.name ??= columns.label ?? header.left;
  delete columns.label;
  const weights = defaultAnswerWeights(header.answers.map((a) => a.label));
  const answers = header.answers.map((a, i) => ({ label: a.label, col: a.col, weight: weights[i] }));
  const indicators = simpleIndicators(sheet, body.dataRows, columns.name, undefined, undefined, (row) => header.answers.some((a) => numberAt(sheet, row, a.col) !== undefined));
  return { ...base, kind: 'satisfaction', columns, answers, indicators };
};
