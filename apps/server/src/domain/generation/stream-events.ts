/** The contract's stream events of `GET /reports/{report_id}/stream`, defined once in `@uksmr/contract`. */
export { GENERATION_FAILED, STREAM_FAILED, type StreamEvent } from '@uksmr/contract';
