/** Health of the disk holding the data (or log) directory. */
import { statfs as fsStatfs } from "node:fs/promises";
import { byThreshold, round2, type HealthCheck } from "./types.js";

/** The fields of fs.statfs the check needs (counts of blocks of `bsize` bytes). */
export interface DiskStats {
  bsize: number;
  blocks: number;
  bfree: number;
  /** Free blocks available to unprivileged users. */
  bavail: number;
}

export interface DiskSpaceCheckOptions {
  /** Directory whose file system is measured. */
  dir: string;
  /** Used percent above which the check is degraded; default 90 (config health.diskThresholdPercent). */
  degradedPercent?: number;
  /** Used percent above which the check is unhealthy; default 97 (or degradedPercent if higher). */
  unhealthyPercent?: number;
  /** Default fs.promises.statfs. */
  statfs?: (dir: string) => Promise<DiskStats>;
  /** Default "disk". */
  name?: string;
}

/** Used space as `df` computes it: used / (used + available to users), so root-reserved blocks count as full. */
export function diskSpaceCheck(options: DiskSpaceCheckOptions): HealthCheck {
  const degradedPercent = options.degradedPercent ?? 90;
  // A configured degraded threshold above 97 would otherwise never be seen.
  const unhealthyPercent = options.unhealthyPercent ?? Math.max(97, degradedPercent);
  const statfs = options.statfs ?? ((dir: string) => fsStatfs(dir));
  return {
    name: options.name ?? "disk",
    async run() {
      const s = await statfs(options.dir);
      const used = s.blocks - s.bfree;
      const usable = used + s.bavail;
      const usedPercent = usable === 0 ? 0 : (used / usable) * 100;
      return {
        status: byThreshold(usedPercent, degradedPercent, unhealthyPercent),
        detail: {
          dir: options.dir,
          usedPercent: round2(usedPercent),
          freeBytes: s.bavail * s.bsize,
          totalBytes: s.blocks * s.bsize,
          degradedPercent,
          unhealthyPercent,
        },
      };
    },
  };
}
