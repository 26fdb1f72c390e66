/** Types of postgres-cluster.mjs (a plain script shared by the tests and the benchmark). */
export interface Cluster {
  /** The superuser's URL, database `postgres`. */
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}
export function postgresBinDir(): string | null;
export function startCluster(options?: { log?: (line: string) => void; timeoutMs?: number }): Promise<Cluster>;
