/**
 * What the add-in writes into a workbook and how it knows it again. Highlights and comments carry
 * their own mark, so nothing of the user's is ever taken for ours: a conditional format whose
 * formula is markFormula(severity) (a constant comparison naming 评分审核, always true, no
 * reference and no function name, so it reads the same in every language), and a comment that
 * starts with COMMENT_PREFIX (the Excel host's). Review columns are recorded in the workbook's
 * custom properties (properties.ts) under the Excel host's key, with the Excel host's record shape.
 */
import type { Severity } from '../core/audit/types';
import { MARKS_KEY, parseRecord, type ReviewMark } from '../excel/settings';
import { REVIEWS_KEY, type StoredReviews } from '../excel/reviews';
import { SEVERITY_STYLE } from '../excel/highlight';
import { COMMENT_PREFIX } from '../excel/comments';
import type { WpsDocProperties } from './facade';
import { readProperty, writeProperty } from './properties';

export { COMMENT_PREFIX, isOurCommentText } from '../excel/comments';

/** The Excel host's comment prefix, also the mark in our conditional formats. */
const MARK_WORD = COMMENT_PREFIX;

/** The formula of our conditional format for one severity: `="【评分审核】错误"<>""`. */
export function markFormula(severity: Severity): string {
  return `="${MARK_WORD}${SEVERITY_STYLE[severity].label}"<>""`;
}

/** A conditional format formula is ours (compared without spaces, quotes doubled or not). */
export function isOurFormula(formula: unknown): boolean {
  return typeof formula === 'string' && formula.replace(/\s/g, '').includes(`"${MARK_WORD}`);
}

/** '#FFC7CE' → the BGR number VBA colours are (red + green·256 + blue·65536). */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n >> 16) & 0xff) + ((n >> 8) & 0xff) * 0x100 + (n & 0xff) * 0x10000;
}

export function loadReviewMarks(props: WpsDocProperties): ReviewMark[] {
  const raw = readProperty(props, MARKS_KEY);
  return raw === undefined ? [] : parseRecord(raw).review;
}

export function saveReviewMarks(props: WpsDocProperties, review: ReviewMark[]): void {
  writeProperty(props, MARKS_KEY, review.length > 0 ? JSON.stringify({ version: 1, cfs: [], comments: [], review }) : undefined);
}

export function loadReviewStates(props: WpsDocProperties): StoredReviews {
  const raw = readProperty(props, REVIEWS_KEY);
  if (raw === undefined) return {};
  try {
    const states = (JSON.parse(raw) as { states?: unknown }).states;
    if (typeof states !== 'object' || states === null) return {};
    return Object.fromEntries(Object.entries(states).filter(([, s]) => s === 'reviewed' || s === 'ignored')) as StoredReviews;
  } catch {
    return {};
  }
}

export function saveReviewStates(props: WpsDocProperties, states: StoredReviews): void {
  writeProperty(props, REVIEWS_KEY, Object.keys(states).length > 0 ? JSON.stringify({ version: 1, states }) : undefined);
}
