/**
 * Entry of the pane. Inside Excel (Office.onReady reports the Excel host) the pane works on the
 * open workbook; otherwise — office.js missing (opened outside Office, or the CDN unreachable),
 * onReady too slow, or no host — it starts in browser mode on a picked .xlsx file.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createBrowserHost } from './browserHost';
import { createExcelHost } from './excelHost';
import type { Host } from './host';
import { hostLanguage, pickLocale } from './i18n';

/** How long to wait for Office.onReady before falling back to browser mode. */
export const OFFICE_READY_TIMEOUT_MS = 4000;

type OfficeLike = {
  onReady?: () => Promise<{ host: unknown; platform: unknown }>;
  HostType?: { Excel?: unknown };
  context?: { displayLanguage?: string };
};

async function officeHost(): Promise<{ excel: boolean; language?: string }> {
  const office = (globalThis as { Office?: OfficeLike }).Office;
  if (!office || typeof office.onReady !== 'function') return { excel: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    const excelType = office.HostType?.Excel ?? 'Excel';
    if (!info || !info.host || info.host !== excelType) return { excel: false };
    let language: string | undefined;
    try {
      language = office.context?.displayLanguage;
    } catch {
      language = undefined;
    }
    return { excel: true, language };
  } catch {
    return { excel: false };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const office = await officeHost();
  const host: Host = office.excel ? createExcelHost() : createBrowserHost();
  const locale = pickLocale(hostLanguage(office.language));
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  createRoot(container).render(<App host={host} locale={locale} />);
}

void start();
