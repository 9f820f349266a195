import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolStats } from '@uksmr/database';

/** How one generation ended, as the metrics count it. */
export interface GenerationObservation {
  readonly outcome: 'completed' | 'failed';
  /** `knowledge-base` or `gemini`. */
  readonly writer: string;
  readonly durationMs: number;
  /** From the start to the writer's first event; null when none came. */
  readonly firstTokenMs: number | null;
}

/** The product's Prometheus metrics, on a registry of their own (one per app, so test apps never collide). */
export interface AppMetrics {
  readonly registry: Registry;
  /** One answered HTTP request: its route pattern (not its URL), method and status. */
  observeRequest(route: string, method: string, statusCode: number, seconds: number): void;
  observeGeneration(observation: GenerationObservation): void;
  /** One payment outcome: `checkout_created`, `checkout_failed`, or a webhook's outcome (`fulfilled`, `failed`, `refunded`, …). */
  countPayment(outcome: string): void;
}

/** Seconds buckets of request durations: 5 ms to 10 s. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds buckets of first-token latency and generation duration: 50 ms to 2 min. */
const GENERATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120];

/** The metrics, reading the pool's use at each scrape from `poolStats` (PostgreSQL server only). */
export function createMetrics(poolStats?: () => PoolStats): AppMetrics {
  const registry = new Registry();
  const requests = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route pattern, method and status code',
    labelNames: ['route', 'method', 'status_code'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });
  const generations = new Counter({
    name: 'report_generations_total',
    help: 'Report generations by outcome and writer',
    labelNames: ['outcome', 'writer'] as const,
    registers: [registry],
  });
  const firstToken = new Histogram({
    name: 'report_first_token_seconds',
    help: 'Time from the start of a generation to the writer’s first event',
    labelNames: ['writer'] as const,
    buckets: GENERATION_BUCKETS,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'report_generation_duration_seconds',
    help: 'Duration of a generation by outcome and writer',
    labelNames: ['outcome', 'writer'] as const,
    buckets: GENERATION_BUCKETS,
    registers: [registry],
  });
  const payments = new Counter({
    name: 'payments_total',
    help: 'Payment events by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  if (poolStats) {
    new Gauge({
      name: 'db_pool_connections',
      help: 'Database pool connections by state (total, idle, waiting requests, max)',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const stats = poolStats();
        for (const state of ['total', 'idle', 'waiting', 'max'] as const) this.set({ state }, stats[state]);
      },
    });
  }
  // One labelled child per route pattern, method and status, made on first use, so that a request builds no label
  // object, status string or observer closure of its own (prom-client still checks and keys the labels on each
  // observation). Bounded by the routes' patterns: URLs never become labels.
  const requestSeries = new Map<string, Histogram.Internal<'route' | 'method' | 'status_code'>>();
  return {
    registry,
    observeRequest(route, method, statusCode, seconds) {
      const key = `${statusCode} ${method} ${route}`;
      let series = requestSeries.get(key);
      if (!series) {
        series = requests.labels({ route, method, status_code: String(statusCode) });
        requestSeries.set(key, series);
      }
      series.observe(seconds);
    },
    observeGeneration({ outcome, writer, durationMs, firstTokenMs }) {
      generations.inc({ outcome, writer });
      duration.observe({ outcome, writer }, durationMs / 1000);
      if (firstTokenMs !== null) firstToken.observe({ writer }, firstTokenMs / 1000);
    },
    countPayment(outcome) {
      payments.inc({ outcome });
    },
  };
}
