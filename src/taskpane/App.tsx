/**
 * The pane, the worst first: the scan (Excel: sheet or workbook; browser: a picked file), the
 * summary, then the findings ordered by severity and place with their filters, stepping and
 * review states; the 得分率 chart and the detected tables folded under them. In the browser the
 * grid preview sits beside the list at wide widths and under the selected finding at narrow
 * ones; it never scrolls the page. Everything host-specific goes through Host.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  FluentProvider,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Toast,
  ToastBody,
  Toaster,
  ToastTitle,
  tokens,
  useId,
  useToastController,
  webLightTheme,
  type ToastIntent,
} from '@fluentui/react-components';
import type { DetectedTable } from '../core/layout/types';
import type { Finding } from '../core/audit/types';
import { rangeA1 } from '../core/sheet/address';
import { ActionBar, type MarkAction } from './ActionBar';
import { BrowserFilePanel } from './BrowserFilePanel';
import { downloadBytes, type BrowserHost } from './browserHost';
import { FindingList } from './FindingList';
import { findingFormat } from './format';
import { GridPreview } from './GridPreview';
import { findingKey, orderFindings, tableKey, tableOfFinding } from './group';
import { describeError, type Host, type MarkReport, type Notice } from './host';
import type { Locale, Strings } from './i18n';
import { stringsFor } from './i18n';
import { LevelChart } from './LevelChart';
import { ratesByLevel1 } from './levels';
import { useReviews } from './reviews';
import { ScanBar } from './ScanBar';
import { SummaryCard } from './SummaryCard';
import { TableList } from './TableList';
import { withOverride, type OverrideRole } from '../core/layout/overrides';
import { useScan } from './useScan';

/** At this width the preview fits beside the list. */
export const WIDE_QUERY = '(min-width: 960px)';

const useStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    minHeight: '100vh',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', flexDirection: 'column', gap: '2px', marginBottom: tokens.spacingVerticalS },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  layout: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  wide: {
    display: 'grid',
    gridTemplateColumns: 'minmax(360px, 520px) minmax(0, 1fr)',
    alignItems: 'start',
    columnGap: tokens.spacingHorizontalXXL,
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  sticky: { position: 'sticky', top: tokens.spacingVerticalS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sectionTitle: { margin: 0 },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  folded: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4 },
});

export interface AppProps {
  host: Host;
  locale: Locale;
  /** What the start-up found (browser mode and why). */
  notices?: readonly Notice[];
}

function isBrowserHost(host: Host): host is BrowserHost {
  return host.kind === 'browser';
}

function useMediaQuery(query: string): boolean {
  const get = () => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query).matches : false);
  const [matches, setMatches] = useState(get);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    list.addEventListener?.('change', onChange);
    onChange();
    return () => list.removeEventListener?.('change', onChange);
  }, [query]);
  return matches;
}

