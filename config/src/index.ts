export {
  ConfigError,
  DEFAULT_DEMO_PASSWORD,
  PROJECT_ROOT,
  formatProblems,
  loadConfig,
  loadConfigOrExit,
} from "./load";
export type { Config, ConfigProblem, DatabaseConfig, LoadOptions } from "./load";
export { CONTENT_KINDS, EnvSchema, SECRET_NAMES } from "./schema";
export type { ContentKind, Env, SecretName } from "./schema";
export {
  FRESHNESS_LINK_DAYS,
  FRESHNESS_TYPES,
  freshnessKey,
  signFreshnessToken,
  verifyFreshnessToken,
} from "./freshness-token";
export type { FreshnessCheck, FreshnessClaim, FreshnessRecordType } from "./freshness-token";
