/**
 * Entry of the task pane page in WPS (taskpane.html of dist-wps/): the same App as in Excel, on the
 * WPS host. Opened outside WPS (no `wps` global), the page says where it belongs instead.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { App } from '../taskpane/App';
import { wpsGlobals } from './facade';
import { createWpsHost } from './host';

export const OUTSIDE_WPS = '本页是 WPS 表格“评分审核”加载项的任务窗格，需要在 WPS 表格中通过“评分审核”选项卡打开。在浏览器中审核文件，请打开 Excel 加载项的 taskpane.html（浏览器模式）。';

const container = document.getElementById('root');
const found = wpsGlobals();
if (container) {
  createRoot(container).render(
    found ? (
      <App host={createWpsHost(found)} locale="zh" />
    ) : (
      <FluentProvider theme={webLightTheme}>
        <MessageBar intent="warning" layout="multiline" data-testid="outside-wps">
          <MessageBarBody>{OUTSIDE_WPS}</MessageBarBody>
        </MessageBar>
      </FluentProvider>
    ),
  );
}
