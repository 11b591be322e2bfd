export {
  ConfigError,
  DEFAULT_DEMO_PASSWORD,
  PROJECT_ROOT,
  formatProblems,
  loadConfig,
  loadConfigOrExit,
} from "./load";
export type { Config, ConfigProblem, DatabaseConfig, LoadOptions } from "./load";
export { EnvSchema, SECRET_NAMES } from "./schema";
export type { Env, SecretName } from "./schema";
