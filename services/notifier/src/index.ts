export type { AlertSink, DeliveryResult } from "./alert-sink";
export { consoleSink, consoleText } from "./console-sink";
export { endOfQuietHours, type NotifierDeps, type NotifierOptions, nonceOf, startNotifier } from "./notifier";
