export type { AlertSink, DeliveryResult, DigestTarget } from "./alert-sink";
export { consoleSink, consoleText } from "./console-sink";
export { DigestBox, sendDigests } from "./digest-box";
export { discordSink } from "./discord-sink";
export { endOfQuietHours, type NotifierDeps, type NotifierOptions, startNotifier } from "./notifier";
export { notifierService } from "./service";
