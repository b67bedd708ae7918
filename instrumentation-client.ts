// Runs in the browser before the app's own code (and before hydration). Zod compiles object
// parsers with `new Function` when it may, and probes for that on its first object schema;
// under our Content-Security-Policy (no 'unsafe-eval') the probe is a reported violation.
// Jitless mode parses the same way without generated code. Only zod's core `config` is
// imported here (its settings are one global object the whole library reads), so pages that
// use no schema in the browser do not load the library.
import { config } from "zod/v4/core";

config({ jitless: true });
