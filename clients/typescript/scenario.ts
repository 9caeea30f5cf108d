// A creditor's first hour, typed with what openapi-typescript generates from
// openapi/openapi.json (`./schema`), run with Node's fetch. `tsc --noEmit` under `strict` is
// the first check: a request body, response or problem the document types wrongly fails it
// without any server. Run by .ci/clients:
//
//     node scenario.js BASE_URL ADMIN_EMAIL   (password in SOLVO_PASSWORD)

import type { components, paths } from "./schema";

type Schemas = components["schemas"];

// Plain lookups into the generated types, as an integrator writes them.
type Json<Operation, Status extends number> = Operation extends {
  responses: { [S in Status]: { content: { "application/json": infer Body } } };
}
  ? Body
  : never;
type ProblemOf<Operation, Status extends number> = Operation extends {
  responses: { [S in Status]: { content: { "application/problem+json": infer Body } } };
}
  ? Body
  : never;
type RequestJson<Operation> = Operation extends {
  requestBody: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

type CreateToken = paths["/v1/auth/token"]["post"];
type CreateOrganisation = paths["/v1/organisations"]["post"];
type CreateUser = paths["/v1/users"]["post"];
type PlaceCase = paths["/v1/cases"]["post"];
type ImportCases = paths["/v1/cases/import"]["post"];
type ReadBalance = paths["/v1/cases/{id}/balance"]["get"];
type UploadDocument = paths["/v1/cases/{id}/documents"]["post"];
type DownloadDocument = paths["/v1/cases/{id}/documents/{document_id}/content"]["get"];
type Instruct = paths["/v1/cases/{id}/instructions"]["post"];

// What the document says each answer is.
type Token = Json<CreateToken, 200>;
type Organisation = Json<CreateOrganisation, 201>;
type User = Json<CreateUser, 201>;
type CaseView = Json<PlaceCase, 201>;
type DuplicateProblem = ProblemOf<PlaceCase, 409>;
type ImportResult = Json<ImportCases, 200>;
type Balance = Json<ReadBalance, 200>;
type DocumentView = Json<UploadDocument, 201>;
type PausedCase = Json<Instruct, 200>;
// The download's body in each media type the document lists: binary, which openapi-typescript
// types as `string` (it has no Blob type of its own), read here with `arrayBuffer()`.
type DownloadedPdf = DownloadDocument["responses"][200]["content"]["application/pdf"];
type DownloadedText = DownloadDocument["responses"][200]["content"]["text/plain"];
type DownloadHeaders = DownloadDocument["responses"][200]["headers"];
type ImportForm = ImportCases["requestBody"] extends { content: infer C } ? C : never;
type UploadForm = UploadDocument["requestBody"] extends { content: { "multipart/form-data": infer F } }
  ? F
  : never;

// Checked by tsc alone: the download is binary in each media type, which openapi-typescript
// renders as `string`; a download documented without a schema would be `unknown` here.
const downloadIsBinary: [DownloadedPdf, DownloadedText] extends [string, string] ? true : false = true;

class ScenarioFailure extends Error {}

function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new ScenarioFailure(what);
}

const [base, adminEmail] = process.argv.slice(2);
const password = process.env.SOLVO_PASSWORD ?? "";

async function call<T>(
  step: string,
  status: number,
  path: string,
  init: { method?: string; token?: string; json?: unknown; form?: FormData; csv?: string; headers?: Record<string, string> },
): Promise<{ body: T; headers: Headers; bytes: ArrayBuffer }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: BodyInit | undefined;
  if (init.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.json);
  } else if (init.form) {
    body = init.form;
  } else if (init.csv !== undefined) {
    headers["content-type"] = "text/csv";
    body = init.csv;
  }
  const response = await fetch(base + path, { method: init.method ?? (body ? "POST" : "GET"), headers, body });
  const bytes = await response.arrayBuffer();
  const text = new TextDecoder().decode(bytes);
  check(response.status === status, `${step}: expected ${status}, got ${response.status}: ${text.slice(0, 300)}`);
  const type = response.headers.get("content-type") ?? "";
  const parsed = type.includes("json") ? (JSON.parse(text) as T) : (undefined as T);
  return { body: parsed, headers: response.headers, bytes };
}

async function login(email: string): Promise<string> {
  const request: RequestJson<CreateToken> = { email, password };
  const { body } = await call<Token>(`login as ${email}`, 200, "/v1/auth/token", { json: request });
  check(body.access_token.split(".").length === 3, `login as ${email}: no JWT`);
  check(body.expires_in > 0 && body.expires_in <= 900, `token lifetime ${body.expires_in}`);
  return body.access_token;
}

