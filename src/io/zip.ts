import type JSZip from 'jszip';
import { damaged, WorkbookReadError } from './errors';
import { LIMITS, limitExceeded } from './limits';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // OLE container: a legacy .xls/.et or an encrypted .xlsx

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_HEADER_SIZE = 46;
const ZIP64_EXTRA_ID = 0x0001;
const MAX_COMMENT = 0xffff;
const U32_MAX = 0xffffffff;

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The container before any parsing, so the user gets a reason and not a zip library's stack trace. */
export function checkContainer(bytes: Uint8Array, source: string): void {
  if (bytes.length === 0) throw new WorkbookReadError(`文件为空：${source}`, `empty file: ${source}`);
  if (startsWith(bytes, CFB_MAGIC)) {
    throw new WorkbookReadError(
      `无法读取 ${source}：文件已加密（设有打开密码）或为旧版 .xls 格式，请在 Excel 中去除密码或另存为 .xlsx 后重试`,
      `cannot read ${source}: the file is password-protected or a legacy .xls; remove the password or save it as .xlsx`,
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new WorkbookReadError(`${source} 不是 .xlsx 工作簿（文件格式不符）`, `${source} is not an .xlsx workbook`);
  }
}

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Bit 0: the entry is encrypted. */
  flags: number;
  /** Where its local header starts (corrected for bytes in front of the zip). */
  localHeader: number;
}

/**
 * Inflate raw DEFLATE data into at most `limit` bytes, throwing beyond. The CLI passes Node's
 * zlib (native, bounded by maxOutputLength); without one the reader inflates with jszip.
 */
export type Inflate = (data: Uint8Array, limit: number) => Uint8Array;

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;

/**
 * The entries of the zip's central directory with their declared sizes, read from the bytes
 * before anything is inflated, so that a bomb or a million-entry directory is refused up front.
 */
