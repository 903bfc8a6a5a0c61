/** Counts of the audit: errors, warnings, notes as badges; tables, indicators; total score and grade when stated. */
import { Badge, Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { AuditSummary } from '../core/audit/types';
import type { Strings } from './i18n';
import { BADGE_COLOR, SeverityIcon } from './severity';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  score: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  figure: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

export interface SummaryCardProps {
  summary: AuditSummary;
  source?: string;
  t: Strings;
}

export function SummaryCard({ summary, source, t }: SummaryCardProps): JSX.Element {
  const styles = useStyles();
  const counts = [
    { severity: 'error' as const, n: summary.errors, label: t.errors },
    { severity: 'warning' as const, n: summary.warnings, label: t.warnings },
    { severity: 'info' as const, n: summary.infos, label: t.infos },
  ];
  return (
    <Card className={styles.card} role="region" aria-label={t.summary} data-testid="summary">
      <Text weight="semibold" size={400} as="h2" className={styles.title}>
        {t.summary}
      </Text>
      <div className={styles.row} role="list" aria-label={t.findings}>
        {counts.map((c) => (
          <Badge
            key={c.severity}
            role="listitem"
            size="large"
            appearance={c.n > 0 ? 'tint' : 'outline'}
            color={c.n > 0 ? BADGE_COLOR[c.severity] : 'informative'}
            icon={<SeverityIcon severity={c.severity} />}
            data-testid={`count-${c.severity}`}
            aria-label={`${c.label} ${c.n}`}
          >
            {c.label} {c.n}
          </Badge>
        ))}
      </div>
      <Text size={200} className={styles.muted}>
        {t.tablesCount(summary.tables)} · {t.indicatorsCount(summary.indicators)}
        {source ? ` · ${t.source}${t.colon}${source}` : ''}
      </Text>
      {summary.totalScore !== undefined || summary.grade ? (
        <div className={styles.score}>
          {summary.totalScore !== undefined ? (
            <Text>
              {t.totalScore}
              {t.colon}
              <span className={styles.figure} data-testid="total-score">
                {Number(summary.totalScore.toFixed(4))}
              </span>
            </Text>
          ) : null}
          {summary.grade ? (
            <Text>
              {t.grade}
              {t.colon}
              <span className={styles.figure} data-testid="grade">
                {summary.grade}
              </span>
            </Text>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
