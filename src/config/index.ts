/** The configuration's public face: main/ loads it once and passes typed slices down; `calendar-api config` prints it redacted. */
export { API_KEYS_FORMAT } from "./apiKeys.js";
export { DEFAULT_CONFIG } from "./defaults.js";
export { ConfigError } from "./errors.js";
export { type ConfigFileReader, type Env, type LoadedConfig, type LoadOptions, configFilePath, loadConfig, processEnv } from "./load.js";
export { isSecretKeyName, maskSecrets, maskSecretValue, maskUrlPasswords, redactConfig } from "./redact.js";
export { MIN_API_KEY_LENGTH } from "./rules.js";
export { FIELDS, prefixedName } from "./schema.js";
export type { ApiKey, AppConfig, ConfigSource, Environment, Scope } from "./types.js";
export { validateConfig } from "./validate.js";
