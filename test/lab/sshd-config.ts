// Renders the sshd_config of one lab server: key auth for the lab users only, quiet, re-readable by hand.

/** What one sshd serves and how. */
export interface SshdConfigInput {
  /** `addr:port` endpoints; `0.0.0.0:22` for a shared namespace that owns many addresses. */
  listen: readonly string[];
  hostKey: string;
  authorizedKeys: string;
  allowUsers: readonly string[];
  maxStartups: string;
  passwordAuth: boolean;
  /** Add `PerSourcePenalties no` (OpenSSH 9.8+ only; older versions reject the keyword). */
  disablePenalties: boolean;
  comment: string;
}

/** The sshd_config text. */
export function renderSshdConfig(c: SshdConfigInput): string {
  const lines = [
    `# ${c.comment}`,
    ...c.listen.map((l) => `ListenAddress ${l}`),
    `HostKey ${c.hostKey}`,
    'PidFile none',
    `AuthorizedKeysFile ${c.authorizedKeys}`,
    `AllowUsers ${c.allowUsers.join(' ')}`,
    // The lab dir is not owned the way StrictModes wants, and PAM is absent in containers.
    'StrictModes no',
    'UsePAM no',
    'PubkeyAuthentication yes',
    `PasswordAuthentication ${c.passwordAuth ? 'yes' : 'no'}`,
    'KbdInteractiveAuthentication no',
    'PermitRootLogin no',
    'MaxSessions 10',
    `MaxStartups ${c.maxStartups}`,
    'LoginGraceTime 30',
    'LogLevel ERROR',
    'UseDNS no',
    'PrintMotd no',
    'PrintLastLog no',
    'X11Forwarding no',
    'AllowTcpForwarding yes',
    'AcceptEnv *',
    'Subsystem sftp internal-sftp',
    ...(c.disablePenalties ? ['PerSourcePenalties no'] : []),
  ];
  return `${lines.join('\n')}\n`;
}
