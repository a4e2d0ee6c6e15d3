// Which of the reader's settings differ from the claim's (the form's defaults are the claim's parameters):
// a run with other settings is a different experiment, not a test of the claim.
import type { ParamSchema } from '~/lab/experiment/schema';

export interface ChangedSetting {
  name: string;
  label: string;
  claimValue: string;
  yourValue: string;
}

const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v));

export function settingsChanged(schema: ParamSchema, params: Record<string, unknown>): ChangedSetting[] {
  return Object.entries(schema).flatMap(([name, spec]) => {
    const yours = params[name] ?? spec.default;
    if (JSON.stringify(yours) === JSON.stringify(spec.default)) return [];
    return [{ name, label: spec.label, claimValue: show(spec.default), yourValue: show(yours) }];
  });
}
