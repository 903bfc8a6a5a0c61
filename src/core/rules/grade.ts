/**
 * Grades from a total score. 'standard' is 财预〔2020〕10号 第十八条 (≥90 优, ≥80 良, ≥60 中,
 * else 差); 'five' is the five-level scheme of seed 003 (≥90 优, ≥80 良, ≥70 中, ≥60 低, else 差).
 */
export type GradeScheme = 'standard' | 'five';

export interface GradeSchemeInfo {
  id: GradeScheme;
  /** Names a user may type for it (PERF.GRADE's second argument). */
  names: string[];
  /** Lower bounds, highest first. */
  bands: Array<{ min: number; grade: string }>;
  below: string;
  description: string;
}

export const GRADE_SCHEMES: readonly GradeSchemeInfo[] = [
  {
    id: 'standard',
    names: ['standard', '四级', '标准', '财预〔2020〕10号', '财预[2020]10号', '10号文'],
    bands: [
      { min: 90, grade: '优' },
      { min: 80, grade: '良' },
      { min: 60, grade: '中' },
    ],
    below: '差',
    description: '≥90 优，80–90 良，60–80 中，<60 差（财预〔2020〕10号）',
  },
  {
    id: 'five',
    names: ['five', '五级', '5级'],
    bands: [
      { min: 90, grade: '优' },
      { min: 80, grade: '良' },
      { min: 70, grade: '中' },
      { min: 60, grade: '低' },
    ],
    below: '差',
    description: '≥90 优，80–90 良，70–80 中，60–70 低，<60 差',
  },
];

/** The scheme a name stands for; undefined when the name is unknown. Empty means the standard one. */
export function gradeSchemeOf(name: string | undefined | null): GradeScheme | undefined {
  const n = String(name ?? '').trim().toLowerCase();
  if (n === '') return 'standard';
  return GRADE_SCHEMES.find((s) => s.names.some((x) => x.toLowerCase() === n))?.id;
}

/** The grade of a total; null for a total that is not a finite number. */
export function gradeOf(total: number, scheme: GradeScheme = 'standard'): string | null {
  return gradeIn(total, GRADE_SCHEMES.find((s) => s.id === scheme) ?? GRADE_SCHEMES[0]);
}

/** The grade of a total under any bands (a scheme a sheet states itself); null for a total that is not a finite number. */
export function gradeIn(total: number, scheme: Pick<GradeSchemeInfo, 'bands' | 'below'>): string | null {
  if (typeof total !== 'number' || !Number.isFinite(total)) return null;
  // Totals are published to 2 decimals; 89.999 is shown and graded as 90.
  const t = Math.round(total * 100) / 100;
  for (const b of scheme.bands) if (t >= b.min) return b.grade;
  return scheme.below;
}
