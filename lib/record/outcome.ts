/**
 * How the sandboxed run of a sample ended.
 *
 * @module
 */
import { z } from "zod";

/** How the sandboxed run of a sample ended. */
export const Outcome = z.enum([
  "completed", // every case reported
  "no_code", // nothing to run
  "load_error", // the module (solution or tests) failed to load: syntax, missing export…
  "timeout", // wall-clock limit hit, process group killed
  "output_limit", // stdout/stderr cap hit, process group killed
  "memory_limit", // heap cap hit
  "exited", // the process ended before every case reported
  "generation_error", // the model gave no answer (the request failed): nothing ran
]).describe("how the sandboxed run of a sample ended");
/** How the sandboxed run of a sample ended. */
export type Outcome = z.infer<typeof Outcome>;
