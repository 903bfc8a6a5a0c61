/**
 * Browser mode: pick an .xlsx (a native file input behind a Fluent button) and download the
 * annotated copy once the workbook has been audited.
 */
import { useRef, type ReactNode } from 'react';
import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowUpload20Regular, DocumentArrowDown20Regular } from '@fluentui/react-icons';
import { formatSize, type Strings } from './i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // Visually hidden but reachable by label and by scripts (tests set files on it).
  input: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  name: { color: tokens.colorNeutralForeground2, wordBreak: 'break-all' },
});

export interface BrowserFilePanelProps {
  file?: { name: string; size: number };
  busy: boolean;
  onPick: (file: File) => void;
  /** Present once there is an audit result to annotate. */
  onDownload?: () => void;
  downloading: boolean;
  t: Strings;
  /** Shown between the file row and the download button (the scan bar). */
  children?: ReactNode;
}

export function BrowserFilePanel({ file, busy, onPick, onDownload, downloading, t, children }: BrowserFilePanelProps): JSX.Element {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <input
          ref={input}
          className={styles.input}
          type="file"
          accept=".xlsx,.xlsm,.xls,.et,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12,application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-label={t.fileInputLabel}
          data-testid="file-input"
          tabIndex={-1}
          disabled={busy}
          onChange={(e) => {
            const picked = e.currentTarget.files?.[0];
            if (picked) onPick(picked);
            // Picking the same file again must fire change again.
            e.currentTarget.value = '';
          }}
        />
        <Button icon={<ArrowUpload20Regular />} disabled={busy} onClick={() => input.current?.click()} aria-label={t.fileInputLabel} data-testid="choose-file">
          {t.chooseFile}
        </Button>
        <Text className={styles.name} aria-live="polite" data-testid="file-name">
          {file ? t.fileChosen(file.name, formatSize(file.size)) : t.noFile}
        </Text>
      </div>
      {children}
      {onDownload ? (
        <div className={styles.row}>
          <Button
            appearance="secondary"
            icon={downloading ? <Spinner size="tiny" /> : <DocumentArrowDown20Regular />}
            disabled={busy || downloading}
            onClick={onDownload}
            title={t.downloadHint}
            data-testid="download-button"
          >
            {downloading ? t.downloading : t.download}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
