export * from './types';
export { parseRule, parseRuleUncached, clearRuleCache, ruleCacheSize } from './parse';
export { isScoreAllowed, formatAllowed, ruleToJSON, treeLines } from './explain';
export type { RuleJSON } from './explain';
export { gradeIn, gradeOf, gradeSchemeOf, GRADE_SCHEMES } from './grade';
export type { GradeScheme, GradeSchemeInfo } from './grade';
export { normalizeIntervals } from './intervals';
