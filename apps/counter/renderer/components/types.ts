import type { translator } from '@giliran/ui';
import type { CounterText } from '../texts.ts';

export type T = ReturnType<typeof translator<CounterText>>;
