/**
 * The worker thread's entry, in plain JavaScript so that it loads without a TypeScript loader. The
 * pool starts workers without the parent's Node options (under `tsx` those carry tsx's loader,
 * under vitest there is none: vitest transforms only its own imports), so the worker registers
 * tsx's hooks for itself, the same way everywhere (Node 20.6+), then loads the worker module.
 */
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
