/**
 * The optional LibreOffice route (`batch --convert`): formats the readers do not take (.ods,
 * .doc/.wps, .odt) are converted headless to .xlsx or .docx first. Without LibreOffice the
 * message says how to install it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { promisify } from 'node:util';
import type { FormatKind } from '../io/format';
import { WorkbookReadError } from '../io/reader';

const run = promisify(execFile);

/** What each convertible format becomes, and the Debian package LibreOffice needs for it. */
const TARGETS: Partial<Record<FormatKind, { to: 'xlsx' | 'docx'; apt: string }>> = {
  ods: { to: 'xlsx', apt: 'libreoffice-calc-nogui' },
  doc: { to: 'docx', apt: 'libreoffice-writer-nogui' },
  odt: { to: 'docx', apt: 'libreoffice-writer-nogui' },
};

export const CONVERTIBLE: ReadonlySet<FormatKind> = new Set(Object.keys(TARGETS) as FormatKind[]);

/** One conversion may take this long (LibreOffice starts in about a second). */
const CONVERT_TIMEOUT_MS = 120_000;

export function findSoffice(path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    const candidate = join(dir, 'soffice');
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** One LibreOffice profile per worker process: two instances sharing one refuse to start. */
let profile: Promise<string> | undefined;

export async function convertWithLibreOffice(path: string, kind: FormatKind): Promise<Uint8Array> {
  const target = TARGETS[kind];
  if (!target) throw new Error(`no conversion for ${kind}`);
  const soffice = findSoffice();
  if (!soffice) {
    throw new WorkbookReadError(
      `--convert 需要 LibreOffice，但本机未安装：请运行 apt-get install ${target.apt}（Debian/Ubuntu），或把文件另存为 .${target.to}`,
      `--convert needs LibreOffice, which is not installed: run apt-get install ${target.apt} (Debian/Ubuntu), or save the file as .${target.to}`,
    );
  }
  profile ??= mkdtemp(join(tmpdir(), 'score-audit-lo-'));
  const out = await mkdtemp(join(tmpdir(), 'score-audit-convert-'));
  try {
    await run(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${await profile}`, '--convert-to', target.to, '--outdir', out, path], { timeout: CONVERT_TIMEOUT_MS });
    const converted = join(out, `${basename(path, extname(path))}.${target.to}`);
    if (!existsSync(converted)) {
      throw new WorkbookReadError(
        `LibreOffice 未能转换 ${basename(path)}（需要 ${target.apt}：apt-get install ${target.apt}）`,
        `LibreOffice did not convert ${basename(path)} (it needs ${target.apt}: apt-get install ${target.apt})`,
      );
    }
    return new Uint8Array(await readFile(converted));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
