/**
 * The findings, the worst first: filters (severity, check, review status), 上一个 / 下一个 stepping
 * that selects each cell in turn (like Excel's Error Checking), and the list. Stepping is
 * announced to screen readers; the list grows as the stepping passes its end.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button, Dropdown, makeStyles, Option, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { ArrowDown20Regular, ArrowUp20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import { checkName } from '../core/audit/catalogue';
import type { Finding, Severity } from '../core/audit/types';
import { countByCode, countBySeverity, filterFindings, findingKey, NO_FILTER, SEVERITIES, STATUS_FILTERS, type FindingFilter, type StatusFilter } from './group';
import type { ReviewState } from './host';
import { FindingItem } from './FindingItem';
import type { Locale, Strings } from './i18n';
import { SeverityIcon } from './severity';

/** Items rendered at first; more appear as the stepping (or the user) reaches the end. */
export const LIST_PAGE = 200;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  toolbar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: '150px', flexGrow: 1, maxWidth: '260px' },
  // Stays at the top while the list scrolls, so 下一个 is always at hand.
  stepper: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalXS} 0`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  position: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums', marginRight: 'auto' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, '& > li': { scrollMarginTop: '48px' } },
  empty: { color: tokens.colorNeutralForeground3, padding: tokens.spacingVerticalM },
  live: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export interface FindingListProps {
  /** Every finding, already in display order (orderFindings). */
  findings: readonly Finding[];
  t: Strings;
  locale: Locale;
  activeKey?: string;
  onActivate: (finding: Finding) => void;
  stateOf: (f: Finding) => ReviewState | undefined;
  onState: (f: Finding, state: ReviewState | undefined) => void;
  /** Number format of a finding's cell. */
  formatOf: (f: Finding) => string | undefined;
  /** Shown under the active item (the browser's grid at narrow widths). */
  inlinePreview?: (f: Finding) => ReactNode;
}

export function FindingList({ findings, t, locale, activeKey, onActivate, stateOf, onState, formatOf, inlinePreview }: FindingListProps): JSX.Element {
  const styles = useStyles();
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const [limit, setLimit] = useState(LIST_PAGE);
  const [announcement, setAnnouncement] = useState('');
  const listRef = useRef<HTMLUListElement>(null);

  const visible = useMemo(() => filterFindings(findings, filter, stateOf), [findings, filter, stateOf]);
  const bySeverity = useMemo(() => countBySeverity(findings), [findings]);
  const byCode = useMemo(() => countByCode(findings), [findings]);
  const order = useMemo(() => new Map(findings.map((f, i) => [findingKey(f), i])), [findings]);

  const activeIndex = activeKey === undefined ? -1 : visible.findIndex((f) => findingKey(f) === activeKey);
  // Where the active finding sits in the full order, also when a filter (or 忽略) hid it.
  const activeOrder = activeKey === undefined ? -1 : (order.get(activeKey) ?? -1);
  const nextIndex = activeIndex >= 0 ? activeIndex + 1 : visible.findIndex((f) => (order.get(findingKey(f)) ?? 0) > activeOrder);
  const prevIndex = activeIndex >= 0 ? activeIndex - 1 : findLastIndex(visible, (f) => (order.get(findingKey(f)) ?? 0) < activeOrder);
  const canNext = nextIndex >= 0 && nextIndex < visible.length;
  const canPrev = prevIndex >= 0;

  const step = useCallback(
    (index: number) => {
      const f = visible[index];
      if (!f) return;
      if (index >= limit) setLimit(index + LIST_PAGE);
      onActivate(f);
      setAnnouncement(t.stepped(index + 1, visible.length, `${t.severity[f.severity]} ${checkName(f.code, locale)} ${f.sheet}!${f.cell}`));
    },
    [visible, limit, onActivate, t, locale],
  );

  // Keep the active item in view inside the page (nearest: the page moves as little as it must).
  useEffect(() => {
    if (!activeKey) return;
    const el = listRef.current?.querySelector<HTMLElement>('[aria-current="true"]');
    el?.closest('li')?.scrollIntoView?.({ block: 'nearest' });
  }, [activeKey]);

  const toggleSeverity = (s: Severity) =>
    setFilter((f) => {
      const severities = new Set(f.severities);
      if (severities.has(s)) severities.delete(s);
      else severities.add(s);
      return { ...f, severities };
    });
  const filtered = filter.severities.size > 0 || filter.codes.size > 0 || filter.status !== NO_FILTER.status;

  return (
    <div className={styles.root}>
      <div className={styles.toolbar} data-testid="finding-toolbar">
        <div className={styles.row} role="group" aria-label={t.filterSeverity}>
          {SEVERITIES.filter((s) => bySeverity[s] > 0).map((s) => (
            <ToggleButton
              key={s}
              size="small"
              icon={<SeverityIcon severity={s} />}
              checked={filter.severities.has(s)}
              onClick={() => toggleSeverity(s)}
              data-testid={`filter-${s}`}
            >
              {t.severity[s]} {bySeverity[s]}
            </ToggleButton>
          ))}
        </div>
        <div className={styles.row}>
          <Dropdown
            className={styles.dropdown}
            size="small"
            multiselect
            aria-label={t.filterChecks}
            placeholder={t.allChecks}
            value={filter.codes.size === 0 ? '' : filter.codes.size === 1 ? checkName([...filter.codes][0], locale) : t.checksChosen(filter.codes.size)}
            selectedOptions={[...filter.codes]}
            onOptionSelect={(_e, data) => setFilter((f) => ({ ...f, codes: new Set(data.selectedOptions) }))}
            data-testid="filter-checks"
          >
            {byCode.map((c) => (
              <Option key={c.code} value={c.code} text={checkName(c.code, locale)}>
                {`${checkName(c.code, locale)}（${c.count}）`}
              </Option>
            ))}
          </Dropdown>
          <Dropdown
            className={styles.dropdown}
            size="small"
            aria-label={t.filterStatus}
            value={t.status[filter.status]}
            selectedOptions={[filter.status]}
            onOptionSelect={(_e, data) => setFilter((f) => ({ ...f, status: (data.optionValue as StatusFilter) ?? 'active' }))}
            data-testid="filter-status"
          >
            {STATUS_FILTERS.map((s) => (
              <Option key={s} value={s}>
                {t.status[s]}
              </Option>
            ))}
          </Dropdown>
          {filtered ? (
            <Button size="small" appearance="subtle" icon={<Dismiss20Regular />} onClick={() => setFilter(NO_FILTER)} data-testid="clear-filters">
              {t.clearFilters}
            </Button>
          ) : null}
        </div>
      </div>
      <div className={styles.stepper} data-testid="stepper">
        <Text size={200} className={styles.position} data-testid="position" aria-hidden>
          {activeIndex >= 0 ? t.position(activeIndex + 1, visible.length) : t.shownOf(visible.length, findings.length)}
        </Text>
        <Button size="small" icon={<ArrowUp20Regular />} disabled={!canPrev} onClick={() => step(prevIndex)} data-testid="step-previous">
          {t.previous}
        </Button>
        <Button size="small" appearance="primary" icon={<ArrowDown20Regular />} disabled={!canNext} onClick={() => step(nextIndex)} data-testid="step-next">
          {t.next}
        </Button>
        <div className={styles.live} aria-live="polite" data-testid="announcement">
          {announcement}
        </div>
      </div>
      {visible.length === 0 ? (
        <Text className={styles.empty} data-testid="none-shown">
          {t.noneShown}
        </Text>
      ) : (
        <ul className={styles.list} aria-label={t.findings} data-testid="finding-list" ref={listRef}>
          {visible.slice(0, Math.max(limit, activeIndex + 1)).map((f) => {
            const key = findingKey(f);
            const active = key === activeKey;
            return (
              <FindingItem
                key={key}
                finding={f}
                t={t}
                locale={locale}
                active={active}
                state={stateOf(f)}
                numFmt={formatOf(f)}
                onActivate={onActivate}
                onState={onState}
              >
                {active ? inlinePreview?.(f) : null}
              </FindingItem>
            );
          })}
        </ul>
      )}
      {visible.length > limit ? (
        <Button appearance="secondary" onClick={() => setLimit((n) => n + LIST_PAGE)} data-testid="show-more">
          {t.shownOf(limit, visible.length)}
        </Button>
      ) : null}
    </div>
  );
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}
