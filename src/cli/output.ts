import { lstat, mkdir, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './io';

async function statOrUndefined(path: string, follow: boolean): Promise<Stats | undefined> {
  try {
    return follow ? await stat(path) : await lstat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}

const sameFile = (a: Stats, b: Stats): boolean => a.dev === b.dev && a.ino === b.ino;

/**
 * Refuse an --out that is the input by any name (the same path, a symbolic link to it, a hard
 * link of it: device and inode are compared, not paths), a directory, or an existing file unless
 * `force`. Returns the resolved output path.
 */
export async function checkOutputPath(input: string, output: string, force: boolean): Promise<string> {
  const target = resolve(output);
  const inputStat = await statOrUndefined(input, true);
  const followed = await statOrUndefined(target, true);
  const own = await statOrUndefined(target, false);
  const samePath = (await realpath(input).catch(() => resolve(input))) === (await realpath(target).catch(() => target));
  if (samePath || (inputStat && followed && sameFile(inputStat, followed))) {
    throw new CliError(
      `--out 指向输入文件本身（同一路径、符号链接或硬链接）：评分审核从不覆盖原文件`,
      '--out names the input file itself (same path, symbolic or hard link): the input is never overwritten',
    );
  }
  if (followed?.isDirectory()) throw new CliError(`--out 是一个目录：${output}`, `--out is a directory: ${output}`);
  if (own && !force) {
    throw new CliError(`--out 文件已存在：${output}；如确需替换，请加 --force`, `--out already exists: ${output}; add --force to replace it`);
  }
  return target;
}

/**
 * Write through a temporary file in the same folder, then rename it into place: a failed run
 * leaves no half-written copy, and renaming replaces a symbolic link itself, never the file it
 * points to.
 */
export async function writeOutputFile(target: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new CliError(`无法写出 --out 文件 ${target}（${code}）`, `cannot write --out ${target} (${code})`);
  }
}
