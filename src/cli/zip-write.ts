/**
 * A zip of text parts deflated by Node's native zlib: for the CLI's own workbooks (汇总.xlsx), where
 * jszip's JavaScript deflate took most of the time of writing a large summary. Every entry is dated
 * 1980-01-01 so the bytes are reproducible.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import type { PackagePart } from '../io/xlsx-write';

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const VERSION = 20; // 2.0: deflate
const DEFLATED = 8;
/** MS-DOS date of 1980-01-01 (year 0, month 1, day 1); time 00:00. */
const DOS_DATE_1980 = (1 << 5) | 1;
const DOS_TIME_MIDNIGHT = 0;

export function zipParts(parts: readonly PackagePart[]): Buffer {
  return zipEntries(parts.map((p) => [p.path, Buffer.from(p.text, 'utf8')]));
}

/** Entries (name, bytes) as a zip, one deflated entry each; `level` is zlib's (lower is faster). */
export function zipEntries(entries: ReadonlyArray<readonly [string, Uint8Array]>, level?: number): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [path, data] of entries) {
    const name = Buffer.from(path, 'utf8');
    const packed = deflateRawSync(data, level === undefined ? {} : { level });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(DEFLATED, 8);
    local.writeUInt16LE(DOS_TIME_MIDNIGHT, 10);
    local.writeUInt16LE(DOS_DATE_1980, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    entry.writeUInt16LE(VERSION, 4); // made by
    entry.writeUInt16LE(VERSION, 6); // needed
    entry.writeUInt16LE(0, 8);
    entry.writeUInt16LE(DEFLATED, 10);
    entry.writeUInt16LE(DOS_TIME_MIDNIGHT, 12);
    entry.writeUInt16LE(DOS_DATE_1980, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    // extra, comment, disk number, internal and external attributes: all 0 (Buffer.alloc zeroes them)
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, packed);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_SIGNATURE, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
