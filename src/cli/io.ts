import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { WorkbookModel } from '../core/sheet/model';
import type { FileFormat } from '../io/format';
import { readAnyWorkbook } from '../io/read-any';
import { WorkbookReadError } from '../io/reader';

/** Exit codes: 0 the command ran, 1 findings at or above --fail-on, 2 bad input or usage. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;

export class CliError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
    readonly exitCode = EXIT_BAD_INPUT,
  ) {
    super(`${messageZh} (${messageEn})`);
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
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`找不到文件：${file}`, `file not found: ${file}`);
    if (code === 'EISDIR') throw new CliError(`${file} 是目录，不是 .xlsx 文件`, `${file} is a directory`);
    throw new CliError(`无法读取文件 ${file}（${code ?? String(err)}）`, `cannot read ${file}`);
  }
  try {
    const read = await readAnyWorkbook(bytes, basename(file));
    const copyBase = async () => (await import('../io/model-to-xlsx')).annotationBase(bytes, read);
    return { bytes, workbook: read.workbook, format: read.format, copyBase };
  } catch (err) {
    if (err instanceof WorkbookReadError) throw new CliError(err.messageZh, err.messageEn);
    throw err;
  }
}
