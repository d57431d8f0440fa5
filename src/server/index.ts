/** The production server (see ./server.ts); `eap serve` starts it from the validated configuration in src/config. */
export { type ProductionServer, type StartOptions, startProductionServer } from "./server.ts";
export { createLogger } from "./logger.ts";
export { API_PREFIXES } from "./api/index.ts";
