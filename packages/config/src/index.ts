export {
  ConfigError,
  ENV_VARIABLES,
  type LoadOptions,
  loadConfig,
  redactConfig,
  redactUrl,
} from "./load-config";
