// Types for scripts/nodes.mjs, for the TypeScript suites that start SosKes processes.
export type NodeProcess = {
  readonly name: string;
  readonly url: string;
  readonly pid: number | undefined;
  readonly running: boolean;
  output(): string;
  start(): Promise<NodeProcess>;
  stop(): Promise<void>;
  kill(): Promise<void>;
};
export function tempDir(name: string): string;
export function prepareDataDir(env: Record<string, string | undefined>): Record<string, string>;
export function cmsNode(options: {
  dataDir: string;
  cmsPort: number;
  portalPort: number;
  env?: Record<string, string>;
  echo?: boolean;
}): NodeProcess;
export function portalNode(options: {
  name?: string;
  dataDir: string;
  port: number;
  cmsPort: number;
  secrets?: Record<string, string>;
  env?: Record<string, string>;
  echo?: boolean;
}): NodeProcess;
export function login(
  baseUrl: string,
  email: string,
  password?: string,
  fetchImpl?: typeof fetch,
): Promise<{ cookie: string; csrf: string }>;
