/**
 * The pane's root: waits for the host decision (startup.ts), with no timeout deciding for the
 * user. While Office is not ready it says so, and after a while offers browser mode as a choice;
 * an answer from Excel, even a late one, always wins (inside Excel nobody picks a file).
 */
import { useEffect, useRef, useState } from 'react';
import { Button, FluentProvider, makeStyles, MessageBar, MessageBarBody, Spinner, tokens, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import type { Host, Notice } from './host';
import { hostLanguage, pickLocale, stringsFor, type Locale } from './i18n';
import type { StartupResult } from './startup';

/** When to offer browser mode while Office keeps silent: a hint, not a decision. */
export const SLOW_START_HINT_MS = 6000;

const useStyles = makeStyles({
  waiting: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, alignItems: 'flex-start' },
});

export interface StartupProps {
  detect: () => Promise<StartupResult>;
  createExcelHost: () => Host;
  createBrowserHost: () => Host;
  slowHintMs?: number;
}

/** Why the pane runs in browser mode, in both languages. */
function browserNotice(result: StartupResult | undefined): Notice {
  const [zh, en] = [stringsFor('zh'), stringsFor('en')];
  if (result?.kind === 'browser' && result.why === 'other-host') return { intent: 'warning', zh: zh.browserOtherHost(result.host ?? ''), en: en.browserOtherHost(result.host ?? '') };
  if (result?.kind === 'browser' && result.why === 'outside-office') return { intent: 'info', zh: zh.browserOutsideOffice, en: en.browserOutsideOffice };
  return { intent: 'info', zh: zh.browserNoOffice, en: en.browserNoOffice };
}

export function Startup({ detect, createExcelHost, createBrowserHost, slowHintMs = SLOW_START_HINT_MS }: StartupProps): JSX.Element {
  const styles = useStyles();
  const [result, setResult] = useState<StartupResult | undefined>();
  const [chosenBrowser, setChosenBrowser] = useState(false);
  const [slow, setSlow] = useState(false);

  useEffect(() => {
    let live = true;
    detect().then((r) => live && setResult(r));
    const timer = setTimeout(() => live && setSlow(true), slowHintMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [detect, slowHintMs]);

  const mode: 'excel' | 'browser' | undefined = result?.kind === 'excel' ? 'excel' : result?.kind === 'browser' || chosenBrowser ? 'browser' : undefined;
  // One host per mode for the life of the pane, whatever the parent passes on a re-render.
  const hosts = useRef(new Map<'excel' | 'browser', Host>());
  let host = mode ? hosts.current.get(mode) : undefined;
  if (mode && !host) {
    host = mode === 'excel' ? createExcelHost() : createBrowserHost();
    hosts.current.set(mode, host);
  }
  const locale: Locale = pickLocale(hostLanguage(result?.kind === 'excel' ? result.language : undefined));

  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [locale]);

  if (!host) {
    const t = stringsFor(locale);
    return (
      <FluentProvider theme={webLightTheme}>
        <div className={styles.waiting} data-testid="starting">
          <Spinner size="small" label={t.connecting} />
          {slow ? (
            <MessageBar intent="info" layout="multiline" data-testid="slow-start">
              <MessageBarBody>{t.slowStart}</MessageBarBody>
            </MessageBar>
          ) : null}
          {slow ? (
            <Button onClick={() => setChosenBrowser(true)} data-testid="use-browser">
              {t.useBrowserMode}
            </Button>
          ) : null}
        </div>
      </FluentProvider>
    );
  }
  const notices = mode === 'browser' ? [browserNotice(result)] : [];
  return <App host={host} locale={locale} notices={notices} />;
}
