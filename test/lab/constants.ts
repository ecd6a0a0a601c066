// Names and numbers every lab shares: users, the address range, the prefix that marks lab resources.

/** Login user of root-mode labs (a system user with shell /bin/sh, created on first use). */
export const LAB_USER = 'smoker-lab';

/** Second login user, created with `sudoUser: true`: may sudo, but only with LAB_SUDO_PASSWORD. */
export const LAB_SUDO_USER = 'smoker-sudo';

/** The password of LAB_SUDO_USER (also its SSH password when a lab has `passwordAuth: true`). */
export const LAB_SUDO_PASSWORD = 'smoker-lab-sudo-pw';

/** Prefix of every namespace, bridge, veth and lab dir a lab creates: `smk<pid>l<n>...`. */
export const LAB_PREFIX = 'smk';

/** First two octets of the lab network (10.77.0.0/16); each lab claims /24 slots of it. */
export const LAB_NET = '10.77';

/** Number of /24 slots in the lab network (10.77.255.0/24 is left out: it holds the broadcast). */
export const LAB_SLOT_COUNT = 255;

/** OpenSSH's compile-time limit of listening sockets per sshd (MAX_LISTEN_SOCKS). */
export const SSHD_MAX_LISTEN = 16;
