/**
 * The few functions hosts call: read a workbook into the model (io/), detect its tables,
 * audit them. Nothing here knows which host it runs in.
 */
export * from './sheet';
export * from './values';
export * from './layout/types';
export * from './rules/types';
export * from './audit/types';
export { detectTables, detectWorkbook } from './layout/detect';
export { parseRule } from './rules/parse';
export { auditWorkbook } from './audit/audit';
export type { AuditResult } from './audit/audit';