export function zipDirectory(bytes: Uint8Array, source: string): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (zh: string, en: string) => damaged(source, `压缩目录${zh}`, `zip directory ${en}`);
  let eocd = -1;
  for (let i = bytes.length - EOCD_SIZE; i >= Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('缺失（文件可能不完整）', 'not found (the file may be truncated)');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if ((count === 0xffff || offset === U32_MAX) && locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR_SIGNATURE) {
    const at = Number(view.getBigUint64(locator + 8, true));
    if (at + 56 > bytes.length || view.getUint32(at, true) !== ZIP64_EOCD_SIGNATURE) throw corrupt('（zip64）损坏', '(zip64) broken');
    count = Number(view.getBigUint64(at + 32, true));
    offset = Number(view.getBigUint64(at + 48, true));
  }
  if (count > LIMITS.zipEntries) throw limitExceeded('zipEntries', source, count);
  // A zip with bytes in front (a self-extracting stub) shifts every offset: find the directory by its signature.
  let shift = 0;
  if (offset + 4 > bytes.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) {
    const size = view.getUint32(eocd + 12, true);
    shift = eocd - size - offset;
    offset = eocd - size;
    if (offset < 0 || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) throw corrupt('位置错误', 'misplaced');
  }
  const entries: ZipEntryInfo[] = [];
  const decoder = new TextDecoder('utf-8');
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + CENTRAL_HEADER_SIZE > bytes.length || view.getUint32(p, true) !== CENTRAL_SIGNATURE) throw corrupt('条目损坏', 'entry broken');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    let localHeader = view.getUint32(p + 42, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const nameEnd = p + CENTRAL_HEADER_SIZE + nameLength;
    if (nameEnd + extraLength > bytes.length) throw corrupt('条目损坏', 'entry broken');
    const name = decoder.decode(bytes.subarray(p + CENTRAL_HEADER_SIZE, nameEnd));
    // Zip64: sizes of 0xFFFFFFFF are in the extra field, uncompressed first.
    if (uncompressedSize === U32_MAX || compressedSize === U32_MAX || localHeader === U32_MAX) {
      for (let e = nameEnd; e + 4 <= nameEnd + extraLength; ) {
        const id = view.getUint16(e, true);
        const len = view.getUint16(e + 2, true);
        if (id === ZIP64_EXTRA_ID) {
          let q = e + 4;
          if (uncompressedSize === U32_MAX && q + 8 <= e + 4 + len) {
            uncompressedSize = Number(view.getBigUint64(q, true));
            q += 8;
          }
          if (compressedSize === U32_MAX && q + 8 <= e + 4 + len) {
            compressedSize = Number(view.getBigUint64(q, true));
            q += 8;
          }
          if (localHeader === U32_MAX && q + 8 <= e + 4 + len) localHeader = Number(view.getBigUint64(q, true));
          break;
        }
        e += 4 + len;
      }
    }
    entries.push({ name, compressedSize, uncompressedSize, method, flags, localHeader: localHeader + shift });
    p = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/**
 * An opened zip: the directory checked against the limits, entries looked up case-insensitively
 * (OPC part names are), each inflated no further than its declared size.
 */
export class ZipPackage {
  private readonly byLowerName = new Map<string, ZipEntryInfo>();
  private jszip?: Promise<JSZip>;

  private constructor(
    readonly source: string,
    private readonly data: Uint8Array,
    private readonly directory: ZipEntryInfo[],
    private readonly inflate?: Inflate,
  ) {
    for (const e of directory) {
      const lower = e.name.toLowerCase();
      if (!this.byLowerName.has(lower) && !e.name.endsWith('/')) this.byLowerName.set(lower, e);
    }
  }

  static async open(bytes: Uint8Array, source: string, inflate?: Inflate): Promise<ZipPackage> {
    checkContainer(bytes, source);
    const directory = zipDirectory(bytes, source);
    const total = directory.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (total > LIMITS.unzippedBytes) throw limitExceeded('unzippedBytes', source, total);
    const pkg = new ZipPackage(source, bytes, directory, inflate);
    if (!inflate) await pkg.zip(); // jszip reads the entries, and tells a damaged zip now
    return pkg;
  }

  /** The package as jszip sees it: to read entries without a native inflater, and to write the copy. */
  zip(): Promise<JSZip> {
    // Loaded when first needed: a CLI audit without --out never starts jszip.
    this.jszip ??= import('jszip').then(({ default: JSZip }) => JSZip.loadAsync(this.data)).catch((err: unknown) => {
      const detail = err instanceof Error ? err.message : String(err);
      throw damaged(this.source, detail, detail);
    });
    return this.jszip;
  }

  /** The entry's name as stored in the zip, for a part name in any case; undefined if absent. */
  entryName(part: string): string | undefined {
    return this.byLowerName.get(part.replace(/^\//, '').toLowerCase())?.name;
  }

  has(part: string): boolean {
    return this.entryName(part) !== undefined;
  }

  /** Every entry name (folders excluded). */
  names(): string[] {
    return [...this.byLowerName.values()].map((e) => e.name);
  }

  /** The part's bytes, inflated while counting: more than it declared is a damaged (or hostile) zip. */
  async bytes(part: string, limit: number = LIMITS.partBytes): Promise<Uint8Array> {
    const entry = this.byLowerName.get(part.replace(/^\//, '').toLowerCase());
    if (entry === undefined) throw damaged(this.source, `缺少部件 ${part}`, `missing part ${part}`);
    const { name, uncompressedSize: declared } = entry;
    if (declared > limit) throw limitExceeded('partBytes', this.source, declared, name);
    if (this.inflate) return this.inflateEntry(entry);
    const zip = await this.zip();
    const chunks: Uint8Array[] = [];
    let length = 0;
    await new Promise<void>((resolve, reject) => {
      // internalStream is documented but missing from jszip's typings.
      const file = zip.file(name) as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> } | null;
      if (!file) return reject(damaged(this.source, `缺少部件 ${part}`, `missing part ${part}`));
      const stream = file.internalStream('uint8array');
      stream
        .on('data', (chunk: Uint8Array) => {
          length += chunk.length;
          if (length > declared) {
            stream.pause();
            reject(damaged(this.source, `部件 ${name} 解压后超出其声明的大小`, `part ${name} inflates beyond its declared size`));
            return;
          }
          chunks.push(chunk);
        })
        .on('error', (err: Error) => reject(damaged(this.source, `部件 ${name}：${err.message}`, `part ${name}: ${err.message}`)))
        .on('end', () => resolve())
        .resume();
    });
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(length);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  /** An entry straight from the bytes: its local header, then stored or deflated data, no more than declared. */
  private inflateEntry(entry: ZipEntryInfo): Uint8Array {
    const bad = (zh: string, en: string) => damaged(this.source, `部件 ${entry.name} ${zh}`, `part ${entry.name}: ${en}`);
    const view = new DataView(this.data.buffer, this.data.byteOffset, this.data.byteLength);
    const at = entry.localHeader;
    if (at + LOCAL_HEADER_SIZE > this.data.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw bad('的本地头损坏', 'broken local header');
    if (entry.flags & 1) throw bad('已加密', 'is encrypted');
    const start = at + LOCAL_HEADER_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.data.length) throw bad('的数据不完整', 'data truncated');
    const raw = this.data.subarray(start, end);
    if (entry.method === 0) {
      if (raw.length !== entry.uncompressedSize) throw bad('的大小与声明不符', 'size differs from the declared one');
      return raw;
    }
    if (entry.method !== 8) throw bad(`使用了不支持的压缩方式 ${entry.method}`, `unsupported compression method ${entry.method}`);
    let out: Uint8Array;
    try {
      out = this.inflate!(raw, entry.uncompressedSize);
    } catch (err) {
      throw bad(`解压失败或超出其声明的大小（${err instanceof Error ? err.message : String(err)}）`, `inflates beyond its declared size or fails (${err instanceof Error ? err.message : String(err)})`);
    }
    if (out.length !== entry.uncompressedSize) throw bad('解压后的大小与声明不符', 'inflates to another size than declared');
    return out;
  }
}
