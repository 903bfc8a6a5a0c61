/** The PERF function ids, which are also their names (see metadata.ts). Apart so that functions.js does not carry the help texts. */
export const PERF_IDS = ['COMPLETION', 'LINEAR', 'SATISFACTION', 'RULESCORE', 'CHECK', 'GRADE', 'RATE', 'WEIGHTED'] as const;
export type PerfId = (typeof PERF_IDS)[number];