function NoticeBars({ notices, testId }: { notices: readonly Notice[]; testId: string }): JSX.Element | null {
  if (notices.length === 0) return null;
  return (
    <>
      {notices.map((n, i) => (
        <MessageBar key={i} intent={n.intent} layout="multiline" data-testid={testId}>
          <MessageBarBody>
            <div lang="zh-CN">{n.zh}</div>
            {n.en ? <div lang="en">{n.en}</div> : null}
          </MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}

function Pane({ host, t, locale, notices = [] }: { host: Host; t: Strings; locale: Locale; notices?: readonly Notice[] }): JSX.Element {
  const styles = useStyles();
  const toasterId = useId('toaster');
  const findingsTitleId = useId('findings-title');
  const { dispatchToast } = useToastController(toasterId);
  const { state, scan, reset, busy } = useScan(host);
  const reviews = useReviews(host.reviews);
  const browser = isBrowserHost(host) ? host : undefined;
  const wide = useMediaQuery(WIDE_QUERY);

  const [file, setFile] = useState<{ name: string; size: number } | undefined>();
  const [fileError, setFileError] = useState<{ zh: string; en?: string } | undefined>();
  const [previewKey, setPreviewKey] = useState<string | undefined>();
  const [active, setActive] = useState<Finding | undefined>();
  const [running, setRunning] = useState<MarkAction | undefined>();
  const [downloading, setDownloading] = useState(false);
  const [hostNotices, setHostNotices] = useState<Notice[]>([]);

  useEffect(() => {
    let live = true;
    host.startupNotices?.().then(
      (n) => live && setHostNotices(n),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);

  const outcome = state.outcome;
  const result = outcome?.result;

  const toast = useCallback(
    (intent: ToastIntent, title: string, body?: string) => {
      dispatchToast(
        <Toast>
          <ToastTitle>{title}</ToastTitle>
          {body ? <ToastBody>{body}</ToastBody> : null}
        </Toast>,
        { intent, timeout: intent === 'error' || intent === 'warning' ? 8000 : 4000 },
      );
    },
    [dispatchToast],
  );

  const ordered = useMemo(() => (result && outcome ? orderFindings(result.findings, outcome.workbook.sheets.map((s) => s.name)) : []), [result, outcome]);
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    if (!result) return map;
    for (const f of result.findings) {
      const table = tableOfFinding(f, result.tables);
      if (table) map.set(tableKey(table), (map.get(tableKey(table)) ?? 0) + 1);
    }
    return map;
  }, [result]);
  const rates = useMemo(() => (result ? ratesByLevel1(result.tables) : []), [result]);
  const sheetOf = useCallback((name: string) => outcome?.workbook.sheets.find((s) => s.name === name), [outcome]);
  const formatOf = useCallback((f: Finding) => findingFormat(f, sheetOf(f.sheet)), [sheetOf]);

  // A new result: preview the table of its worst finding (or its first table), nothing selected.
  useEffect(() => {
    setActive(undefined);
    const first = result ? ((ordered[0] && tableOfFinding(ordered[0], result.tables)) ?? result.tables[0]) : undefined;
    setPreviewKey(first ? tableKey(first) : undefined);
  }, [result, ordered]);

  const previewTable = result?.tables.find((x) => tableKey(x) === previewKey);
  const previewSheet = previewTable ? sheetOf(previewTable.sheet) : undefined;

  const select = useCallback(
    (sheet: string, cell: string) => {
      host.selectCell(sheet, cell).catch((error) => toast('error', t.selectFailed, describeError(error).zh));
    },
    [host, t, toast],
  );

  const onActivate = useCallback(
    (f: Finding) => {
      setActive(f);
      if (result) {
        const table = tableOfFinding(f, result.tables);
        if (table) setPreviewKey(tableKey(table));
      }
      select(f.sheet, f.cell);
    },
    [result, select],
  );

  const onTable = useCallback(
    (table: DetectedTable) => {
      setPreviewKey(tableKey(table));
      if (!browser) select(table.sheet, rangeA1(table.range));
    },
    [browser, select],
  );

  // A role set on a table card: kept with the workbook (Excel settings) and the scan run again on it.
  const onSetRole = useCallback(
    async (sheet: string, col: number, role: OverrideRole | undefined) => {
      const store = host.columns;
      if (!store) return;
      await store.save(withOverride(await store.load(), sheet, col, role));
      if (state.scope) await scan(state.scope);
    },
    [host, scan, state.scope],
  );

  const onPick = useCallback(
    async (picked: File) => {
      if (!browser) return;
      setFileError(undefined);
      reset();
      try {
        const bytes = new Uint8Array(await picked.arrayBuffer());
        browser.setFile({ name: picked.name, size: picked.size, bytes });
        setFile({ name: picked.name, size: picked.size });
      } catch (error) {
        browser.setFile(undefined);
        setFile(undefined);
        setFileError(describeError(error));
      }
    },
    [browser, reset],
  );

  const onDownload = useCallback(async () => {
    if (!browser || !result) return;
    setDownloading(true);
    try {
      const copy = await browser.annotatedCopy(result);
      downloadBytes(copy.bytes, copy.name, copy.mime);
      toast('success', t.downloaded(copy.name));
    } catch (error) {
      const d = describeError(error);
      toast('error', t.downloadFailed, d.en ? `${d.zh}\n${d.en}` : d.zh);
    } finally {
      setDownloading(false);
    }
  }, [browser, result, t, toast]);

  const report = useCallback(
    (title: string, r: MarkReport) => {
      const skipped = r.skipped.map((s) => t.skipped(s.sheet, s.reason)).join('\n');
      toast(r.skipped.length > 0 ? 'warning' : 'success', title, skipped || undefined);
    },
    [t, toast],
  );

  const onAction = useCallback(
    async (action: MarkAction) => {
      const marking = host.marking;
      if (!marking) return;
      setRunning(action);
      try {
        if (action === 'highlight' && result) {
          const r = await marking.highlight(result.findings);
          report(t.annotated(r.count, r.comments ?? 0), r);
        } else if (action === 'clear') {
          const r = await marking.clearHighlights();
          report(t.cleared(r.count), r);
        } else if (action === 'review' && result) {
          const r = await marking.insertReviewColumns(result.tables);
          report(t.reviewInserted(r.tables ?? 0, r.columns ?? ''), r);
        }
      } catch (error) {
        toast('error', t.actionFailed, describeError(error).zh);
      } finally {
        setRunning(undefined);
      }
    },
    [host, result, report, t, toast],
  );

  // Commands from the host's own UI (the WPS ribbon) run like the pane's buttons; an action that
  // needs findings scans the workbook first and runs on the result.
  const pending = useRef<MarkAction | undefined>();
  const latest = useRef({ scan, onAction, result, busy });
  latest.current = { scan, onAction, result, busy };
  useEffect(
    () =>
      host.onCommand?.((command) => {
        const now = latest.current;
        const scope = host.scopes.includes('workbook') ? 'workbook' : host.scopes[0];
        if (command === 'scan') void now.scan(scope);
        else if (command === 'clear' || (now.result && !now.busy)) void now.onAction(command);
        else {
          pending.current = command;
          if (!now.busy) void now.scan(scope);
        }
      }),
    [host],
  );
  useEffect(() => {
    if (state.status === 'error') pending.current = undefined;
    const action = pending.current;
    if (action && result && state.status === 'done') {
      pending.current = undefined;
      void onAction(action);
    }
  }, [state.status, result, onAction]);

  const scanError = state.status === 'error' ? state.error : undefined;
  const error = fileError ?? scanError;
  const hasScoring = !!result?.tables.some((x) => x.kind === 'scoring');
  const showResult = !!result && !!outcome && state.status !== 'error';
  // Checks that could not run (no criteria column, no weights …): "no findings" must not read as "all checked".
  const notChecked = (result?.coverage?.tables ?? []).reduce((n, c) => n + c.checks.filter((k) => !k.ran).length + (c.rules?.notUnderstood ?? 0), 0);
  const canPreview = !!browser && showResult && !!previewTable && !!previewSheet;
  // Info notices of the start-up (browser mode and why) are the subtitle; warnings get a bar.
  const startupInfo = notices.find((n) => n.intent === 'info');
  const bars = [...notices.filter((n) => n !== startupInfo), ...hostNotices];

  const inlinePreview = useCallback(
    (f: Finding) => {
      if (!browser || wide || !result) return null;
      const table = tableOfFinding(f, result.tables);
      const sheet = table ? sheetOf(table.sheet) : undefined;
      if (!table || !sheet) return null;
      return <GridPreview sheet={sheet} table={table} findings={result.findings} activeCell={f.cell} compact t={t} />;
    },
    [browser, wide, result, sheetOf, t],
  );

  const scanBar = <ScanBar scopes={host.scopes} status={state.status} progress={state.progress} disabled={!!browser && !file} onScan={scan} t={t} />;

  const main = (
    <div className={styles.column}>
      <div className={styles.panel}>
        {browser ? (
          <BrowserFilePanel file={file} busy={busy} onPick={onPick} onDownload={result ? onDownload : undefined} downloading={downloading} t={t}>
            {scanBar}
          </BrowserFilePanel>
        ) : (
          scanBar
        )}
        {host.marking ? (
          <ActionBar running={running} disabled={busy} canHighlight={!!result && result.findings.length > 0} canReview={hasScoring} onAction={onAction} t={t} />
        ) : null}
      </div>

      {error ? (
        <MessageBar intent="error" layout="multiline" data-testid="error-bar">
          <MessageBarBody>
            <MessageBarTitle>{scanError ? t.scanFailed : t.fileFailed}</MessageBarTitle>
            <div lang="zh-CN">{error.zh}</div>
            {error.en ? <div lang="en">{error.en}</div> : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {showResult ? (
        <>
          <NoticeBars notices={outcome!.notices} testId="read-notice" />
          <SummaryCard summary={result!.summary} source={outcome!.workbook.source || undefined} t={t} />
          {(result!.coverage?.notices ?? []).map((n) => (
            <MessageBar key={`${n.sheet}!${n.row}`} intent="warning" layout="multiline" data-testid="suspected-table">
              <MessageBarBody>{n.message}</MessageBarBody>
            </MessageBar>
          ))}
          {result!.tables.length === 0 ? (
            <MessageBar intent="warning" layout="multiline" data-testid="no-tables">
              <MessageBarBody>
                <MessageBarTitle>{t.noTables}</MessageBarTitle>
                {t.noTablesDetail}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {result!.tables.length > 0 && result!.findings.length === 0 ? (
            <MessageBar intent={notChecked > 0 ? 'info' : 'success'} layout="multiline" data-testid="no-findings">
              <MessageBarBody>
                <MessageBarTitle>{t.noFindings}</MessageBarTitle>
                {notChecked > 0 ? t.noFindingsButNotChecked(notChecked) : t.noFindingsDetail}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {result!.findings.length > 0 ? (
            <section className={styles.section} aria-labelledby={findingsTitleId} data-testid="findings">
              <Text as="h2" size={400} weight="semibold" id={findingsTitleId} className={styles.sectionTitle}>
                {t.findingsTitle(result!.findings.length)}
              </Text>
              {reviews.error ? (
                <MessageBar intent="warning" data-testid="reviews-error">
                  <MessageBarBody>
                    {t.reviewsNotSaved}
                    {t.colon}
                    {describeError(reviews.error).zh}
                  </MessageBarBody>
                </MessageBar>
              ) : null}
              <FindingList
                key={state.scanId}
                findings={ordered}
                t={t}
                locale={locale}
                activeKey={active ? findingKey(active) : undefined}
                onActivate={onActivate}
                stateOf={reviews.stateOf}
                onState={reviews.set}
                formatOf={formatOf}
                inlinePreview={inlinePreview}
              />
              {!host.reviews.persistent ? (
                <Text size={200} className={styles.subtitle}>
                  {t.reviewsSession}
                </Text>
              ) : null}
            </section>
          ) : null}
          {result!.tables.length > 0 ? (
            <Accordion multiple collapsible className={styles.folded} data-testid="folded">
              {rates.length > 0 ? (
                <AccordionItem value="chart">
                  <AccordionHeader data-testid="chart-header">{t.levelChart}</AccordionHeader>
                  <AccordionPanel>
                    <LevelChart rates={rates} t={t} />
                  </AccordionPanel>
                </AccordionItem>
              ) : null}
              <AccordionItem value="tables">
                <AccordionHeader data-testid="tables-header">{t.tablesTitle(result!.tables.length)}</AccordionHeader>
                <AccordionPanel>
                  <div data-testid="tables">
                    <TableList tables={result!.tables} coverage={result!.coverage?.tables} counts={counts} t={t} selectedKey={browser ? previewKey : undefined} onSelect={onTable} onSetRole={host.columns ? onSetRole : undefined} />
                  </div>
                </AccordionPanel>
              </AccordionItem>
            </Accordion>
          ) : null}
        </>
      ) : null}
    </div>
  );

  const beside = canPreview && wide;
  return (
    <main className={styles.page} data-host={host.kind}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold" className={styles.title}>
          {t.title}
        </Text>
        <Text size={200} className={styles.subtitle} data-testid="subtitle">
          {startupInfo ? (locale === 'zh' ? startupInfo.zh : (startupInfo.en ?? startupInfo.zh)) : browser ? t.subtitleBrowser : t.subtitleExcel}
        </Text>
      </header>
      <div className={styles.layout}>
        <NoticeBars notices={bars} testId="host-notice" />
      </div>
      <div className={mergeClasses(styles.layout, beside && styles.wide)} style={bars.length > 0 ? { marginTop: tokens.spacingVerticalM } : undefined}>
        {main}
        {beside ? (
          <aside className={mergeClasses(styles.panel, styles.sticky)} aria-label={t.preview}>
            <GridPreview sheet={previewSheet!} table={previewTable!} findings={result!.findings} activeCell={active && active.sheet === previewTable!.sheet ? active.cell : undefined} t={t} />
          </aside>
        ) : null}
      </div>
      <Toaster toasterId={toasterId} position="bottom-end" />
    </main>
  );
}

export function App({ host, locale, notices }: AppProps): JSX.Element {
  const t = stringsFor(locale);
  return (
    <FluentProvider theme={webLightTheme} lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <Pane host={host} t={t} locale={locale} notices={notices} />
    </FluentProvider>
  );
}
