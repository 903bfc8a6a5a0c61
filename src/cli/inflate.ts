import { inflateRawSync } from 'node:zlib';
import type { Inflate } from '../io/zip';

/** Node's native inflate, never producing more than the entry declares (a bomb stops there). */
export const nodeInflate: Inflate = (data, limit) => inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
