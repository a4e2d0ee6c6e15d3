// Dedicated figures per experiment, reading the measurement shapes the experiments return.
import type { ChartSpec } from './spec';

export type FigureMaker = (measurements: never, params: Record<string, unknown>) => ChartSpec[];

export const dedicatedFigures: Record<string, FigureMaker> = {};
