/** `npm run eval`: see evals/README.md. */
import { main } from "./runner/cli.js";

process.exitCode = await main(process.argv.slice(2));
