/**
 * Text values kept with the workbook in its custom document properties (文件 › 属性 › 自定义),
 * which travel with the .xlsx/.et. A string property holds at most 255 characters, so a value is
 * cut into numbered parts: KEY#n (the number of parts) and KEY#0 … KEY#(n-1). All properties are
 * listed once per read; a write replaces every part of the key.
 */
import { MAX_PROPERTY_CHARS, MSO_PROPERTY_TYPE_STRING, type WpsDocProperties, type WpsDocProperty } from './facade';

/** Parts per value: 400 × 255 characters, about 100 KB (the review states of ~1,500 findings). */
export const MAX_PROPERTY_PARTS = 400;

export class PropertyTooLargeError extends Error {
  readonly messageZh: string;
  constructor(key: string, chars: number) {
    const zh = `要保存的内容过大（${chars} 个字符，${key}），超过了文档属性能保存的上限，未保存`;
    super(zh);
    this.messageZh = zh;
  }
}

const countKey = (key: string) => `${key}#n`;
const partKey = (key: string, i: number) => `${key}#${i}`;

function byName(props: WpsDocProperties): Map<string, WpsDocProperty> {
  const out = new Map<string, WpsDocProperty>();
  for (let i = 1; i <= props.Count; i++) {
    const p = props.Item(i);
    out.set(p.Name, p);
  }
  return out;
}

/** The value stored under key, or undefined (none, or parts missing). */
export function readProperty(props: WpsDocProperties, key: string): string | undefined {
  const all = byName(props);
  const n = Number(all.get(countKey(key))?.Value);
  if (!Number.isInteger(n) || n < 0 || n > MAX_PROPERTY_PARTS) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = all.get(partKey(key, i))?.Value;
    if (typeof v !== 'string') return undefined;
    parts.push(v);
  }
  return parts.join('');
}

/** Store value under key (undefined removes it). Throws PropertyTooLargeError past MAX_PROPERTY_PARTS parts. */
export function writeProperty(props: WpsDocProperties, key: string, value: string | undefined): void {
  const parts: string[] = [];
  if (value !== undefined) for (let i = 0; i < value.length; i += MAX_PROPERTY_CHARS) parts.push(value.slice(i, i + MAX_PROPERTY_CHARS));
  if (value === '') parts.push('');
  if (parts.length > MAX_PROPERTY_PARTS) throw new PropertyTooLargeError(key, value!.length);
  const prefix = `${key}#`;
  for (const [name, p] of byName(props)) if (name.startsWith(prefix) && /^\d+$|^n$/.test(name.slice(prefix.length))) p.Delete();
  if (value === undefined) return;
  parts.forEach((part, i) => props.Add(partKey(key, i), false, MSO_PROPERTY_TYPE_STRING, part));
  props.Add(countKey(key), false, MSO_PROPERTY_TYPE_STRING, String(parts.length));
}
