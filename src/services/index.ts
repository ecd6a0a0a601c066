// The services surface for the library (SPEC §7): operations, rolling bounce, wait scripts, log collection.
export { runServiceOp, bounce, checkOperation, serviceHosts, describeRoll, SERVICE_OPS, type ServiceOp, type ServiceRequest, type ServiceOutcome, type RollSummary, type CollectLogs } from './operations.js';
export { collectLogs, type CollectedLog } from './collect-logs.js';
export { buildWaitProbe, buildStoppedProbe, type WaitProbe, type LogMark } from './wait-scripts.js';
export { parseSerial, batchSize, splitBatches } from './serial.js';
export { resolveHostService, type HostService } from './host-service.js';
