/** Where a CPU profile's time goes: self time by package (or area) and the costliest functions. */
import { Session } from 'node:inspector/promises';

/** A V8 CPU profile, as the inspector returns it. */
interface CpuProfile {
  readonly nodes: readonly {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
  }[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
}

/** Self time of one area or function, in ms and as a share of the sampled time. */
export interface ProfileShare {
  readonly name: string;
  readonly ms: number;
  readonly percent: number;
}

/** The area a stack frame belongs to: a package under node_modules, our own workspace, Node itself or V8. */
export function areaOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node';
  const packages = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  if (packages.length > 0) return packages[packages.length - 1][1];
  const own = /\/(apps\/[^/]+|packages\/[^/]+)\//.exec(url);
  return own ? own[1] : url;
}

/** Starts sampling this process; the returned function stops and summarises. */
export async function startCpuProfile(): Promise<
  () => Promise<{ areas: ProfileShare[]; functions: ProfileShare[]; profile: CpuProfile }>
> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    session.disconnect();
    const totalSamples = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
    const msPerSample = (profile.endTime - profile.startTime) / 1000 / Math.max(totalSamples, 1);
    const byArea = new Map<string, number>();
    const byFunction = new Map<string, number>();
    for (const { callFrame, hitCount = 0 } of profile.nodes) {
      const area = areaOf(callFrame.url, callFrame.functionName);
      byArea.set(area, (byArea.get(area) ?? 0) + hitCount);
      const name = `${callFrame.functionName || '(anonymous)'} ${area}${callFrame.url ? `:${callFrame.url.split('/').pop()}:${callFrame.lineNumber + 1}` : ''}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + hitCount);
    }
    const shares = (counts: Map<string, number>): ProfileShare[] =>
      [...counts]
        .map(([name, hits]) => ({
          name,
          ms: Math.round(hits * msPerSample),
          percent: Math.round((1000 * hits) / Math.max(totalSamples, 1)) / 10,
        }))
        .sort((a, b) => b.ms - a.ms);
    return { areas: shares(byArea), functions: shares(byFunction).slice(0, 25), profile };
  };
}
