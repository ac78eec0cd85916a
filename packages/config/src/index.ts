export { ConfigError, ENV_VARIABLES, type LoadOptions, loadConfig, redactConfig } from "./load-config";