async function main(): Promise<void> {
  check(downloadIsBinary, "the download is not binary");
  check(Boolean(base && adminEmail && password), "usage: node scenario.js BASE_URL ADMIN_EMAIL (SOLVO_PASSWORD set)");
  const admin = await login(adminEmail);

  const newOrganisation: RequestJson<CreateOrganisation> = { name: "TypeScript Client GmbH", kind: "creditor", country: "DE" };
  const organisation = (await call<Organisation>("create organisation", 201, "/v1/organisations", { token: admin, json: newOrganisation })).body;
  check(organisation.kind === "creditor" && organisation.id.startsWith("org_"), `organisation ${organisation.id} ${organisation.kind}`);

  const email = "finance@typescript-client.example";
  const newUser: RequestJson<CreateUser> = { email, password, role: "creditor_admin", organisation_id: organisation.id };
  const user = (await call<User>("create user", 201, "/v1/users", { token: admin, json: newUser })).body;
  check(user.role === "creditor_admin" && user.organisation_id === organisation.id, `user ${user.role} of ${user.organisation_id}`);
  // Fields the server sends as `null` when empty are required in the document: read as
  // `T | null`, never `undefined`.
  const name: string | null = user.name;
  check(name === null, `user name ${name}`);
  const creditor = await login(email);

  const placement: RequestJson<PlaceCase> = {
    debtor: {
      legal_name: "Globex GmbH",
      vat_id: "DE123456789",
      country: "DE",
      address: { line1: "Hauptstraße 1", postal_code: "10115", city: "Berlin" },
      preferred_language: "de",
    },
    currency: "EUR",
    creditor_reference: "TS-0001",
    invoices: [
      { number: "TS-INV-1", issue_date: "2026-01-05", due_date: "2026-02-04", amount: "1250.00" },
      { number: "TS-INV-2", issue_date: "2026-02-05", due_date: "2026-03-07", amount: "830.40" },
    ],
  };
  const placed = await call<CaseView>("place case", 201, "/v1/cases", {
    token: creditor,
    json: placement,
    headers: { "idempotency-key": "ts-0001" },
  });
  const created: CaseView = placed.body;
  check(created.jurisdiction === "DE" && created.invoices.length === 2, `case ${created.jurisdiction} ${created.invoices.length}`);
  check(created.allowed_instructions.includes("pause"), `allowed ${created.allowed_instructions.join()}`);
  // A fresh installation has no collector covering Germany, and the claims are far from
  // prescribing.
  const collector: string | null = created.collector_id;
  const warning: string | null = created.prescription.warning;
  check(collector === null && warning === null, `collector ${collector}, prescription warning ${warning}`);

  // The same reference again: a problem whose `code` is one of the documented codes.
  const duplicate = (await call<DuplicateProblem>("place again", 409, "/v1/cases", { token: creditor, json: placement })).body;
  const code: Schemas["ErrorCode"] = duplicate.code;
  check(code === "duplicate_case" && duplicate.existing_case_id === created.id, `problem ${code} ${duplicate.existing_case_id}`);

  // The import as the CSV body (`text/csv`), the form the generated Python client cannot send.
  const csvBody: ImportForm["text/csv"] = [
    "creditor_reference,debtor_legal_name,debtor_country,debtor_vat_id,currency,invoice_number,issue_date,due_date,amount",
    "TS-CSV-1,Initech GmbH,DE,DE811569869,EUR,TS-CSV-INV-1,2026-01-05,2026-02-04,1250.00",
    "TS-CSV-1,Initech GmbH,DE,DE811569869,EUR,TS-CSV-INV-2,2026-02-05,2026-03-07,99.50",
  ].join("\n");
  const imported: ImportResult = (await call<ImportResult>("import CSV", 200, "/v1/cases/import", { token: creditor, csv: csvBody })).body;
  check(imported.summary.cases_created === 1 && imported.summary.rows_created === 2, `import ${JSON.stringify(imported)}`);
  check(imported.results.every((row) => row.status === "created" && row.case_id !== undefined), "import rows not created");
  check(imported.format.delimiter === "," && imported.format.line_ending === "LF", `format ${JSON.stringify(imported.format)}`);

  const balance: Balance = (await call<Balance>("read balance", 200, `/v1/cases/${created.id}/balance?as_of=2026-06-30`, { token: creditor })).body;
  check(balance.principal.amount === "2080.40" && balance.principal.currency === "EUR", `principal ${JSON.stringify(balance.principal)}`);
  check(balance.interest.lines.length > 0 && balance.interest.lines.every((line) => line.days > 0), "no interest lines");

  const content = new TextEncoder().encode("Delivery note TS-INV-1: 12 pallets, signed.\n");
  const kind: UploadForm["kind"] = "proof_of_delivery";
  const form = new FormData();
  form.append("kind", kind);
  form.append("file", new Blob([content], { type: "text/plain" }), "delivery.txt");
  const uploaded: DocumentView = (await call<DocumentView>("upload document", 201, `/v1/cases/${created.id}/documents`, { token: creditor, form })).body;
  check(uploaded.size_bytes === content.length && uploaded.kind === kind, `document ${uploaded.size_bytes} ${uploaded.kind}`);

  const download = await call<DownloadedPdf | DownloadedText>("download document", 200, `/v1/cases/${created.id}/documents/${uploaded.id}/content`, { token: creditor });
  const etag: DownloadHeaders["ETag"] = download.headers.get("etag") ?? undefined;
  check(etag === `"${uploaded.sha256}"`, `ETag ${etag}`);
  const same = download.bytes.byteLength === content.length && new Uint8Array(download.bytes).every((byte, index) => byte === content[index]);
  check(same, "the downloaded bytes differ from the uploaded ones");

  const resumeOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const pause: RequestJson<Instruct> = { type: "pause", reason: "Negotiating a new contract", resume_on: resumeOn };
  const paused: PausedCase = (await call<PausedCase>("pause case", 200, `/v1/cases/${created.id}/instructions`, { token: creditor, json: pause })).body;
  const resumesOn: string | null = paused.resume_on;
  check(paused.state === "paused" && resumesOn === resumeOn, `paused ${paused.state} ${resumesOn}`);

  console.log("typescript scenario: 10 steps passed");
}

main().catch((error: unknown) => {
  console.error(`typescript scenario failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
