/**
 * 得分率 by 一级指标 as horizontal bars, one group per scoring table. Plain elements and Fluent
 * tokens (no chart library): each row is text a screen reader reads whole; the bar is decoration.
 */
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { rangeA1 } from '../core/sheet/address';
import type { Strings } from './i18n';
import type { TableRates } from './levels';

/** Below these rates a bar takes the warning and the danger colour. */
const LOW_RATE = 0.8;
const FAILING_RATE = 0.6;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  caption: { color: tokens.colorNeutralForeground3 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  row: {
    listStyleType: 'none',
    display: 'grid',
    gridTemplateColumns: 'minmax(4em, 8em) minmax(0, 1fr) auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
  },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  track: { height: '12px', borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralBackground4, overflow: 'hidden' },
  bar: { height: '100%', backgroundColor: tokens.colorBrandBackground },
  low: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  failing: { backgroundColor: tokens.colorPaletteRedBackground3 },
  value: { fontVariantNumeric: 'tabular-nums', textAlign: 'end', minWidth: '9em', color: tokens.colorNeutralForeground2 },
});

const num = (v: number) => String(Number(v.toFixed(2)));
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export function LevelChart({ rates, t }: { rates: readonly TableRates[]; t: Strings }): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root} data-testid="level-chart">
      <Text size={200} className={styles.caption}>
        {t.levelChartHint}
      </Text>
      {rates.map(({ table, levels }) => {
        const title = `${t.kind[table.kind]} · ${table.sheet}!${rangeA1(table.range)}`;
        return (
          <section key={`${table.sheet}!${rangeA1(table.range)}`} aria-label={title}>
            <Text weight="semibold" size={200} as="h3">
              {title}
            </Text>
            <ul className={styles.list}>
              {levels.map((l) => (
                <li key={l.name} className={styles.row} aria-label={t.levelRow(l.name, num(l.score), num(l.points), pct(l.rate))} data-testid="level-row">
                  <span className={styles.name} title={l.name} aria-hidden>
                    {l.name}
                  </span>
                  <span className={styles.track} aria-hidden>
                    <span
                      className={mergeClasses(styles.bar, l.rate < FAILING_RATE ? styles.failing : l.rate < LOW_RATE ? styles.low : undefined)}
                      style={{ display: 'block', width: `${Math.max(0, Math.min(1, l.rate)) * 100}%` }}
                    />
                  </span>
                  <span className={styles.value} aria-hidden>
                    {pct(l.rate)}（{num(l.score)}/{num(l.points)}）
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
