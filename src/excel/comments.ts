/**
 * The workbook's threaded comments with their cells, and which of them are ours. Ours start with
 * COMMENT_PREFIX and a line break: the text itself identifies them, so a comment whose id was
 * never recorded (a run that failed after adding it) is still removed by 清除标注.
 *
 * Two syncs: the collection (queueComments, in the caller's first sync), then one location per
 * comment (queueLocations, in the second).
 */
import { locationKey, splitAddress } from './plan';
import type { MarkRecord } from './settings';

export const COMMENT_PREFIX = '【评分审核】';

export interface CommentEntry {
  comment: Excel.Comment;
  id: string;
  sheet: string;
  /** A1 of the cell, no `$`. */
  cell: string;
  ours: boolean;
}

export function isOurCommentText(content: string): boolean {
  return content.startsWith(`${COMMENT_PREFIX}\n`);
}

/** Queue the load of every comment's id and text. */
export function queueComments(context: Excel.RequestContext): Excel.CommentCollection {
  const comments = context.workbook.comments;
  comments.load('items/id,items/content');
  return comments;
}

/** After the sync that loaded `comments`: queue each comment's location; read entries after the next sync. */
export function queueLocations(comments: Excel.CommentCollection, record: MarkRecord): { get: () => CommentEntry[] } {
  const recordedIds = new Set(record.comments.map((c) => c.id).filter((id): id is string => !!id));
  const located = comments.items.map((comment) => {
    const location = comment.getLocation();
    location.load('address');
    return { comment, location };
  });
  return {
    get: () =>
      located.map(({ comment, location }) => {
        const { sheet, range } = splitAddress(location.address);
        return { comment, id: comment.id, sheet, cell: range.toUpperCase(), ours: recordedIds.has(comment.id) || isOurCommentText(comment.content) };
      }),
  };
}

/** "sheet!A1" keys of the cells that hold a comment of the user's. */
export function takenCells(entries: readonly CommentEntry[]): Set<string> {
  return new Set(entries.filter((e) => !e.ours).map((e) => locationKey(e.sheet, e.cell)));
}
