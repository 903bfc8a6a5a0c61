/**
 * A reader of the compound-file container ([MS-CFB]) that holds .xls, WPS .et, .doc and
 * encrypted OOXML packages. Only what the readers need: the streams directly under the root
 * storage, by name. Every chain is followed with a visited set and every size is checked against
 * the file, so a damaged or hostile file ends in a CompoundFileError, never a loop or an
 * allocation larger than the file itself.
 *
 * Written here rather than taken from the `cfb` package: cfb 1.2.2 follows a stream's sector chain
 * without a cycle check (a FAT loop makes it append sectors until memory runs out) and builds
 * paths in time quadratic in the directory size; see README (Formats).
 */

export class CompoundFileError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'CompoundFileError';
  }
}

export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const HEADER_SIZE = 512;
const DIRECTORY_ENTRY_SIZE = 128;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const NO_STREAM = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const ENTRY_STORAGE = 1;
const ENTRY_STREAM = 2;
const ENTRY_ROOT = 5;

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= CFB_SIGNATURE.length && CFB_SIGNATURE.every((b, i) => bytes[i] === b);
}

interface DirectoryEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** The streams directly under the root storage of a compound file, read on demand. */
export class CompoundFile {
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly sectorCount: number;
  private readonly fat: Uint32Array;
  private readonly entries: DirectoryEntry[];
  private miniFat?: Uint32Array;
  private miniStream?: Uint8Array;
  private readonly miniCutoff: number;
  private readonly miniFatStart: number;
  private readonly miniFatSectors: number;
  /** Root-level entries by name (case-insensitive, as the format compares names). */
  private readonly rootEntries = new Map<string, DirectoryEntry>();

