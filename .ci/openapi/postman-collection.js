#!/usr/bin/env node
// Builds the Postman collection that newman runs against a server: openapi-to-postmanv2 converts
// openapi.yaml, and this script only arranges the converter's requests into one user's session
// (create, read, revalidate, append, list, reorder, remove, delete) and adds the checks.
//
// What comes from the document, so a change there changes the run: every request (method, path,
// headers, example bodies), the links of the create's 201 (which values to carry into which
// operations' path parameters), the statuses each operation documents (a step expecting another
// fails here, before anything runs) and the required headers of each expected response (checked
// against their schema's pattern). What is this script's own: the order of the steps, the status
// each step expects, and the few values a session has to carry that no link names (an ETag, the
// collection's image ids).
//
// Usage: node postman-collection.js OPENAPI_YAML OUTPUT_JSON
"use strict";

const fs = require("fs");
const path = require("path");
const yaml = require("js-yaml");
const Converter = require("openapi-to-postmanv2");

const [source, output] = process.argv.slice(2);
if (!source || !output) {
  console.error("usage: node postman-collection.js OPENAPI_YAML OUTPUT_JSON");
  process.exit(2);
}
const documentText = fs.readFileSync(source, "utf8");
const document = yaml.load(documentText);

const METHODS = ["get", "put", "post", "delete", "patch"];

/** operationId -> {method, template, operation} */
const operations = {};
for (const [template, pathItem] of Object.entries(document.paths)) {
  for (const method of METHODS) {
    const operation = pathItem[method];
    if (operation) operations[operation.operationId] = { method: method.toUpperCase(), template, operation };
  }
}

function resolve(node) {
  while (node && node.$ref) {
    if (!node.$ref.startsWith("#/")) throw new Error("only local $refs: " + node.$ref);
    node = node.$ref.slice(2).split("/").reduce((n, key) => n[key.replace(/~1/g, "/").replace(/~0/g, "~")], document);
  }
  return node;
}

function documentedResponse(operationId, status) {
  const response = operations[operationId].operation.responses[String(status)];
  if (!response) {
    throw new Error(`${operationId} documents no ${status}: the step and openapi.yaml disagree`);
  }
  return resolve(response);
}

// The create's links: which link parameter takes which value of its body, and which operations take it.
const createdResponse = documentedResponse("createCollection", 201);
const linkValues = {}; // parameter name -> JSON pointer into the create's body
const linkedOperations = new Set();
for (const [name, link] of Object.entries(createdResponse.links || {})) {
  const resolved = resolve(link);
  if (!operations[resolved.operationId]) throw new Error(`link ${name} names no operation: ${resolved.operationId}`);
  linkedOperations.add(resolved.operationId);
  for (const [parameter, expression] of Object.entries(resolved.parameters || {})) {
    const match = /^\$response\.body#(\/.*)$/.exec(expression);
    if (!match) throw new Error(`link ${name}: only $response.body#/… is carried here, not ${expression}`);
    if (linkValues[parameter] && linkValues[parameter] !== match[1]) {
      throw new Error(`links disagree on where ${parameter} comes from`);
    }
    linkValues[parameter] = match[1];
  }
}
if (Object.keys(linkValues).length === 0) throw new Error("the create's 201 has no links to follow");

