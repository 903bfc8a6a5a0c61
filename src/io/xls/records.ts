/**
 * BIFF8 records of a Workbook stream: the 4-byte header (type, length), the payload, and the
 * CONTINUE records that carry its overflow. Strings ([MS-XLS] XLUnicodeString and its rich,
 * extended form) may be split across CONTINUE records, where the character width can change.
 */

export const CONTINUE = 0x003c;
const MAX_RECORD_BYTES = 8224;

export interface BiffRecord {
  type: number;
  /** Offset of the record header in the stream (BOUNDSHEET8 points at a BOF by it). */
  offset: number;
  /** The payload followed by the payloads of its CONTINUE records, as separate segments. */
  segments: Uint8Array[];
}

export class BiffFormatError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'BiffFormatError';
  }
}

/** Records from `start` on, CONTINUE records folded into the record before them. */
export function* recordsFrom(stream: Uint8Array, start: number): Generator<BiffRecord> {
  let at = start;
  let current: BiffRecord | undefined;
  while (at + 4 <= stream.length) {
    const type = stream[at] | (stream[at + 1] << 8);
    const length = stream[at + 2] | (stream[at + 3] << 8);
    if (length > MAX_RECORD_BYTES) throw new BiffFormatError(`record 0x${type.toString(16)} at ${at} is ${length} bytes long`);
    if (at + 4 + length > stream.length) throw new BiffFormatError(`record 0x${type.toString(16)} at ${at} runs past the end of the stream`);
    const payload = stream.subarray(at + 4, at + 4 + length);
    if (type === CONTINUE && current) {
      current.segments.push(payload);
    } else {
      if (current) yield current;
      current = { type, offset: at, segments: [payload] };
    }
    at += 4 + length;
  }
  if (current) yield current;
}

/** Sequential little-endian reads over a record's segments. */
export class RecordReader {
  private segment = 0;
  private pos = 0;

  constructor(private readonly segments: Uint8Array[]) {}

  static of(record: BiffRecord): RecordReader {
    return new RecordReader(record.segments);
  }

  /** Bytes left in the current segment (a string split across CONTINUE restarts at the next). */
  private left(): number {
    return (this.segments[this.segment]?.length ?? 0) - this.pos;
  }

  get done(): boolean {
    for (let s = this.segment; s < this.segments.length; s++) if ((this.segments[s].length - (s === this.segment ? this.pos : 0)) > 0) return false;
    return true;
  }

  private nextSegment(): void {
    this.segment++;
    this.pos = 0;
    if (this.segment >= this.segments.length) throw new BiffFormatError('record ends inside a value');
  }

  u8(): number {
    while (this.left() <= 0) this.nextSegment();
    return this.segments[this.segment][this.pos++];
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  i16(): number {
    const v = this.u16();
    return v >= 0x8000 ? v - 0x10000 : v;
  }

  u32(): number {
    return (this.u16() + this.u16() * 0x10000) >>> 0;
  }

  f64(): number {
    const b = new Uint8Array(8);
    for (let i = 0; i < 8; i++) b[i] = this.u8();
    return new DataView(b.buffer).getFloat64(0, true);
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.u8();
    return out;
  }

  skip(n: number): void {
    for (let left = n; left > 0; ) {
      while (this.left() <= 0) this.nextSegment();
      const k = Math.min(left, this.left());
      this.pos += k;
      left -= k;
    }
  }

  /** `count` characters, 1 or 2 bytes each; at a CONTINUE boundary a new option byte gives the width. */
  chars(count: number, highByte: boolean): string {
    const parts: string[] = [];
    let wide = highByte;
    let left = count;
    while (left > 0) {
      if (this.left() <= 0) {
        this.nextSegment();
        wide = (this.u8() & 1) === 1;
      }
      const seg = this.segments[this.segment];
      const k = Math.min(left, Math.floor(this.left() / (wide ? 2 : 1)));
      if (k === 0) throw new BiffFormatError('a character is split across records');
      let s = '';
      for (let i = 0; i < k; i++) {
        s += String.fromCharCode(wide ? seg[this.pos] | (seg[this.pos + 1] << 8) : seg[this.pos]);
        this.pos += wide ? 2 : 1;
      }
      parts.push(s);
      left -= k;
    }
    return parts.join('');
  }

  /** XLUnicodeString: 16-bit count, option byte, characters. */
  unicodeString(): string {
    const count = this.u16();
    return this.chars(count, (this.u8() & 1) === 1);
  }

  /** ShortXLUnicodeString: 8-bit count, option byte, characters. */
  shortUnicodeString(): string {
    const count = this.u8();
    return this.chars(count, (this.u8() & 1) === 1);
  }

  /** XLUnicodeRichExtendedString (shared strings): the text; formatting runs and phonetic data are skipped. */
  richExtendedString(): string {
    const count = this.u16();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const extended = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 1) === 1);
    this.skip(runs * 4);
    this.skip(extended);
    return text;
  }
}
