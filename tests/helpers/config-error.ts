/** Test helper: the ConfigError a configuration loader throws (failing the test when it throws anything else, or nothing). */
import { ConfigError } from "../../src/config/config-error.ts";

export function configErrorOf(load: () => unknown): ConfigError {
  try {
    load();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw new Error(`expected a ConfigError, got: ${err instanceof Error ? err.stack : String(err)}`);
  }
  throw new Error("expected a ConfigError, but the settings were accepted");
}
