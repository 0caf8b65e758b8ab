/**
 * FileStorage on the local file system (`STORAGE_BACKEND=fs://`): files are content-addressed under
 * `<root>/<first two hex digits>/<sha256>`; writes go to a temporary name and are renamed into place, so a
 * reader never sees half a file and two writers of the same bytes cannot corrupt each other.
 */
import { createHash, randomBytes } from "node:crypto";
import { access, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { FileStorage, StoredFile } from "../../ports/fileStorage.js";

const KEY = /^[0-9a-f]{64}$/;

/** SHA-256 of the bytes, lower-case hex: a file's key. */
export function contentKey(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export class FsFileStorage implements FileStorage {
  readonly backend = "fs";

  /** `root`: the directory files live under (created on first write). */
  constructor(private readonly root: string) {}

  #path(key: string): string {
    return join(this.root, key.slice(0, 2), key);
  }

  async put(bytes: Buffer): Promise<StoredFile> {
    const key = contentKey(bytes);
    const path = this.#path(key);
    try {
      const existing = await stat(path);
      if (existing.size === bytes.length) return { key, size: bytes.length, created: false };
    } catch {
      // Not stored yet.
    }
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
    const temporary = `${path}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await writeFile(temporary, bytes, { flag: "wx" });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { key, size: bytes.length, created: true };
  }

  async get(key: string): Promise<Buffer | null> {
    if (!KEY.test(key)) return null;
    try {
      return await readFile(this.#path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async ping(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    await access(this.root);
  }
}

/**
 * The storage a `STORAGE_BACKEND` URL names: `fs://` alone means `defaultRoot`; `fs:///abs/dir` or
 * `fs://rel/dir` a directory of its own. Any other scheme is refused (object storage is not built yet).
 */
export function openFileStorage(backendUrl: string, defaultRoot: string): FileStorage {
  const match = /^fs:\/\/(.*)$/i.exec(backendUrl.trim());
  if (!match) throw new Error(`unsupported storage backend ${JSON.stringify(backendUrl)}: expected fs://`);
  return new FsFileStorage(match[1] === "" ? defaultRoot : match[1]);
}
