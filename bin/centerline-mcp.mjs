#!/usr/bin/env node
// The stdio MCP server as a bin: loads TypeScript through tsx, then runs src/mcp/stdio.ts.
import { register } from "tsx/esm/api";

register();
await import("../src/mcp/stdio.ts");