  constructor(private readonly bytes: Uint8Array) {
    if (!isCompoundFile(bytes)) throw new CompoundFileError('not a compound file');
    if (bytes.length < HEADER_SIZE) throw new CompoundFileError('truncated header');
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const major = this.u16(26);
    const shift = this.u16(30);
    if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) throw new CompoundFileError(`unsupported version ${major}/${shift}`);
    this.sectorSize = 1 << shift;
    this.sectorCount = Math.ceil(Math.max(0, bytes.length - this.sectorSize) / this.sectorSize);
    if (this.u16(32) !== 6) throw new CompoundFileError('unsupported mini sector size');
    this.miniCutoff = this.u32(56);
    this.miniFatStart = this.u32(60);
    this.miniFatSectors = this.u32(64);
    this.fat = this.readFat(this.u32(44), this.u32(68), this.u32(72));
    this.entries = this.readDirectory(this.u32(48));
    const root = this.entries[0];
    if (!root || root.type !== ENTRY_ROOT) throw new CompoundFileError('no root entry');
    this.collectSiblings(root.child);
  }

  private u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    return this.view.getUint32(at, true);
  }

  private sectorOffset(sector: number): number {
    if (sector >= this.sectorCount) throw new CompoundFileError(`sector ${sector} beyond the end of the file`);
    return (sector + 1) * this.sectorSize;
  }

  private readFat(fatSectors: number, difatStart: number, difatCount: number): Uint32Array {
    if (fatSectors > this.sectorCount) throw new CompoundFileError('more FAT sectors than the file holds');
    const locations: number[] = [];
    for (let i = 0; i < HEADER_DIFAT_ENTRIES && locations.length < fatSectors; i++) locations.push(this.u32(76 + i * 4));
    const perDifat = this.sectorSize / 4 - 1;
    const seen = new Set<number>();
    let next = difatStart;
    for (let n = 0; locations.length < fatSectors && next <= MAX_REGULAR_SECTOR && n <= difatCount; n++) {
      if (seen.has(next)) throw new CompoundFileError('DIFAT chain loops');
      seen.add(next);
      const at = this.sectorOffset(next);
      for (let i = 0; i < perDifat && locations.length < fatSectors; i++) locations.push(this.u32(at + i * 4));
      next = this.u32(at + perDifat * 4);
    }
    if (locations.length < fatSectors) throw new CompoundFileError('FAT sector list is short');
    const perSector = this.sectorSize / 4;
    const fat = new Uint32Array(fatSectors * perSector);
    locations.forEach((sector, i) => {
      const at = this.sectorOffset(sector);
      for (let j = 0; j < perSector; j++) fat[i * perSector + j] = this.u32(at + j * 4);
    });
    return fat;
  }

  /** The sectors of a chain in order; a loop, a pointer past the end or a chain longer than the file is an error. */
  private chain(start: number, table: Uint32Array, limit: number): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== END_OF_CHAIN; s = table[s]) {
      if (s === FREE_SECTOR || s > MAX_REGULAR_SECTOR || s >= table.length || s >= limit) throw new CompoundFileError(`broken sector chain at ${s}`);
      if (seen.has(s)) throw new CompoundFileError('sector chain loops');
      seen.add(s);
      out.push(s);
    }
    return out;
  }

  private readChain(start: number, size?: number): Uint8Array {
    const sectors = this.chain(start, this.fat, this.sectorCount);
    const total = sectors.length * this.sectorSize;
    const want = size === undefined ? total : size;
    if (want > total) throw new CompoundFileError('stream longer than its sector chain');
    const out = new Uint8Array(want);
    sectors.forEach((s, i) => {
      const from = this.sectorOffset(s);
      const len = Math.min(this.sectorSize, want - i * this.sectorSize, this.bytes.length - from);
      if (len > 0) out.set(this.bytes.subarray(from, from + len), i * this.sectorSize);
    });
    return out;
  }

  private readDirectory(start: number): DirectoryEntry[] {
    const data = this.readChain(start);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const entries: DirectoryEntry[] = [];
    for (let at = 0; at + DIRECTORY_ENTRY_SIZE <= data.length; at += DIRECTORY_ENTRY_SIZE) {
      const nameBytes = Math.min(view.getUint16(at + 64, true), 64);
      let name = '';
      for (let i = 0; i + 1 < nameBytes; i += 2) {
        const code = view.getUint16(at + i, true);
        if (code === 0) break;
        name += String.fromCharCode(code);
      }
      // Version 3 files keep only the low 32 bits of the size; the high ones may hold garbage.
      const size = view.getUint32(at + 120, true) + (this.sectorSize === 4096 ? view.getUint32(at + 124, true) * 2 ** 32 : 0);
      entries.push({ name, type: data[at + 66], left: view.getUint32(at + 68, true), right: view.getUint32(at + 72, true), child: view.getUint32(at + 76, true), start: view.getUint32(at + 116, true), size });
    }
    return entries;
  }

  /** Walk the red-black tree of one storage's children (left/right siblings), iteratively, each entry once. */
  private collectSiblings(first: number): void {
    const stack = [first];
    const seen = new Set<number>();
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (i === NO_STREAM || i >= this.entries.length || seen.has(i)) continue;
      seen.add(i);
      const e = this.entries[i];
      if (e.type === ENTRY_STREAM || e.type === ENTRY_STORAGE) this.rootEntries.set(e.name.toLowerCase(), e);
      stack.push(e.left, e.right);
    }
  }

  /** Names of the streams and storages directly under the root. */
  names(): string[] {
    return [...this.rootEntries.values()].map((e) => e.name);
  }

  has(name: string): boolean {
    return this.rootEntries.has(name.toLowerCase());
  }

  /** A root-level stream's bytes, or undefined when there is no such stream. */
  stream(name: string): Uint8Array | undefined {
    const e = this.rootEntries.get(name.toLowerCase());
    if (!e || e.type !== ENTRY_STREAM) return undefined;
    if (e.size > this.bytes.length) throw new CompoundFileError(`stream ${e.name} is larger than the file`);
    if (e.size === 0) return new Uint8Array(0);
    return e.size < this.miniCutoff ? this.readMini(e) : this.readChain(e.start, e.size);
  }

  private readMini(e: DirectoryEntry): Uint8Array {
    if (!this.miniFat || !this.miniStream) {
      const root = this.entries[0];
      if (this.miniFatSectors === 0 || this.miniFatStart > MAX_REGULAR_SECTOR) throw new CompoundFileError('mini stream missing');
      const raw = this.readChain(this.miniFatStart);
      this.miniFat = new Uint32Array(raw.length / 4);
      const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
      for (let i = 0; i < this.miniFat.length; i++) this.miniFat[i] = view.getUint32(i * 4, true);
      if (root.size > this.bytes.length) throw new CompoundFileError('mini stream larger than the file');
      this.miniStream = this.readChain(root.start, root.size);
    }
    const MINI = 64;
    const sectors = this.chain(e.start, this.miniFat, Math.ceil(this.miniStream.length / MINI));
    if (e.size > sectors.length * MINI) throw new CompoundFileError(`stream ${e.name} longer than its mini chain`);
    const out = new Uint8Array(e.size);
    sectors.forEach((s, i) => {
      const len = Math.min(MINI, e.size - i * MINI);
      if (len > 0) out.set(this.miniStream!.subarray(s * MINI, s * MINI + len), i * MINI);
    });
    return out;
  }
}
