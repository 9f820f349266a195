/** The part of autocannon 9's API the benchmarks use (the package ships no types). */
declare module 'autocannon' {
  /** A histogram of one measure, as autocannon reports it. */
  interface Histogram {
    readonly average: number;
    readonly mean: number;
    readonly stddev: number;
    readonly min: number;
    readonly max: number;
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
  }

  /** The options the benchmarks pass. */
  interface Options {
    readonly url: string;
    readonly connections?: number;
    /** Seconds. */
    readonly duration?: number;
    /** A fixed number of requests instead of a duration. */
    readonly amount?: number;
    readonly method?: string;
    readonly headers?: Record<string, string>;
  }

  /** The result of a run. */
  interface Result {
    readonly url: string;
    readonly connections: number;
    /** Seconds. */
    readonly duration: number;
    /** Requests per second, sampled each second. */
    readonly requests: Histogram & { readonly total: number };
    /** Milliseconds. */
    readonly latency: Histogram;
    readonly errors: number;
    readonly timeouts: number;
    readonly non2xx: number;
  }

  /** A running load test: an emitter of each response, and a promise of the result. */
  interface Instance extends PromiseLike<Result> {
    /** Each response: its status, bytes (headers included) and time in ms. */
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
    ): this;
  }

  /** Runs a load test; resolves with its result. */
  function autocannon(options: Options): Instance;
  export default autocannon;
  export type { Instance, Options, Result };
}
