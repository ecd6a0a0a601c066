// The test lab: real OpenSSH hosts for integration tests and benchmarks. Start with startLab().

export { startLab } from './start-lab.js';
export { cleanupStaleLabs } from './sweep.js';
export { closeAllLabs, countOpenLabs } from './registry.js';
export { LabError, type LabErrorCode } from './lab-error.js';
export { sshToHost, type SshOptions } from './ssh-client.js';
export { findLeftovers, readPidNamespace } from './leftovers.js';
export { LAB_NET, LAB_PREFIX, LAB_SUDO_PASSWORD, LAB_SUDO_USER, LAB_USER } from './constants.js';
export type { Lab, LabExecOptions, LabExecResult, LabHost, LabInventoryOptions, LabMode, LabOptions } from './types.js';
