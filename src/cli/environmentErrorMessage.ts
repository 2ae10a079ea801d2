/**
 * The one-line message for an error of the machine rather than of the input — a full disk, a file system that
 * refuses the write, memory that ran out — or null for any other error. The CLI prints it instead of a stack
 * trace (exit code 2): what happened, where, and that the output folder was left as it was (output sets are
 * committed in one step, so a failed write changes nothing).
 */
export function environmentErrorMessage(command: string, error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const { code, path } = error as NodeJS.ErrnoException;
  const where = typeof path === "string" ? ` writing ${path}` : "";
  const reasons: Readonly<Record<string, string>> = {
    ENOSPC: "no space left on the device",
    EDQUOT: "disk quota exceeded",
    EFBIG: "file too large for the file system",
    EIO: "input/output error of the device",
    EROFS: "read-only file system",
    EACCES: "permission denied",
    EPERM: "permission denied",
    ENAMETOOLONG: "a name is longer than the file system allows (255 bytes)",
  };
  if (code !== undefined && reasons[code] !== undefined) {
    return `pnen-sim ${command}: ${reasons[code]}${where} (${code}); the output folder was left as it was`;
  }
  if (error instanceof RangeError && /allocation failed|Invalid typed array length|Invalid array length|Array buffer/i.test(error.message)) {
    return `pnen-sim ${command}: out of memory (${error.message}); nothing was written: use a smaller --n, fewer --workers, or a machine with more memory`;
  }
  return null;
}
