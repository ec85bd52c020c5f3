/**
 * @module test/support/fuzz
 * Request fuzzing from the service's own OpenAPI document: every operation, with path values that
 * exist and that do not, documented and made-up query parameters, every kind of Content-Type, and
 * bodies that are empty, broken, the wrong JSON or nearly the right JSON. Shared by the fuzz test
 * (`test/fuzz.test.ts`, a fixed seed) and `bench/fuzz.ts` (the long run).
 */
import fc from "fast-check";

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}
interface SchemaLike {
  properties?: Record<string, unknown>;
  $ref?: string;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: SchemaLike }> };
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, SchemaLike> };
}

export interface FuzzOperation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Property names of the JSON body's schema, so some bodies come close to valid. */
  bodyFields: string[];
}

export interface FuzzRequest {
  operation: string;
  method: string;
  target: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export function operationsOf(doc: OpenApiDoc): FuzzOperation[] {
  const resolve = (schema: SchemaLike | undefined): SchemaLike | undefined => {
    const ref = schema?.$ref?.split("/").pop();
    return ref ? doc.components?.schemas?.[ref] : schema;
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => {
      const params = op.parameters ?? [];
      const schema = resolve(op.requestBody?.content?.["application/json"]?.schema);
      return {
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
        queryParams: params.filter((p) => p.in === "query").map((p) => p.name),
        bodyFields: Object.keys(schema?.properties ?? {}),
      };
    }),
  );
}

const awkwardText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "",
    "nope",
    "-1",
    "0",
    "1e309",
    "9".repeat(30),
    "2026-02-30",
    "2026-13",
    "../../etc/passwd",
    "%00",
    "\u0000",
    "' OR 1=1 --",
    '=HYPERLINK("http://x")',
    "true",
    "null",
  ),
);

const contentTypes = fc.constantFrom(
  undefined,
  "application/json",
  "application/json; charset=utf-8",
  "text/csv",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "multipart/form-data",
  "application/xml",
  "*/*",
  "garbage",
);

/** A request for one of `operations`; `known` fills path and query values that exist. */
export function requestArbitrary(
  operations: readonly FuzzOperation[],
  known: Record<string, string>,
  token: string,
): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...operations).chain((op) => {
    const value = (name: string) =>
      known[name] === undefined
        ? awkwardText
        : fc.oneof({ weight: 3, arbitrary: fc.constant(known[name] as string) }, awkwardText);
    const pathValues = fc.tuple(...op.pathParams.map(value));
    const query = fc.array(
      fc.oneof(
        op.queryParams.length
          ? fc.constantFrom(...op.queryParams).chain((n) => fc.tuple(fc.constant(n), value(n)))
          : fc.tuple(awkwardText, awkwardText),
        fc.tuple(awkwardText, awkwardText),
      ),
      { maxLength: 4 },
    );
    const nearBody = fc
      .dictionary(
        op.bodyFields.length ? fc.constantFrom(...op.bodyFields) : fc.string({ maxLength: 8 }),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), awkwardText),
        { maxKeys: 6 },
      )
      .map((o) => JSON.stringify(o));
    const body = fc.oneof(
      fc.constant(undefined),
      fc.constant(""),
      nearBody,
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.constantFrom("{", '{"a":', "[1,", "nul", "\uFEFF{}", "{}{}", "a,b\n1,2\n", "x=1&y=2"),
      fc.string({ maxLength: 200 }),
    );
    const auth = fc.oneof(
      { weight: 8, arbitrary: fc.constant(`Bearer ${token}`) },
      fc.constantFrom(undefined, "Bearer", "Bearer nope", "Basic Zm9vOmJhcg=="),
    );
    return fc
      .record({ pathValues, query, contentType: contentTypes, body, auth })
      .map(({ pathValues, query, contentType, body, auth }) => {
        let i = 0;
        const filled = op.path.replace(/\{\w+\}/g, () => encodeURIComponent(pathValues[i++] ?? ""));
        const search = new URLSearchParams(query).toString();
        const headers: Record<string, string> = {};
        if (contentType) headers["content-type"] = contentType;
        if (auth) headers.authorization = auth;
        return {
          operation: `${op.method} ${op.path}`,
          method: op.method,
          target: search ? `${filled}?${search}` : filled,
          headers,
          body: op.method === "GET" || op.method === "HEAD" ? undefined : body,
        };
      });
  });
}

/** Sends one fuzzed request; the status and (for a 5xx) the start of the body. */
export async function send(
  baseUrl: string,
  request: FuzzRequest,
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${baseUrl}${request.target}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    redirect: "manual",
  });
  const text = await res.text();
  return { status: res.status, text: res.status >= 500 ? text.slice(0, 300) : "" };
}
