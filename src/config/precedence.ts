// Precedence of settings: host beats child group beats parent group beats defaults.
import type { connectionFields } from './inventory-schema.js';
import type { Infer } from './schema/types.js';

type Conn = { [K in keyof typeof connectionFields]?: Infer<(typeof connectionFields)[K]> };
type WithVars = Conn & { vars?: Record<string, unknown> };

/** Merged settings of one host; `env` and `vars` merge key by key, the rest is replaced. */
export type MergedSettings = Conn & { vars: Record<string, unknown> };

/** Merges layers in precedence order: defaults, groups (parents first), then the host. */
export function mergeHostSettings(defaults: Conn, groups: readonly WithVars[], host: WithVars, inventoryVars: Record<string, unknown>): MergedSettings {
  // Assigned in place (one vars and one env object per host): copies per layer added up at 100,000 hosts.
  const out: MergedSettings = { vars: Object.assign({}, inventoryVars) };
  mergeLayer(out, defaults as WithVars);
  for (const g of groups) mergeLayer(out, g);
  mergeLayer(out, host);
  return out;
}

// One layer into `out`, in place (a module function: a closure per host is a named function object per host in the bundle).
function mergeLayer(out: MergedSettings, layer: WithVars): void {
  for (const k in layer) {
    const v = (layer as Record<string, unknown>)[k];
    if (v === undefined || k === 'hosts' || k === 'children') continue;
    if (k === 'vars') Object.assign(out.vars, v);
    else if (k === 'env') out.env = Object.assign(out.env ?? {}, v);
    else (out as Record<string, unknown>)[k] = v;
  }
}
