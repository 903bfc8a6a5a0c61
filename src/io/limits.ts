import { WorkbookLimitError } from './errors';

/**
 * Hard limits on what a workbook may cost to read. Real scoring workbooks are far below each
 * (a few thousand cells, a few MB); a file beyond one is refused with a message naming the limit,
 * before the work it would cause is done.
 */
export const LIMITS = {
  /** Bytes of the file itself (read no further than this: /dev/zero is refused, not read forever). */
  inputBytes: 100 * 1024 * 1024,
  /** Entries in the zip directory. */
  zipEntries: 20_000,
  /** Declared uncompressed bytes of all entries together (a zip bomb is refused before inflating). */
  unzippedBytes: 1024 * 1024 * 1024,
  /** Uncompressed bytes of one XML part the reader parses (a sheet, the shared strings). */
  partBytes: 128 * 1024 * 1024,
  /** Cells holding a value or a formula, over all sheets. */
  cells: 2_000_000,
  /** Entries of the shared-string table. */
  sharedStrings: 1_000_000,
  /** Merged areas of one sheet. */
  merges: 200_000,
} as const;

export type LimitName = keyof typeof LIMITS;

const LIMIT_NAMES: Record<LimitName, [string, string]> = {
  inputBytes: ['文件大小上限', 'input file size limit'],
  zipEntries: ['压缩包条目数上限', 'zip entry count limit'],
  unzippedBytes: ['解压后总大小上限', 'total uncompressed size limit'],
  partBytes: ['单个部件解压后大小上限', 'uncompressed part size limit'],
  cells: ['单元格数量上限', 'cell count limit'],
  sharedStrings: ['共享字符串数量上限', 'shared string count limit'],
  merges: ['合并单元格数量上限', 'merged area count limit'],
};

const MB = 1024 * 1024;
const isBytes = (limit: LimitName) => limit === 'inputBytes' || limit === 'unzippedBytes' || limit === 'partBytes';
const amount = (limit: LimitName, n: number) => (isBytes(limit) ? `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB` : n.toLocaleString('en-US'));

/** The error for `actual` exceeding `limit` (actual may be a lower bound: "more than"). */
export function limitExceeded(limit: LimitName, source: string, actual: number | undefined, what = ''): WorkbookLimitError {
  const [zh, en] = LIMIT_NAMES[limit];
  const max = amount(limit, LIMITS[limit]);
  const seen = actual === undefined ? '' : `${amount(limit, actual)}，`;
  const seenEn = actual === undefined ? '' : `${amount(limit, actual)}, `;
  return new WorkbookLimitError(
    limit,
    `${source}${what ? ` 的 ${what}` : ''} 超出${zh}（${seen}上限 ${max}），不予读取`,
    `${source}${what ? ` ${what}` : ''} exceeds the ${en} (${seenEn}limit ${max})`,
  );
}
