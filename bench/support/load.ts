/** A short autocannon load figure for one endpoint. */
import autocannon from 'autocannon';

/** Requests per second and latency of one endpoint under load. */
export interface LoadFigure {
  readonly endpoint: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly requestsPerSecond: number;
  readonly totalRequests: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  /** Non-2xx answers, connection errors and timeouts; all should be 0. */
  readonly failures: number;
}

/** Loads `GET {baseUrl}{path}` for `durationSeconds` with `connections` connections. */
export async function measureLoad(
  baseUrl: string,
  path: string,
  options: { readonly headers?: Record<string, string>; readonly connections?: number; readonly durationSeconds?: number } = {},
): Promise<LoadFigure> {
  const connections = options.connections ?? 10;
  const durationSeconds = options.durationSeconds ?? 5;
  const result = await autocannon({ url: `${baseUrl}${path}`, connections, duration: durationSeconds, headers: options.headers ?? {} });
  return {
    endpoint: `GET ${path}`,
    connections,
    durationSeconds,
    requestsPerSecond: result.requests.average,
    totalRequests: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
