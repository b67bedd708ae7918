// Runs in the browser before the app's own code (and before hydration). Zod compiles object
// parsers with `new Function` when it may, and probes for that on its first object schema;
// under our Content-Security-Policy (no 'unsafe-eval') the probe is a reported violation.
// Jitless mode parses the same way without generated code.
import { z } from "zod";

z.config({ jitless: true });
