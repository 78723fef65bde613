// Reads spec/openapi.yaml for the spec tests: the raw document, its operations, responses and JSON examples.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { specPath } from "../../spec/index.js";

export type JsonObject = Record<string, unknown>;

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function readOpenApiDocument(): JsonObject {
  return parse(readFileSync(specPath("openapi.yaml"), "utf8")) as JsonObject;
}

/** Follows a local "#/a/b" reference once. */
export function resolveRef(document: JsonObject, value: unknown): unknown {
  if (!isObject(value) || typeof value.$ref !== "string") return value;
  return value.$ref.slice(2).split("/").reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), document);
}

export interface OperationEntry {
  readonly path: string;
  readonly method: string;
  readonly operation: JsonObject;
}

export function operationsOf(document: JsonObject): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries(document.paths as JsonObject)) {
    for (const method of HTTP_METHODS) {
      const operation = (item as JsonObject)[method];
      if (isObject(operation)) entries.push({ path, method, operation });
    }
  }
  return entries;
}

export interface ResponseEntry {
  readonly where: string;
  readonly status: string;
  readonly response: JsonObject;
}

/** Every response of every operation (status keys only, extensions left out), with component refs resolved. */
export function responsesOf(document: JsonObject): ResponseEntry[] {
  return operationsOf(document).flatMap(({ path, method, operation }) =>
    Object.entries(operation.responses as JsonObject)
      .filter(([status]) => !status.startsWith("x-"))
      .map(([status, response]) => ({ where: `${method.toUpperCase()} ${path} ${status}`, status, response: resolveRef(document, response) as JsonObject })),
  );
}

export interface JsonExample {
  /** Where it is, e.g. "paths./api/v1/…/get.responses.200.content.application/json.examples.canvas". */
  readonly where: string;
  readonly name: string;
  readonly schemaFiles: readonly string[];
  readonly value: unknown;
}

/** Every example object in the document that names its generated schema(s) in `x-tep-schema`. */
export function jsonExamplesOf(document: JsonObject): JsonExample[] {
  const found: JsonExample[] = [];
  const walk = (node: unknown, where: string, name: string): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${where}.${i}`, String(i)));
    if (!isObject(node)) return;
    const declared = node["x-tep-schema"];
    if (declared !== undefined && "value" in node) {
      found.push({ where, name, schemaFiles: Array.isArray(declared) ? declared.map(String) : [String(declared)], value: node.value });
      return;
    }
    for (const [key, child] of Object.entries(node)) walk(child, where ? `${where}.${key}` : key, key);
  };
  walk(document, "", "");
  return found;
}
