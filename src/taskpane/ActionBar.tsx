/** Excel only: write the findings into the workbook (标注), remove what the add-in wrote (清除标注), add review columns. */
import { Button, makeStyles, tokens, Toolbar } from '@fluentui/react-components';
import { Eraser20Regular, Highlight20Regular, TableAdd20Regular } from '@fluentui/react-icons';
import type { Strings } from './i18n';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, padding: 0 },
});

export type MarkAction = 'highlight' | 'clear' | 'review';

export interface ActionBarProps {
  /** Which action is running, if any. */
  running?: MarkAction;
  /** Disabled while a scan runs. */
  disabled: boolean;
  canHighlight: boolean;
  canReview: boolean;
  onAction: (action: MarkAction) => void;
  t: Strings;
}

export function ActionBar({ running, disabled, canHighlight, canReview, onAction, t }: ActionBarProps): JSX.Element {
  const styles = useStyles();
  const off = disabled || running !== undefined;
  return (
    <Toolbar className={styles.bar} aria-label={t.actions} data-testid="actions">
      <Button icon={<Highlight20Regular />} disabled={off || !canHighlight} onClick={() => onAction('highlight')} data-testid="action-highlight">
        {t.annotate}
      </Button>
      <Button icon={<Eraser20Regular />} disabled={off} onClick={() => onAction('clear')} data-testid="action-clear">
        {t.clearMarks}
      </Button>
      <Button
        icon={<TableAdd20Regular />}
        disabled={off || !canReview}
        onClick={() => onAction('review')}
        title={t.reviewColumnsHint}
        data-testid="action-review"
      >
        {t.reviewColumns}
      </Button>
    </Toolbar>
  );
}
