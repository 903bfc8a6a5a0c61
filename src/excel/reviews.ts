/**
 * The reviewer's 已复核 / 忽略 per finding, kept in the workbook's settings (ExcelApi 1.4) so that
 * they travel with the file. Keys and meaning belong to the pane; here they are only stored.
 */
export const REVIEWS_KEY = 'scoreAudit.reviews';

export type StoredReviews = Record<string, 'reviewed' | 'ignored'>;

function parseReviews(value: unknown): StoredReviews {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return {};
    }
  }
  if (typeof v !== 'object' || v === null) return {};
  const states = (v as { states?: unknown }).states;
  if (typeof states !== 'object' || states === null) return {};
  return Object.fromEntries(Object.entries(states).filter(([, s]) => s === 'reviewed' || s === 'ignored')) as StoredReviews;
}

export async function loadReviews(context: Excel.RequestContext): Promise<StoredReviews> {
  const item = context.workbook.settings.getItemOrNullObject(REVIEWS_KEY);
  item.load('value');
  await context.sync();
  return item.isNullObject ? {} : parseReviews(item.value);
}

export async function saveReviews(context: Excel.RequestContext, states: StoredReviews): Promise<void> {
  if (Object.keys(states).length > 0) context.workbook.settings.add(REVIEWS_KEY, JSON.stringify({ version: 1, states }));
  else {
    const item = context.workbook.settings.getItemOrNullObject(REVIEWS_KEY);
    await context.sync();
    if (!item.isNullObject) item.delete();
  }
  await context.sync();
}
