import { accessSync, constants } from "fs";
import { tmpdir } from "os";

/**
 * Where a throwaway app is made (the consumer test's, the parity check's): a RAM disk when the machine has one (npm
 * writes ~3,500 small files; measured once on this machine class, 2 s of system time there against 9 s on the disk),
 * else the system's temporary folder.
 */
export function scratchRoot(): string {
  try {
    accessSync("/dev/shm", constants.W_OK);
    return "/dev/shm";
  } catch {
    return tmpdir();
  }
}
