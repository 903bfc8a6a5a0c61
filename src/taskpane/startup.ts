/**
 * Where the pane runs, decided from office.js without a timer. office.js missing (opened from disk
 * or offline: the CDN script did not load) → browser mode at once. office.js present → wait for
 * Office.onReady however long Excel takes (a cold start, a workbook still calculating); it resolves
 * with no host outside Office. If office.js loaded but its own files are blocked, onReady never
 * resolves: the pane then offers browser mode after a while, and the user chooses (Startup.tsx).
 */
export type OfficeLike = {
  onReady?: () => Promise<{ host: unknown; platform: unknown }>;
  HostType?: { Excel?: unknown };
  context?: { displayLanguage?: string };
};

export type StartupResult =
  | { kind: 'excel'; language?: string }
  | { kind: 'browser'; why: 'no-office' | 'outside-office' | 'other-host'; host?: string };

export function officeGlobal(): OfficeLike | undefined {
  return (globalThis as { Office?: OfficeLike }).Office;
}

export async function detectHost(office: OfficeLike | undefined = officeGlobal()): Promise<StartupResult> {
  if (!office || typeof office.onReady !== 'function') return { kind: 'browser', why: 'no-office' };
  let info: { host: unknown } | null | undefined;
  try {
    info = await office.onReady();
  } catch {
    return { kind: 'browser', why: 'no-office' };
  }
  if (!info || !info.host) return { kind: 'browser', why: 'outside-office' };
  const excel = office.HostType?.Excel ?? 'Excel';
  if (info.host !== excel) return { kind: 'browser', why: 'other-host', host: String(info.host) };
  let language: string | undefined;
  try {
    language = office.context?.displayLanguage;
  } catch {
    language = undefined;
  }
  return { kind: 'excel', language };
}
