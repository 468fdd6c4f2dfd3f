import type { SurveyText } from '../texts.ts';

/** The page's translator, as every screen receives it. */
export type T = (key: SurveyText, vars?: Readonly<Record<string, string | number>>) => string;
