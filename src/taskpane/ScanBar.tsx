/**
 * The scan buttons (扫描工作表 / 扫描工作簿 in Excel, one 扫描 in the browser) and a progress bar
 * while the workbook is read and audited.
 */
import { Button, Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { DocumentSearch20Regular, ScanText20Regular } from '@fluentui/react-icons';
import type { ReadProgress, ScanScope } from './host';
import type { Strings } from './i18n';
import type { ScanStatus } from './useScan';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ScanBarProps {
  scopes: readonly ScanScope[];
  status: ScanStatus;
  progress?: ReadProgress;
  /** Scanning is not possible yet (browser: no file chosen). */
  disabled?: boolean;
  onScan: (scope: ScanScope) => void;
  t: Strings;
}

function progressText(status: ScanStatus, progress: ReadProgress | undefined, t: Strings): string {
  if (status === 'auditing') return t.auditing;
  if (progress && progress.sheet && progress.total > 1) return t.readingSheet(progress.sheet, progress.done, progress.total);
  return t.reading;
}

export function ScanBar({ scopes, status, progress, disabled, onScan, t }: ScanBarProps): JSX.Element {
  const styles = useStyles();
  const busy = status === 'reading' || status === 'auditing';
  const single = scopes.length === 1;
  // Determinate only while several sheets are read one by one.
  const value = status === 'reading' && progress && progress.total > 1 ? progress.done / progress.total : undefined;
  return (
    <div className={styles.root}>
      <div className={styles.buttons} role="group" aria-label={t.scan}>
        {scopes.includes('sheet') ? (
          <Button
            appearance="primary"
            icon={<ScanText20Regular />}
            disabled={busy || disabled}
            onClick={() => onScan('sheet')}
            title={t.scanSheetHint}
            data-testid="scan-sheet"
          >
            {t.scanSheet}
          </Button>
        ) : null}
        {scopes.includes('workbook') ? (
          <Button
            appearance={single ? 'primary' : 'secondary'}
            icon={<DocumentSearch20Regular />}
            disabled={busy || disabled}
            onClick={() => onScan('workbook')}
            title={t.scanWorkbookHint}
            data-testid={single ? 'scan-button' : 'scan-workbook'}
          >
            {single ? t.scan : t.scanWorkbook}
          </Button>
        ) : null}
      </div>
      {busy ? (
        <Field validationMessage={progressText(status, progress, t)} validationState="none" data-testid="scan-progress">
          <ProgressBar value={value} thickness="medium" aria-label={progressText(status, progress, t)} />
        </Field>
      ) : null}
    </div>
  );
}
