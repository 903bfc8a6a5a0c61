/**
 * Entry of the pane. Inside Excel (Office.onReady reports the Excel host) the pane works on the
 * open workbook; outside Office (office.js missing, or onReady answering without a host) it starts
 * in browser mode on a picked .xlsx file. No timer decides: see startup.ts and Startup.tsx.
 */
import { createRoot } from 'react-dom/client';
import { createBrowserHost } from './browserHost';
import { createExcelHost } from './excelHost';
import { detectHost } from './startup';
import { Startup } from './Startup';

const makeExcelHost = () => createExcelHost();
const makeBrowserHost = () => createBrowserHost();
const detect = () => detectHost();

const container = document.getElementById('root');
if (container) createRoot(container).render(<Startup detect={detect} createExcelHost={makeExcelHost} createBrowserHost={makeBrowserHost} />);
