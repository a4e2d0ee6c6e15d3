// Form controls derived from an experiment's parameter schema: rendered at build time by the evidence block
// and read back by the controller, so the page's form and the validation always agree.
import { describeAllowed, type ParamSchema, type ParamSpec } from '~/lab/experiment/schema';

export interface Control {
  name: string;
  label: string;
  kind: 'number' | 'select' | 'checkbox' | 'text';
  /** What the parameter accepts, in words (shown as help text and used in error messages). */
  help: string;
  value: string;
  min?: number;
  max?: number;
  step?: number | 'any';
  options?: string[];
  unit?: string;
}

function control(name: string, spec: ParamSpec): Control {
  const base = { name, label: spec.label, help: describeAllowed(spec) };
  switch (spec.type) {
    case 'int':
      return { ...base, kind: 'number', value: String(spec.default), min: spec.min, max: spec.max, step: spec.step ?? 1, unit: spec.unit };
    case 'number':
      return { ...base, kind: 'number', value: String(spec.default), min: spec.min, max: spec.max, step: 'any', unit: spec.unit };
    case 'enum':
      return { ...base, kind: 'select', value: spec.default, options: [...spec.values] };
    case 'boolean':
      return { ...base, kind: 'checkbox', value: String(spec.default) };
    case 'int[]':
      return { ...base, kind: 'text', value: spec.default.join(','), unit: spec.unit };
  }
}

/** One control per parameter, in the schema's order. */
export function controlsFor(schema: ParamSchema): Control[] {
  return Object.entries(schema).map(([name, spec]) => control(name, spec));
}

/** A value as the form shows it (lists comma-separated). */
export function formValue(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}
