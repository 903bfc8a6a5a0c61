/**
 * PERF formulas and signatures built from the function table (metadata.ts): the review columns
 * write these formulas, the help shows these signatures, so neither can name a function Excel
 * does not know or leave out a required argument.
 */
import { MetadataLanguage, PERF_NAMESPACE, perfFunction, PerfId } from './metadata';

/**
 * "=PERF.RULESCORE(E5,D5,H5)". Trailing omitted optional arguments are dropped; a missing
 * required argument, an omitted argument before a given one, or one argument too many is a
 * programming error and throws.
 */
export function perfFormula(id: PerfId, args: ReadonlyArray<string | undefined>): string {
  const f = perfFunction(id);
  if (args.length > f.parameters.length) throw new Error(`PERF.${id} takes at most ${f.parameters.length} arguments, got ${args.length}`);
  let last = args.length;
  while (last > 0 && !args[last - 1]) last--;
  const given = args.slice(0, last);
  f.parameters.forEach((param, i) => {
    if (!given[i] && (!param.optional || i < last)) throw new Error(`PERF.${id}: argument ${i + 1} (${param.name.en}) is missing`);
  });
  return `=${PERF_NAMESPACE}.${id}(${given.join(',')})`;
}

/** "PERF.CHECK(评分标准, 分值, 得分, [评分理由])": how the help shows a function. */
export function perfSignature(id: PerfId, lang: MetadataLanguage): string {
  const f = perfFunction(id);
  const params = f.parameters.map((x) => (x.optional ? `[${x.name[lang]}]` : x.name[lang]));
  return `${PERF_NAMESPACE}.${id}(${params.join(', ')})`;
}

/** The help's example formula of a function (from its example arguments). */
export function perfExample(id: PerfId): string {
  return perfFormula(id, perfFunction(id).example);
}
