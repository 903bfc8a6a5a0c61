import { parseArgs } from 'node:util';
import { CliError, EXIT_BAD_INPUT } from './errors';

const USAGE = `用法 (usage):
  score-audit detect FILE [--json] [--columns "SHEET!COL=ROLE,…"]
  score-audit rule TEXT --points P [--value V] [--json] [--explain]
  score-audit rule --coverage FILE [--json]
  score-audit audit FILE [--json] [--out ANNOTATED.xlsx [--force]] [--fail-on error|warning] [--columns "SHEET!COL=ROLE,…"]
  score-audit batch PATH… [--jobs N] [--out-dir DIR] [--json] [--resume] [--annotate] [--fail-on error|warning] [--convert] [--timeout SECONDS] [--memory MB]`;

type Out = (s: string) => void;

/** Run the CLI; returns the exit code instead of exiting so tests can call it. */
export async function main(argv: string[], out: Out = (s) => process.stdout.write(`${s}\n`), err: Out = (s) => process.stderr.write(`${s}\n`)): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'detect': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean', default: false }, columns: { type: 'string' } } });
        if (positionals.length !== 1) throw new CliError('detect 需要且只需要一个文件参数', 'detect takes exactly one FILE');
        // Each command is loaded when it runs: `rule` TEXT reads no workbook and loads no reader.
        const { runDetect } = await import('./detect');
        return await runDetect(positionals[0], { json: values.json ?? false, columns: values.columns }, out);
      }
      case 'rule': {
        const { runRule } = await import('./rule');
        return await runRule(rest, out);
      }
      case 'audit': {
        const { runAudit } = await import('./audit');
        return await runAudit(rest, out);
      }
      case 'batch': {
        const { runBatch } = await import('./batch');
        return await runBatch(rest, out, err);
      }
      case '__batch-worker': {
        // A child process of `batch` (not for people): it audits the files its parent sends.
        if (!process.send) throw new CliError('__batch-worker 只由 score-audit batch 启动', '__batch-worker is started by score-audit batch only');
        const { runBatchWorker } = await import('./batch-worker');
        runBatchWorker(rest[0]);
        return await new Promise<number>(() => {});
      }
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        out(USAGE);
        return command === undefined ? EXIT_BAD_INPUT : 0;
      default:
        throw new CliError(`未知命令：${command}`, `unknown command: ${command}`);
    }
  } catch (e) {
    if (e instanceof CliError) {
      err(`score-audit: ${e.messageZh}\n  (${e.messageEn})`);
      if (e.exitCode === EXIT_BAD_INPUT && /未知命令|参数|需要/.test(e.messageZh)) err(USAGE);
      return e.exitCode;
    }
    if (typeof (e as NodeJS.ErrnoException)?.code === 'string' && (e as NodeJS.ErrnoException).code!.startsWith('ERR_PARSE_ARGS')) {
      err(`score-audit: 参数有误 (bad arguments)：${(e as Error).message}\n${USAGE}`);
      return EXIT_BAD_INPUT;
    }
    // An engine failure is a bug, but the user still gets a sentence and exit code 2, not a stack trace.
    err(`score-audit: 内部错误，请报告此问题 (internal error): ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.SCORE_AUDIT_DEBUG) err(String((e as Error).stack));
    return EXIT_BAD_INPUT;
  }
}