/** The session: each step is one converted request, the status it must get, and what it adds. */
const steps = [
  { op: "createTable", status: 200, name: "the table is there already" },
  { op: "createCollection", status: 201, name: "create a collection", captureLinks: true },
  { op: "getCollection", status: 200, name: "read it", capture: { createdEtag: "etag" } },
  { op: "getCollection", status: 304, name: "revalidate it", headers: { "If-None-Match": "{{createdEtag}}" } },
  { op: "getCollection", status: 400, name: "a malformed If-None-Match", headers: { "If-None-Match": "3" }, code: "INVALID_PRECONDITION" },
  { op: "getImage", status: 200, name: "read its first image" },
  { op: "appendImages", status: 200, name: "append the example's images" },
  { op: "listCollections", status: 200, name: "list the caller's collections", listed: true },
  { op: "reorderImages", status: 409, name: "reorder to the example's ids, which are not this collection's", code: "IMAGE_SET_MISMATCH" },
  { op: "getCollection", status: 200, name: "read it again", capture: { currentEtag: "etag", reversedImageIds: "reversedImageIds" } },
  { op: "reorderImages", status: 200, name: "reorder it, reversed, at the version just read",
    headers: { "If-Match": "{{currentEtag}}" }, body: '{"imageIds": {{reversedImageIds}}}' },
  { op: "openUpload", status: 201, name: "open an upload slot for a PNG" },
  { op: "openUpload", status: 422, name: "an SVG is never an image here", body: '{"contentType": "image/svg+xml", "bytes": 100}', code: "UPLOAD_NOT_ALLOWED" },
  { op: "deleteImage", status: 412, name: "remove an image at a stale version", headers: { "If-Match": "{{createdEtag}}" }, code: "PRECONDITION_FAILED" },
  { op: "deleteImage", status: 200, name: "remove an image" },
  { op: "deleteCollection", status: 204, name: "delete the collection" },
  { op: "getCollection", status: 404, name: "it is gone", code: "COLLECTION_NOT_FOUND" },
  { op: "listCollections", status: 401, name: "no token", noAuth: true },
];

for (const step of steps) {
  if (!operations[step.op]) throw new Error(`openapi.yaml has no operation ${step.op}`);
  documentedResponse(step.op, step.status);
}
for (const operationId of Object.keys(operations)) {
  if (!steps.some((s) => s.op === operationId)) throw new Error(`no step exercises ${operationId}`);
}

function templateOf(request) {
  return "/" + request.url.path.map((segment) => segment.replace(/^:(.+)$/, "{$1}")).join("/");
}

function collectRequests(items, out) {
  for (const item of items) {
    if (item.item) collectRequests(item.item, out);
    else out.push(item);
  }
  return out;
}

function testScript(step, index) {
  const { method, template } = operations[step.op];
  const response = documentedResponse(step.op, step.status);
  const lines = [];
  const label = `${index + 1}. ${step.name}: ${method} ${template}`;
  lines.push(`pm.test(${JSON.stringify(label + " answers " + step.status)}, function () {`);
  lines.push(`  pm.response.to.have.status(${step.status});`);
  lines.push("});");
  for (const [name, header] of Object.entries(response.headers || {})) {
    const resolved = resolve(header);
    if (!resolved.required) continue;
    const schema = resolve(resolved.schema || {});
    lines.push(`pm.test(${JSON.stringify(label + ": " + name + " as documented")}, function () {`);
    lines.push(`  const value = pm.response.headers.get(${JSON.stringify(name)});`);
    lines.push("  pm.expect(value, " + JSON.stringify(name) + ").to.be.a('string');");
    if (schema.pattern) lines.push(`  pm.expect(value).to.match(new RegExp(${JSON.stringify(schema.pattern)}));`);
    lines.push("});");
  }
  if (response.content) {
    lines.push(`pm.test(${JSON.stringify(label + ": a JSON body")}, function () {`);
    lines.push("  pm.response.to.have.header('Content-Type');");
    lines.push("  pm.expect(pm.response.headers.get('Content-Type')).to.match(/^application\\/json/);");
    lines.push("  pm.response.json();");
    lines.push("});");
  } else {
    lines.push(`pm.test(${JSON.stringify(label + ": no body")}, function () {`);
    lines.push("  pm.expect(pm.response.text()).to.equal('');");
    lines.push("});");
  }
  if (step.code) {
    lines.push(`pm.test(${JSON.stringify(label + ": error code " + step.code)}, function () {`);
    lines.push(`  pm.expect(pm.response.json().error.code).to.equal(${JSON.stringify(step.code)});`);
    lines.push("});");
  }
  if (step.captureLinks) {
    // The links' values, read from the body by their JSON pointers, become collection variables.
    lines.push("const created = pm.response.json();");
    lines.push("function at(node, pointer) {");
    lines.push("  return pointer.split('/').slice(1).map(t => t.replace(/~1/g, '/').replace(/~0/g, '~'))");
    lines.push("    .reduce((n, key) => (n === undefined || n === null ? undefined : n[key]), node);");
    lines.push("}");
    for (const [parameter, pointer] of Object.entries(linkValues)) {
      lines.push(`pm.test(${JSON.stringify(label + ": the link value " + parameter + " is in the body")}, function () {`);
      lines.push(`  const value = at(created, ${JSON.stringify(pointer)});`);
      lines.push("  pm.expect(value).to.be.a('string');");
      lines.push(`  pm.collectionVariables.set(${JSON.stringify(parameter)}, value);`);
      lines.push("});");
    }
    lines.push(`pm.test(${JSON.stringify(label + ": Location names the new collection")}, function () {`);
    lines.push("  pm.expect(pm.response.headers.get('Location')).to.equal('/collections/' + created.imagesCollectionId);");
    lines.push("});");
  }
  if (step.capture) {
    for (const [variable, what] of Object.entries(step.capture)) {
      if (what === "etag") lines.push(`pm.collectionVariables.set(${JSON.stringify(variable)}, pm.response.headers.get('ETag'));`);
      if (what === "reversedImageIds") {
        lines.push(`pm.collectionVariables.set(${JSON.stringify(variable)}, JSON.stringify(pm.response.json().images.map(i => i.imageId).reverse()));`);
      }
    }
  }
  if (step.listed) {
    lines.push(`pm.test(${JSON.stringify(label + ": the new collection is listed")}, function () {`);
    lines.push("  const ids = pm.response.json().items.map(i => i.imagesCollectionId);");
    lines.push("  pm.expect(ids).to.include(pm.collectionVariables.get('collectionId'));");
    lines.push("});");
  }
  return lines;
}

