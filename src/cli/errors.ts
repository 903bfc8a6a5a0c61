/** Exit codes: 0 the command ran, 1 findings at or above --fail-on, 2 bad input or usage. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;

/** A sentence for the user (Chinese, then English) and the exit code; never a stack trace. */
export class CliError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
    readonly exitCode = EXIT_BAD_INPUT,
  ) {
    super(`${messageZh} (${messageEn})`);
  }
}
