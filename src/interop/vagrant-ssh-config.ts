// Converts `vagrant ssh-config` output (one `Host` block per machine) into a smoker inventory.

import { ConfigError, type ConfigIssue } from '../errors.js';
import { hoistSharedSettings } from './hoist-defaults.js';
import type { Conversion, HostEntry } from './inventory-doc.js';
import { ShellSyntaxError } from './shlex.js';
import { splitSshConfigLine } from './ssh-config-line.js';
import { addSshOption, createSshOptions, sshOptionsToFields, type SshOptions } from './ssh-options.js';
import { formatWarning, issueAt } from './source-pos.js';

/** The label positions use when the output did not come from a file. */
export const VAGRANT_STDIN = 'vagrant ssh-config';

interface Machine {
  name: string;
  line: number;
  opts: SshOptions;
}

/** Converts `vagrant ssh-config` output; throws ConfigError with file:line:col for lines that are not ssh_config. */
export function fromVagrantSshConfig(text: string, file: string = VAGRANT_STDIN): Conversion {
  const issues: ConfigIssue[] = [];
  const warnings: string[] = [];
  const machines: Machine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const lineNo = index + 1;
    if (!raw.trim() || raw.trimStart().startsWith('#')) return;
    let parsed;
    try {
      parsed = splitSshConfigLine(raw);
    } catch (err) {
      if (!(err instanceof ShellSyntaxError)) throw err;
      issues.push(issueAt(file, lineNo, 1, '', err.message));
      return;
    }
    const col = raw.length - raw.trimStart().length + 1;
    if (!parsed) {
      issues.push(issueAt(file, lineNo, col, '', `expected an ssh_config line "Keyword value" from vagrant ssh-config, got "${raw.trim()}"`));
      return;
    }
    const key = parsed.key.toLowerCase();
    if (key === 'host') {
      const names = parsed.value.split(' ');
      if (names.length !== 1 || /[*?!]/.test(parsed.value)) {
        issues.push(issueAt(file, lineNo, parsed.valueCol, '', `expected one machine name after Host, got "${parsed.value}"`));
      } else if (machines.some((m) => m.name === parsed.value)) {
        issues.push(issueAt(file, lineNo, parsed.valueCol, '', `machine "${parsed.value}" appears twice`));
      }
      machines.push({ name: names[0] as string, line: lineNo, opts: createSshOptions() });
      return;
    }
    const machine = machines.at(-1);
    if (!machine) {
      issues.push(issueAt(file, lineNo, col, '', `expected "Host NAME" before ${parsed.key}`));
      return;
    }
    if (key === 'port' && !/^\d+$/.test(parsed.value)) {
      issues.push(issueAt(file, lineNo, parsed.valueCol, `hosts.${machine.name}.port`, `expected an integer 1-65535, got "${parsed.value}"`));
      return;
    }
    if (!addSshOption(machine.opts, parsed.key, parsed.value)) {
      const pos = { file, line: lineNo, col };
      warnings.push(formatWarning(pos, `${machine.name}: ${parsed.key} ${parsed.value} has no smoker equivalent; not converted`));
    }
  });
  if (machines.length === 0 && issues.length === 0) {
    issues.push(issueAt(file, 1, 1, '', 'no "Host NAME" blocks found; expected the output of vagrant ssh-config'));
  }
  if (issues.length) throw new ConfigError(issues);

  const hosts: Record<string, HostEntry> = {};
  for (const m of machines) {
    const warn = (msg: string): void => void warnings.push(formatWarning({ file, line: m.line, col: 1 }, `${m.name}: ${msg}`));
    hosts[m.name] = sshOptionsToFields(m.opts, warn);
  }
  const defaults = hoistSharedSettings(hosts, ['user', 'identityFile', 'hostKeyPolicy', 'knownHosts', 'jump', 'connectTimeout']);
  const source = file === VAGRANT_STDIN ? 'vagrant ssh-config' : `vagrant ssh-config output ${file}`;
  return { source, inventory: Object.keys(defaults).length ? { defaults, hosts } : { hosts }, warnings };
}
