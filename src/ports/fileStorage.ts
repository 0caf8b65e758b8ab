/** The file storage port: uploaded files kept content-addressed (the key is the SHA-256 of the bytes). */

export interface StoredFile {
  /** Lower-case hex SHA-256 of the bytes. */
  key: string;
  size: number;
  /** False when the same bytes were already stored (nothing was written). */
  created: boolean;
}

export interface FileStorage {
  /** Which backend ("fs"), for logs and /status. */
  readonly backend: string;
  /** Stores the bytes under their hash; storing the same bytes twice writes once. */
  put(bytes: Buffer): Promise<StoredFile>;
  /** The bytes under `key`, null when unknown. */
  get(key: string): Promise<Buffer | null>;
  /** A round trip to the backend (health); throws when it cannot be used. */
  ping(): Promise<void>;
}
