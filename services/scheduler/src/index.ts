export { jitterMs, type PollSlot, pollSlot } from "./poll-slot";
export { type Scheduler, type SchedulerOptions, startScheduler, type TickResult } from "./scheduler";
export { schedulerService } from "./service";