Converter.convertV2(
  { type: "string", data: documentText },
  {
    folderStrategy: "Paths",
    // Bodies and parameters from the document's examples, so the requests are the ones it shows.
    parametersResolution: "Example",
    // Optional parameters (the preconditions, the list's filters) stay off unless a step turns them on.
    enableOptionalParameters: false,
    alwaysInheritAuthentication: true,
  },
  (error, result) => {
    if (error) throw error;
    if (!result.result) throw new Error("the converter failed: " + result.reason);
    const converted = result.output[0].data;
    const requests = {};
    for (const item of collectRequests(converted.item, [])) {
      requests[item.request.method + " " + templateOf(item.request)] = item;
    }
    const items = steps.map((step, index) => {
      const { method, template } = operations[step.op];
      const original = requests[method + " " + template];
      if (!original) throw new Error(`the converter made no request for ${method} ${template}`);
      const item = JSON.parse(JSON.stringify(original));
      delete item.response;
      delete item.id;
      item.name = `${index + 1}. ${step.name} (${step.op} → ${step.status})`;
      const request = item.request;
      if (linkedOperations.has(step.op)) {
        for (const variable of request.url.variable || []) {
          if (linkValues[variable.key]) variable.value = `{{${variable.key}}}`;
        }
      }
      for (const [name, value] of Object.entries(step.headers || {})) {
        const header = request.header.find((h) => h.key.toLowerCase() === name.toLowerCase());
        if (!header) throw new Error(`${step.op} documents no header ${name}`);
        header.value = value;
        delete header.disabled;
      }
      if (step.body) request.body = { mode: "raw", raw: step.body, options: { raw: { language: "json" } } };
      if (step.noAuth) request.auth = { type: "noauth" };
      item.event = [{ listen: "test", script: { type: "text/javascript", exec: testScript(step, index) } }];
      return item;
    });
    // Each path parameter that a link fills must be filled on every step that needs one.
    for (const item of items) {
      for (const variable of item.request.url.variable || []) {
        if (!/^\{\{.+\}\}$/.test(variable.value)) {
          throw new Error(`${item.name}: the path parameter ${variable.key} is the document's example, not a value this session made`);
        }
      }
    }
    const collection = {
      info: { ...converted.info, name: "user-images (generated from openapi.yaml)" },
      auth: { type: "bearer", bearer: [{ key: "token", value: "{{token}}", type: "string" }] },
      variable: [
        ...(converted.variable || []),
        ...Object.keys(linkValues).map((key) => ({ key, value: "" })),
      ],
      item: items,
    };
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fs.writeFileSync(output, JSON.stringify(collection, null, 2) + "\n");
    const checks = items.reduce((n, item) => n + item.event[0].script.exec.filter((l) => l.startsWith("pm.test(") || l.startsWith("  pm.test(")).length, 0);
    console.log(`postman collection: ${items.length} requests over ${Object.keys(operations).length} operations, ${checks} checks -> ${output}`);
  }
);
