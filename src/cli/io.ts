import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { ColumnOverride, ColumnsSyntaxError, parseColumnOverrides } from '../core/layout/overrides';
import { SetAsideCells, WorkbookModel } from '../core/sheet/model';
import type { FileFormat } from '../io/format';
import { LIMITS, limitExceeded } from '../io/limits';
import { readAnyWorkbook } from '../io/read-any';
import { WorkbookReadError } from '../io/reader';
import { CliError } from './errors';
import { nodeInflate } from './inflate';

export { CliError, EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK } from './errors';

const READ_CHUNK = 1 << 20;

/**
 * The file's bytes, read no further than the input limit: a regular file larger than it is
 * refused by its size, a device or pipe (/dev/zero) once the limit is passed.
 */
async function readBounded(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (stat.isFile() && stat.size > LIMITS.inputBytes) throw limitExceeded('inputBytes', basename(file), stat.size);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(READ_CHUNK);
      const { bytesRead } = await handle.read(chunk, 0, READ_CHUNK, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > LIMITS.inputBytes) throw limitExceeded('inputBytes', basename(file), undefined);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

export interface LoadedWorkbook {
  bytes: Uint8Array;
  workbook: WorkbookModel;
  /** What the file is by its content (an .xls, a Word report, …). */
  format: FileFormat;
  /** The .xlsx the annotated copy is made from: the input itself, or one built from the model for .xls/.et/.docx. */
  copyBase(): Promise<Uint8Array>;
}

export async function loadWorkbook(file: string): Promise<LoadedWorkbook> {
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(file);
  } catch (err) {
    if (err instanceof WorkbookReadError) throw new CliError(err.messageZh, err.messageEn);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`找不到文件：${file}`, `file not found: ${file}`);
    if (code === 'EISDIR') throw new CliError(`${file} 是目录，不是 .xlsx 文件`, `${file} is a directory`);
    throw new CliError(`无法读取文件 ${file}（${code ?? String(err)}）`, `cannot read ${file}`);
  }
  try {
    const read = await readAnyWorkbook(bytes, basename(file), undefined, { inflate: nodeInflate });
    const copyBase = async () => (await import('../io/model-to-xlsx')).annotationBase(bytes, read);
    return { bytes, workbook: read.workbook, format: read.format, copyBase };
  } catch (err) {
    if (err instanceof WorkbookReadError) throw new CliError(err.messageZh, err.messageEn);
    throw err;
  }
}

/**
 * --columns "评分表!G=criteria,H=score": the user's roles for columns, each sheet checked against the
 * workbook (a misspelt sheet name is an error, not a silent no-op).
 */
export function columnOverrides(spec: string | undefined, workbook: WorkbookModel): ColumnOverride[] {
  if (spec === undefined) return [];
  let list: ColumnOverride[];
  try {
    list = parseColumnOverrides(spec, workbook.sheets.length === 1 ? workbook.sheets[0].name : undefined);
  } catch (e) {
    if (e instanceof ColumnsSyntaxError) throw new CliError(e.messageZh, e.messageEn);
    throw e;
  }
  for (const o of list) {
    if (!workbook.sheets.some((s) => s.name === o.sheet)) throw new CliError(`--columns 中的工作表“${o.sheet}”不存在（有：${workbook.sheets.map((s) => s.name).join('、')}）`, `--columns names a sheet "${o.sheet}" the workbook does not have`);
  }
  return list;
}

export interface NotExamined extends SetAsideCells {
  sheet: string;
}

/** Cells the model set aside (past Excel's grid, or far outside the other data): they were not checked. */
export function notExamined(workbook: WorkbookModel): NotExamined[] {
  return workbook.sheets.flatMap((s) => s.setAside.map((a) => ({ sheet: s.name, ...a })));
}

/** One sentence per sheet with cells set aside. */
export function notExaminedLines(items: NotExamined[]): string[] {
  const say: Record<NotExamined['reason'], (n: NotExamined) => string> = {
    'beyond-grid': (n) => `超出 Excel 的最大行列范围，文件已部分损坏，这些单元格未读取、未核对。(${n.cells} cells beyond Excel's grid were not read)`,
    'far-from-data': (n) => `远离其余数据，未纳入识别与核对。(${n.cells} cells far outside the other data were not checked)`,
    'hidden-by-merge': (n) => `被合并单元格遮盖（Excel 只显示合并区域左上角的值），未纳入识别与核对。(${n.cells} cells with values are hidden inside merged areas and were not checked)`,
  };
  return items.map((n) => `注意：工作表「${n.sheet}」有 ${n.cells} 个有值的单元格（自 ${n.first} 起）${say[n.reason](n)}`);
}
