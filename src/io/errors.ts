/** A workbook that cannot be read, with the reason in Chinese and English. */
export class WorkbookReadError extends Error {
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(messageZh: string, messageEn: string) {
    super(`${messageZh} (${messageEn})`);
    this.name = 'WorkbookReadError';
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }
}

/** A workbook refused because it exceeds one of the limits in limits.ts, named in the message. */
export class WorkbookLimitError extends WorkbookReadError {
  constructor(
    readonly limit: string,
    messageZh: string,
    messageEn: string,
  ) {
    super(messageZh, messageEn);
    this.name = 'WorkbookLimitError';
  }
}

/** The package is not a well-formed workbook: a truncated part, a broken tag, an unknown entity. */
export function damaged(source: string, detailZh: string, detailEn: string): WorkbookReadError {
  return new WorkbookReadError(`${source} 已损坏或不是有效的 .xlsx 工作簿（${detailZh}）`, `${source} is corrupt or not a valid .xlsx (${detailEn})`);
}
