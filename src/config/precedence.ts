// Precedence of settings: host beats child group beats parent group beats defaults.
import type { connectionFields } from './inventory-schema.js';
import type { Infer } from './schema/types.js';

type Conn = { [K in keyof typeof connectionFields]?: Infer<(typeof connectionFields)[K]> };
type WithVars = Conn & { vars?: Record<string, unknown> };

/** Merged settings of one host; `env` and `vars` merge key by key, the rest is replaced. */
export type MergedSettings = Conn & { vars: Record<string, unknown> };

/** Merges layers in precedence order: defaults, groups (parents first), then the host. */
export function mergeHostSettings(defaults: Conn, groups: readonly WithVars[], host: WithVars, inventoryVars: Record<string, unknown>): MergedSettings {
  const out: MergedSettings = { vars: { ...inventoryVars } };
  for (const layer of [defaults as WithVars, ...groups, host]) {
    for (const [k, v] of Object.entries(layer)) {
      if (v === undefined || k === 'hosts' || k === 'children') continue;
      if (k === 'vars') out.vars = { ...out.vars, ...(v as Record<string, unknown>) };
      else if (k === 'env') out.env = { ...out.env, ...(v as Record<string, string>) };
      else (out as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}
