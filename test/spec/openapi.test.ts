// spec/openapi.yaml is a valid OpenAPI 3.1 document and holds everything issue 2 asks of it.
import SwaggerParser from "@apidevtools/swagger-parser";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCatalog, schemaPath } from "../../spec/index.js";
import { isObject, jsonExamplesOf, operationsOf, readOpenApiDocument, resolveRef, responsesOf, type JsonObject } from "./openapi-document.js";

const document = readOpenApiDocument();

const OPERATION_IDS = [
  "listTemporaryEnrollmentPairings",
  "getTemporaryEnrollmentPairing",
  "newTemporaryEnrollmentPairing",
  "createTemporaryEnrollmentPairing",
  "deleteTemporaryEnrollmentPairing",
];

function operationById(id: string): JsonObject {
  const entry = operationsOf(document).find(({ operation }) => operation.operationId === id);
  if (!entry) throw new Error(`no operation ${id}`);
  return entry.operation;
}

function parameterNames(operationId: string): string[] {
  const { path } = operationsOf(document).find(({ operation }) => operation.operationId === operationId)!;
  const pathItem = (document.paths as JsonObject)[path] as JsonObject;
  const all = [...((pathItem.parameters as unknown[]) ?? []), ...((operationById(operationId).parameters as unknown[]) ?? [])];
  return all.map((p) => (resolveRef(document, p) as JsonObject).name as string);
}

describe("spec/openapi.yaml", () => {
  it("validates as OpenAPI with @apidevtools/swagger-parser", async () => {
    const api = await SwaggerParser.validate(structuredClone(document) as never);
    expect((api as { openapi: string }).openapi).toBe("3.1.0");
  });

  it("carries the catalog's specVersion as info.version", () => {
    expect((document.info as JsonObject).version).toBe(loadCatalog().specVersion);
  });

  it("has exactly the five operations, with their stable operationIds", () => {
    expect(operationsOf(document).map(({ operation }) => operation.operationId).sort()).toEqual([...OPERATION_IDS].sort());
  });

  it("describes account_id, id, include_deleted and page/per_page", () => {
    for (const id of OPERATION_IDS) expect(parameterNames(id), id).toContain("account_id");
    expect(parameterNames("getTemporaryEnrollmentPairing")).toContain("id");
    expect(parameterNames("deleteTemporaryEnrollmentPairing")).toContain("id");
    expect(parameterNames("listTemporaryEnrollmentPairings")).toEqual(expect.arrayContaining(["include_deleted", "page", "per_page"]));
    const includeDeleted = (document.components as { parameters: Record<string, JsonObject> }).parameters.IncludeDeleted!;
    expect(includeDeleted.description).toMatch(/value_to_boolean/);
  });

  it("accepts create's parameters as JSON, form and multipart, with ending_enrollment_state's enum and default", () => {
    const content = (operationById("createTemporaryEnrollmentPairing").requestBody as JsonObject).content as JsonObject;
    expect(Object.keys(content).sort()).toEqual(["application/json", "application/x-www-form-urlencoded", "multipart/form-data"]);
    for (const media of Object.values(content)) {
      const schema = resolveRef(document, (media as JsonObject).schema) as { properties: Record<string, JsonObject> };
      expect(Object.keys(schema.properties)).toEqual(["workflow_state", "ending_enrollment_state"]);
      expect(schema.properties.ending_enrollment_state).toMatchObject({ enum: ["deleted", "completed", "inactive"], default: "deleted" });
    }
  });

  it("gives every response a description, rate-limit headers and an example per media type", () => {
    for (const { where, response } of responsesOf(document)) {
      expect(response.description, where).toBeTruthy();
      expect(Object.keys(response.headers as JsonObject), where).toEqual(expect.arrayContaining(["X-Request-Cost", "X-Rate-Limit-Remaining"]));
      for (const [mediaType, media] of Object.entries(response.content as JsonObject)) {
        const examples = (media as JsonObject).examples;
        expect(isObject(examples) && Object.keys(examples).length > 0, `${where} ${mediaType} has examples`).toBe(true);
        if (mediaType !== "application/json") continue;
        for (const [name, example] of Object.entries(examples as JsonObject)) {
          expect(Object.keys(example as JsonObject), `${where} example ${name} names its schema`).toContain("x-tep-schema");
        }
      }
    }
  });

  it("sends WWW-Authenticate with every 401 and lists 401, 403 and 404 on every operation", () => {
    const responses = responsesOf(document);
    for (const { where, response } of responses.filter((r) => r.status === "401")) {
      expect(Object.keys(response.headers as JsonObject), where).toContain("WWW-Authenticate");
    }
    for (const { operation } of operationsOf(document)) {
      expect(Object.keys(operation.responses as JsonObject), String(operation.operationId)).toEqual(expect.arrayContaining(["401", "403", "404"]));
    }
    expect(Object.keys((operationById("listTemporaryEnrollmentPairings").responses as JsonObject)["200"] as JsonObject)).toContain("headers");
    expect(Object.keys(((operationById("listTemporaryEnrollmentPairings").responses as JsonObject)["200"] as JsonObject).headers as JsonObject)).toContain("Link");
  });

  it("secures every operation with a bearer token", () => {
    const schemes = (document.components as { securitySchemes: Record<string, JsonObject> }).securitySchemes;
    expect(schemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.security).toContainEqual({ bearerToken: [] });
  });

  it("links create's 201 to show and delete", () => {
    const created = (operationById("createTemporaryEnrollmentPairing").responses as JsonObject)["201"] as { links: Record<string, unknown> };
    const targets = Object.values(created.links).map((link) => (resolveRef(document, link) as JsonObject).operationId);
    expect(targets.sort()).toEqual(["deleteTemporaryEnrollmentPairing", "getTemporaryEnrollmentPairing"]);
  });

  it("names each profile's success status and schema in x-tep-profiles, and the schemas exist", () => {
    const schemas = (document.components as { schemas: JsonObject }).schemas;
    const expectedStatus: Record<string, { canvas: unknown; documented: unknown }> = {
      listTemporaryEnrollmentPairings: { canvas: 200, documented: 200 },
      getTemporaryEnrollmentPairing: { canvas: 200, documented: 200 },
      newTemporaryEnrollmentPairing: { canvas: 200, documented: 200 },
      createTemporaryEnrollmentPairing: { canvas: 201, documented: [200, 201] },
      deleteTemporaryEnrollmentPairing: { canvas: 200, documented: 200 },
    };
    for (const id of OPERATION_IDS) {
      const profiles = (operationById(id).responses as JsonObject)["x-tep-profiles"] as Record<string, JsonObject>;
      expect({ canvas: profiles.canvas?.status, documented: profiles.documented?.status }, id).toEqual(expectedStatus[id]);
      for (const profile of Object.values(profiles)) {
        for (const key of ["schema", "stringIdsSchema"]) {
          if (profile[key] !== undefined) expect(Object.keys(schemas), `${id} ${key}`).toContain(profile[key]);
        }
      }
    }
  });

  it("names an existing generated schema in every JSON example, matching the example's profile", () => {
    const examples = jsonExamplesOf(document);
    expect(examples.length).toBeGreaterThanOrEqual(20);
    for (const { where, name, schemaFiles } of examples) {
      for (const file of schemaFiles) {
        expect(existsSync(schemaPath(file)), `${where} → ${file}`).toBe(true);
        if (name.startsWith("canvas")) expect(file, where).toMatch(/^canvas\./);
        if (name.startsWith("documented")) expect(file, where).toMatch(/^documented\./);
      }
    }
  });
});
