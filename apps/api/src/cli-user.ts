import { userInfo } from "node:os";

/** Who runs a CLI command, recorded with a change when no `--by` is given ("unknown" if the OS cannot say). */
export function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}
