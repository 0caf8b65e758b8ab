/** Health of the V8 heap: how close it is to the heap limit. */
import { getHeapStatistics } from "node:v8";
import { byThreshold, round2, type HealthCheck } from "./types.js";

/** The fields of v8.getHeapStatistics the check needs. */
export interface HeapStats {
  used_heap_size: number;
  heap_size_limit: number;
}

export interface MemoryCheckOptions {
  /** Heap used / heap limit above which the check is degraded, in percent; default 80 (config health.memoryThresholdPercent). */
  degradedPercent?: number;
  /** Above this the check is unhealthy; default none (a full heap shows up as a crash, not as a probe). */
  unhealthyPercent?: number;
  /** Default v8.getHeapStatistics. */
  heapStatistics?: () => HeapStats;
  /** Default "memory". */
  name?: string;
}

export function memoryCheck(options: MemoryCheckOptions = {}): HealthCheck {
  const degradedPercent = options.degradedPercent ?? 80;
  const heapStatistics = options.heapStatistics ?? getHeapStatistics;
  return {
    name: options.name ?? "memory",
    async run() {
      const h = heapStatistics();
      const usedPercent = h.heap_size_limit === 0 ? 0 : (h.used_heap_size / h.heap_size_limit) * 100;
      return {
        status: byThreshold(usedPercent, degradedPercent, options.unhealthyPercent),
        detail: {
          heapUsedBytes: h.used_heap_size,
          heapLimitBytes: h.heap_size_limit,
          usedPercent: round2(usedPercent),
          degradedPercent,
        },
      };
    },
  };
}
