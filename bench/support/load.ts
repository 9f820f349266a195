/** Load figures with autocannon: a timed run or a fixed number of requests, with p50/p95 from every response. */
import autocannon from 'autocannon';
import { percentile } from './stats.js';

/** Requests per second and latency of one endpoint under load. */
export interface LoadFigure {
  readonly endpoint: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly requestsPerSecond: number;
  readonly totalRequests: number;
  readonly latencyP50Ms: number;
  readonly latencyP95Ms: number;
  readonly latencyP99Ms: number;
  /** Bytes of one answer (the last one seen). */
  readonly bodyBytes: number;
  /** Non-2xx answers, connection errors and timeouts; all should be 0. */
  readonly failures: number;
}

/** Options of {@link measureLoad}. */
export interface LoadOptions {
  readonly headers?: Record<string, string>;
  readonly connections?: number;
  /** Seconds of load (default 5), unless `amount` is given. */
  readonly durationSeconds?: number;
  /** A fixed number of requests instead of a duration. */
  readonly amount?: number;
  /** The label printed; default `GET {path}`. */
  readonly label?: string;
}

/** Loads `GET {baseUrl}{path}` with `connections` connections, for a duration or a number of requests. */
export async function measureLoad(baseUrl: string, path: string, options: LoadOptions = {}): Promise<LoadFigure> {
  const connections = options.connections ?? 10;
  const latencies: number[] = [];
  let bodyBytes = 0;
  const started = Date.now();
  const instance = autocannon({
    url: `${baseUrl}${path}`,
    connections,
    headers: options.headers ?? {},
    ...(options.amount === undefined ? { duration: options.durationSeconds ?? 5 } : { amount: options.amount }),
  });
  instance.on('response', (_client, _status, resBytes, responseTime) => {
    latencies.push(responseTime);
    bodyBytes = resBytes;
  });
  const result = await instance;
  const seconds = (Date.now() - started) / 1000;
  return {
    endpoint: options.label ?? `GET ${path}`,
    connections,
    durationSeconds: Math.round(seconds * 10) / 10,
    requestsPerSecond: result.requests.total / seconds,
    totalRequests: result.requests.total,
    latencyP50Ms: latencies.length ? percentile(latencies, 50) : Number.NaN,
    latencyP95Ms: latencies.length ? percentile(latencies, 95) : Number.NaN,
    latencyP99Ms: latencies.length ? percentile(latencies, 99) : Number.NaN,
    bodyBytes,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
