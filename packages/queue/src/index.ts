export { type QueueDepths, queueDepths } from "./depths";
export { alertJobId, articleAlertJobId, articleJobId, pollJobId, shortHash } from "./job-ids";
export { InvalidJobError, parseJob } from "./job-schema";
export {
  type ArticleKey,
  type Connection,
  createQueues,
  DEFAULT_JOB_OPTIONS,
  type QueueKey,
  type Queues,
  type QueuesOptions,
} from "./queues";
export { type CloseAllOptions, type CloseAllResult, closeAll, onShutdownSignals, within } from "./shutdown";
export {
  type JobHandler,
  type QueueLogger,
  type StartWorkerOptions,
  startWorker,
  type WorkerLockOptions,
  type WorkerMetrics,
  workerLockOptions,
} from "./worker";
