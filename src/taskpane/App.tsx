/**
 * The pane: header, scan (Excel: sheet or workbook; browser: a picked file), summary, detected
 * tables, findings by table and severity; Excel adds the marking actions, the browser a grid
 * preview and the download of the annotated copy. Everything host-specific goes through Host.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
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
import { GridPreview } from './GridPreview';
import { findingKey, groupFindings, tableKey, tableOfFinding } from './group';
import { describeError, type Host, type MarkReport } from './host';
import type { Locale, Strings } from './i18n';
import { stringsFor } from './i18n';
import { ScanBar } from './ScanBar';
import { SummaryCard } from './SummaryCard';
import { TableList } from './TableList';
import { useScan } from './useScan';

const useStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    minHeight: '100vh',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, marginBottom: tokens.spacingVerticalM },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  layout: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  wide: {
    '@media (min-width: 960px)': {
      display: 'grid',
      gridTemplateColumns: 'minmax(360px, 480px) minmax(0, 1fr)',
      alignItems: 'start',
      columnGap: tokens.spacingHorizontalXXL,
    },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  sticky: { '@media (min-width: 960px)': { position: 'sticky', top: tokens.spacingVerticalM } },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sectionTitle: { margin: 0 },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
});

export interface AppProps {
  host: Host;
  locale: Locale;
}

function isBrowserHost(host: Host): host is BrowserHost {
  return host.kind === 'browser';
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }): JSX.Element {
  const styles = useStyles();
  const id = useId('section');
  return (
    <section className={styles.section} aria-labelledby={id} data-testid={testId}>
      <Text as="h2" size={400} weight="semibold" id={id} className={styles.sectionTitle}>
        {title}
      </Text>
      {children}
    </section>
  );
}

function Pane({ host, t }: { host: Host; t: Strings }): JSX.Element {
  const styles = useStyles();
  const toasterId = useId('toaster');
  const { dispatchToast } = useToastController(toasterId);
  const { state, scan, reset, busy } = useScan(host);
  const browser = isBrowserHost(host) ? host : undefined;

  const [file, setFile] = useState<{ name: string; size: number } | undefined>();
  const [fileError, setFileError] = useState<{ zh: string; en?: string } | undefined>();
  const [previewKey, setPreviewKey] = useState<string | undefined>();
  const [active, setActive] = useState<Finding | undefined>();
  const [running, setRunning] = useState<MarkAction | undefined>();
  const [downloading, setDownloading] = useState(false);

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

  const groups = useMemo(
    () => (result && outcome ? groupFindings(result.tables, result.findings, outcome.workbook.sheets.map((s) => s.name)) : []),
    [result, outcome],
  );
  const counts = useMemo(() => new Map(groups.filter((g) => g.table).map((g) => [g.key, g.count])), [groups]);

  // A new result: preview its first table with findings (or its first table), nothing selected.
  useEffect(() => {
    setActive(undefined);
    const first = result ? (groups.find((g) => g.table)?.table ?? result.tables[0]) : undefined;
    setPreviewKey(first ? tableKey(first) : undefined);
  }, [result, groups]);

  const previewTable = result?.tables.find((x) => tableKey(x) === previewKey);
  const previewSheet = previewTable ? outcome?.workbook.sheets.find((s) => s.name === previewTable.sheet) : undefined;

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
      downloadBytes(copy.bytes, copy.name);
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

  const scanError = state.status === 'error' ? state.error : undefined;
  const error = fileError ?? scanError;
  const hasScoring = !!result?.tables.some((x) => x.kind === 'scoring');

  const scanBar = (
    <ScanBar scopes={host.scopes} status={state.status} progress={state.progress} disabled={!!browser && !file} onScan={scan} t={t} />
  );

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
          <ActionBar
            running={running}
            disabled={busy}
            canHighlight={!!result && result.findings.length > 0}
            canReview={hasScoring}
            onAction={onAction}
            t={t}
          />
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

      {result && outcome && state.status !== 'error' ? (
        <>
          <SummaryCard summary={result.summary} source={outcome.workbook.source || undefined} t={t} />
          {result.tables.length === 0 ? (
            <MessageBar intent="warning" layout="multiline" data-testid="no-tables">
              <MessageBarBody>
                <MessageBarTitle>{t.noTables}</MessageBarTitle>
                {t.noTablesDetail}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <Section title={t.tables} testId="tables">
              <TableList tables={result.tables} counts={counts} t={t} selectedKey={browser ? previewKey : undefined} onSelect={onTable} />
            </Section>
          )}
          {result.tables.length > 0 && result.findings.length === 0 ? (
            <MessageBar intent="success" layout="multiline" data-testid="no-findings">
              <MessageBarBody>
                <MessageBarTitle>{t.noFindings}</MessageBarTitle>
                {t.noFindingsDetail}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {result.findings.length > 0 ? (
            <Section title={t.findingsTitle(result.findings.length)} testId="findings">
              <FindingList key={state.scanId} groups={groups} t={t} activeKey={active ? findingKey(active) : undefined} onActivate={onActivate} />
            </Section>
          ) : null}
        </>
      ) : null}
    </div>
  );

  const showPreview = !!browser && !!result && state.status !== 'error' && !!previewTable && !!previewSheet;
  return (
    <main className={styles.page} data-host={host.kind}>
      <header className={styles.header}>
        <Text as="h1" size={600} weight="semibold" className={styles.title}>
          {t.title}
        </Text>
        <Text size={200} className={styles.subtitle}>
          {browser ? t.subtitleBrowser : t.subtitleExcel}
        </Text>
      </header>
      <div className={mergeClasses(styles.layout, browser && styles.wide)}>
        {main}
        {showPreview ? (
          <div className={mergeClasses(styles.panel, styles.sticky)}>
            <GridPreview
              sheet={previewSheet!}
              table={previewTable!}
              findings={result!.findings}
              activeCell={active && active.sheet === previewTable!.sheet ? active.cell : undefined}
              t={t}
            />
          </div>
        ) : null}
      </div>
      <Toaster toasterId={toasterId} position="bottom-end" />
    </main>
  );
}

export function App({ host, locale }: AppProps): JSX.Element {
  const t = stringsFor(locale);
  return (
    <FluentProvider theme={webLightTheme} lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <Pane host={host} t={t} />
    </FluentProvider>
  );
}
