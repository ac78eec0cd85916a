export { type BotLogger, type RunningBot, type StartBotOptions, startBot } from "./bot";
export { feedPreviewer } from "./preview-feed";
export { botService } from "./service";
export { pipelineStatus } from "./status-source";
export { type BotSupervisor, type SuperviseOptions, superviseBot } from "./supervise-bot";
