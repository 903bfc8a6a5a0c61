/**
 * Findings grouped by table (an accordion section each, all open at first), then by severity.
 */
import { useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  makeStyles,
  Text,
  tokens,
  useId,
  type AccordionToggleEventHandler,
} from '@fluentui/react-components';
import type { Finding } from '../core/audit/types';
import { findingKey, type FindingGroup } from './group';
import type { Strings } from './i18n';
import { FindingItem } from './FindingItem';
import { BADGE_COLOR, SeverityIcon } from './severity';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold },
  place: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  badges: { display: 'inline-flex', gap: tokens.spacingHorizontalXS },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalM },
  severityHead: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    margin: `0 0 ${tokens.spacingVerticalXS} 0`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
});

export interface FindingListProps {
  groups: FindingGroup[];
  t: Strings;
  activeKey?: string;
  onActivate: (finding: Finding) => void;
}

function groupTitle(group: FindingGroup, t: Strings): { title: string; place: string } {
  if (group.table) return { title: t.kind[group.table.kind], place: `${group.sheet}!${group.range ?? ''}` };
  if (group.range) return { title: group.sheet, place: group.range };
  return { title: t.otherFindings(group.sheet), place: '' };
}

export function FindingList({ groups, t, activeKey, onActivate }: FindingListProps): JSX.Element {
  const styles = useStyles();
  const baseId = useId('findings');
  // Every section open at first; the parent remounts the list (key) for a new result.
  const [open, setOpen] = useState<string[]>(() => groups.map((g) => g.key));
  const onToggle: AccordionToggleEventHandler<string> = (_e, data) => setOpen(data.openItems);

  return (
    <Accordion multiple collapsible openItems={open} onToggle={onToggle} data-testid="finding-list">
      {groups.map((group, gi) => {
        const { title, place } = groupTitle(group, t);
        return (
          <AccordionItem key={group.key} value={group.key} data-testid="finding-group">
            <AccordionHeader size="medium" aria-label={`${title} ${place} ${t.findingsCount(group.count)}`}>
              <span className={styles.header}>
                <span className={styles.title}>{title}</span>
                {place ? <span className={styles.place}>{place}</span> : null}
                <span className={styles.badges}>
                  {group.severities.map((s) => (
                    <Badge key={s.severity} size="small" appearance="tint" color={BADGE_COLOR[s.severity]}>
                      {s.findings.length}
                    </Badge>
                  ))}
                </span>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <div className={styles.panel}>
                {group.severities.map((s) => {
                  const headId = `${baseId}-${gi}-${s.severity}`;
                  return (
                    <section key={s.severity} aria-labelledby={headId}>
                      <h4 className={styles.severityHead} id={headId}>
                        <SeverityIcon severity={s.severity} />
                        <Text size={200} weight="semibold">
                          {t.severity[s.severity]} · {t.findingsCount(s.findings.length)}
                        </Text>
                      </h4>
                      <ul className={styles.list}>
                        {s.findings.map((f) => (
                          <FindingItem
                            key={findingKey(f)}
                            finding={f}
                            t={t}
                            showSheet={!group.table && !group.range}
                            active={activeKey === findingKey(f)}
                            onActivate={onActivate}
                          />
                        ))}
                      </ul>
                    </section>
                  );
                })}
              </div>
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
