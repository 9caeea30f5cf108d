//! Typed request bodies: each serialises to the JSON schema of the same purpose in
//! `openapi/openapi.json` (checked field by field by `builders_match_the_documented_schemas`),
//! so a test says what it places or creates and nothing else. A field left unset is left out of
//! the body, as a client that does not know it would leave it out.
//!
//! Bodies that are malformed on purpose stay raw `json!`: their point is what a typed client could
//! not send.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use serde_json::Value;

use super::PASSWORD;

/// The debtor most tests place against: a German company with a VAT id.
pub const GLOBEX: &str = "Globex GmbH";
/// Its VAT id.
pub const GLOBEX_VAT_ID: &str = "DE123456789";

/// `PlaceCase`: `POST /v1/cases`, an item of `POST /v1/cases/bulk`.
#[derive(Debug, Clone, Serialize)]
pub struct CaseRequest {
    #[serde(skip_serializing_if = "Option::is_none")]
    debtor: Option<DebtorRequest>,
    #[serde(skip_serializing_if = "Option::is_none")]
    debtor_id: Option<String>,
    currency: String,
    creditor_reference: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    jurisdiction: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contractual_interest_rate: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<String>,
    invoices: Vec<InvoiceRequest>,
}

impl CaseRequest {
    /// A EUR case against [`DebtorRequest::globex`] with no invoices yet; add them with
    /// [`Self::invoice`].
    pub fn new(creditor_reference: impl Into<String>) -> Self {
        Self {
            debtor: Some(DebtorRequest::globex()),
            debtor_id: None,
            currency: "EUR".to_owned(),
            creditor_reference: creditor_reference.into(),
            jurisdiction: None,
            quote_id: None,
            contractual_interest_rate: None,
            notes: None,
            invoices: Vec::new(),
        }
    }

    pub fn debtor(mut self, debtor: DebtorRequest) -> Self {
        self.debtor = Some(debtor);
        self.debtor_id = None;
        self
    }

    /// An existing debtor by id instead of the debtor's details.
    pub fn debtor_id(mut self, debtor_id: impl Into<String>) -> Self {
        self.debtor = None;
        self.debtor_id = Some(debtor_id.into());
        self
    }

    pub fn currency(mut self, currency: impl Into<String>) -> Self {
        self.currency = currency.into();
        self
    }

    pub fn jurisdiction(mut self, jurisdiction: impl Into<String>) -> Self {
        self.jurisdiction = Some(jurisdiction.into());
        self
    }

    pub fn quote(mut self, quote_id: impl Into<String>) -> Self {
        self.quote_id = Some(quote_id.into());
        self
    }

    pub fn contractual_interest_rate(mut self, rate: impl Into<String>) -> Self {
        self.contractual_interest_rate = Some(rate.into());
        self
    }

    pub fn notes(mut self, notes: impl Into<String>) -> Self {
        self.notes = Some(notes.into());
        self
    }

    /// Adds an invoice after those already there.
    pub fn invoice(mut self, invoice: InvoiceRequest) -> Self {
        self.invoices.push(invoice);
        self
    }

    /// The body as a JSON value, for a test that then breaks one field of it on purpose.
    pub fn json(&self) -> Value {
        serde_json::to_value(self).unwrap()
    }
}

/// `DebtorInput`: the debtor of a placed case, matched by VAT id or registration number.
#[derive(Debug, Clone, Serialize)]
pub struct DebtorRequest {
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    legal_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    vat_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    registration_number: Option<String>,
    country: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    preferred_language: Option<String>,
}

impl DebtorRequest {
    /// A business in `country` with neither VAT id nor registration number.
    pub fn company(legal_name: impl Into<String>, country: impl Into<String>) -> Self {
        Self {
            kind: None,
            legal_name: legal_name.into(),
            vat_id: None,
            registration_number: None,
            country: country.into(),
            preferred_language: None,
        }
    }

    /// [`GLOBEX`], German, with [`GLOBEX_VAT_ID`].
    pub fn globex() -> Self {
        Self::company(GLOBEX, "DE").vat_id(GLOBEX_VAT_ID)
    }

    /// A consumer, which the API refuses (it collects only between businesses).
    pub fn consumer(legal_name: impl Into<String>, country: impl Into<String>) -> Self {
        let mut debtor = Self::company(legal_name, country);
        debtor.kind = Some("consumer".to_owned());
        debtor
    }

    pub fn vat_id(mut self, vat_id: impl Into<String>) -> Self {
        self.vat_id = Some(vat_id.into());
        self
    }

    pub fn registration_number(mut self, number: impl Into<String>) -> Self {
        self.registration_number = Some(number.into());
        self
    }

    pub fn language(mut self, language: impl Into<String>) -> Self {
        self.preferred_language = Some(language.into());
        self
    }

    pub fn json(&self) -> Value {
        serde_json::to_value(self).unwrap()
    }
}

/// `InvoiceInput`: one unpaid invoice of a case.
#[derive(Debug, Clone, Serialize)]
pub struct InvoiceRequest {
    number: String,
    issue_date: String,
    due_date: String,
    amount: String,
}

impl InvoiceRequest {
    /// An invoice of `amount` due on `due_date` (`YYYY-MM-DD`), issued 30 days before, the
    /// commonest payment term; change that with [`Self::issued`].
    pub fn new(number: impl Into<String>, amount: impl Into<String>, due_date: &str) -> Self {
        let due = NaiveDate::parse_from_str(due_date, "%Y-%m-%d").unwrap();
        Self {
            number: number.into(),
            issue_date: (due - Days::new(30)).to_string(),
            due_date: due_date.to_owned(),
            amount: amount.into(),
        }
    }

    pub fn issued(mut self, issue_date: impl Into<String>) -> Self {
        self.issue_date = issue_date.into();
        self
    }
}

/// `CreateUser`: `POST /v1/users`, with the harness's [`PASSWORD`] unless told otherwise.
#[derive(Debug, Clone, Serialize)]
pub struct UserRequest {
    email: String,
    password: String,
    role: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    organisation_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
}

impl UserRequest {
    /// A user in the caller's own organisation.
    pub fn new(email: impl Into<String>, role: impl Into<String>) -> Self {
        Self {
            email: email.into(),
            password: PASSWORD.to_owned(),
            role: role.into(),
            organisation_id: None,
            name: None,
        }
    }

    /// In `organisation_id` (the agency admin creates users in any organisation).
    pub fn organisation(mut self, organisation_id: impl Into<String>) -> Self {
        self.organisation_id = Some(organisation_id.into());
        self
    }

    pub fn password(mut self, password: impl Into<String>) -> Self {
        self.password = password.into();
        self
    }

    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
}

/// `TokenRequest`: a login at `POST /v1/auth/token`.
#[derive(Debug, Clone, Serialize)]
pub struct LoginRequest {
    email: String,
    password: String,
}

impl LoginRequest {
    pub fn new(email: impl Into<String>, password: impl Into<String>) -> Self {
        Self {
            email: email.into(),
            password: password.into(),
        }
    }
}

/// `CreateOrganisation`: `POST /v1/organisations`.
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationRequest {
    name: String,
    kind: String,
    country: String,
}

impl OrganisationRequest {
    pub fn creditor(name: impl Into<String>, country: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            kind: "creditor".to_owned(),
            country: country.into(),
        }
    }
}

/// `CreateApiKey`: `POST /v1/api-keys`; without a role the organisation's default applies.
#[derive(Debug, Clone, Serialize)]
pub struct ApiKeyRequest {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<String>,
}

impl ApiKeyRequest {
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            role: None,
        }
    }

    pub fn role(mut self, role: impl Into<String>) -> Self {
        self.role = Some(role.into());
        self
    }
}

/// `InstructionRequest`: `POST /v1/cases/{id}/instructions`.
#[derive(Debug, Clone, Serialize)]
pub struct InstructionRequest {
    #[serde(rename = "type")]
    kind: String,
    reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    resume_on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    assessment: Option<Value>,
}

impl InstructionRequest {
    fn new(kind: &str, reason: impl Into<String>) -> Self {
        Self {
            kind: kind.to_owned(),
            reason: reason.into(),
            resume_on: None,
            outcome: None,
            assessment: None,
        }
    }

    pub fn pause(reason: impl Into<String>) -> Self {
        Self::new("pause", reason)
    }

    pub fn resume(reason: impl Into<String>) -> Self {
        Self::new("resume", reason)
    }

    pub fn withdraw(reason: impl Into<String>) -> Self {
        Self::new("withdraw", reason)
    }

    /// Escalation; from a working state it needs [`Self::assessment`].
    pub fn escalate(reason: impl Into<String>) -> Self {
        Self::new("escalate", reason)
    }

    /// Closing with `outcome` (for example `uncollectable`).
    pub fn close(reason: impl Into<String>, outcome: impl Into<String>) -> Self {
        let mut instruction = Self::new("close", reason);
        instruction.outcome = Some(outcome.into());
        instruction
    }

    /// Paused until `date` (`YYYY-MM-DD`), when the scheduler resumes the case.
    pub fn resume_on(mut self, date: impl Into<String>) -> Self {
        self.resume_on = Some(date.into());
        self
    }

    /// The legal assessment an escalation carries (`AssessmentInput`), kept as JSON because the
    /// tests of it vary every field.
    pub fn assessment(mut self, assessment: Value) -> Self {
        self.assessment = Some(assessment);
        self
    }
}

/// `NewPayment`: `POST /v1/cases/{id}/payments`.
#[derive(Debug, Clone, Serialize)]
pub struct PaymentRequest {
    amount: String,
    value_date: String,
    method: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    invoice_number: Option<String>,
}

impl PaymentRequest {
    /// A bank transfer of `amount` in the case's currency, credited on `value_date`.
    pub fn transfer(amount: impl Into<String>, value_date: impl Into<String>) -> Self {
        Self {
            amount: amount.into(),
            value_date: value_date.into(),
            method: "bank_transfer".to_owned(),
            currency: None,
            invoice_number: None,
        }
    }

    pub fn currency(mut self, currency: impl Into<String>) -> Self {
        self.currency = Some(currency.into());
        self
    }

    /// The debtor's designation of the invoice the payment is for.
    pub fn for_invoice(mut self, number: impl Into<String>) -> Self {
        self.invoice_number = Some(number.into());
        self
    }

    pub fn json(&self) -> Value {
        serde_json::to_value(self).unwrap()
    }
}

/// `BillingInput`: `PUT /v1/organisations/{id}/billing`.
#[derive(Debug, Clone, Serialize)]
pub struct BillingRequest {
    legal_name: String,
    address_lines: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    vat_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    vat_rate: Option<String>,
}

impl BillingRequest {
    pub fn new(legal_name: impl Into<String>, address_lines: &[&str]) -> Self {
        Self {
            legal_name: legal_name.into(),
            address_lines: address_lines
                .iter()
                .map(|line| (*line).to_owned())
                .collect(),
            vat_id: None,
            vat_rate: None,
        }
    }

    pub fn vat_id(mut self, vat_id: impl Into<String>) -> Self {
        self.vat_id = Some(vat_id.into());
        self
    }

    /// The VAT rate in percent the agency charges (only the agency, the supplier, has one).
    pub fn vat_rate(mut self, rate: impl Into<String>) -> Self {
        self.vat_rate = Some(rate.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;

    /// The OpenAPI document checked in beside the code (a test of its own compares it with the
    /// served one).
    fn schemas() -> Value {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json");
        let document: Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        document["components"]["schemas"].clone()
    }

    /// Every field of `body` is a property of `schema`, and every property `schema` requires is
    /// there: a builder sends nothing the API would refuse as unknown and forgets nothing.
    fn assert_matches(schemas: &Value, schema: &str, body: &Value) {
        let documented = &schemas[schema];
        let properties = documented["properties"].as_object().unwrap();
        let fields = body.as_object().unwrap();
        for field in fields.keys() {
            assert!(
                properties.contains_key(field),
                "{schema} documents no field {field}"
            );
        }
        for required in documented["required"].as_array().unwrap() {
            let required = required.as_str().unwrap();
            assert!(
                fields.contains_key(required),
                "{schema} requires {required}: {body}"
            );
        }
    }

    fn value(body: &impl Serialize) -> Value {
        serde_json::to_value(body).unwrap()
    }

    #[test]
    fn builders_match_the_documented_schemas() {
        let schemas = schemas();
        let case = CaseRequest::new("R-1")
            .debtor(
                DebtorRequest::company("Acme", "FR")
                    .vat_id("FR40303265045")
                    .registration_number("1")
                    .language("fr"),
            )
            .jurisdiction("FR")
            .quote("q")
            .contractual_interest_rate("8")
            .notes("n")
            .invoice(InvoiceRequest::new("I-1", "1.00", "2026-02-04"));
        let bodies = [
            ("PlaceCase", case.json()),
            ("PlaceCase", CaseRequest::new("R-2").debtor_id("d").json()),
            ("DebtorInput", DebtorRequest::consumer("Jane", "DE").json()),
            (
                "InvoiceInput",
                value(&InvoiceRequest::new("I", "1.00", "2026-02-04")),
            ),
            (
                "CreateUser",
                value(
                    &UserRequest::new("a@b.example", "collector")
                        .organisation("o")
                        .name("A"),
                ),
            ),
            (
                "TokenRequest",
                value(&LoginRequest::new("a@b.example", "p")),
            ),
            (
                "CreateOrganisation",
                value(&OrganisationRequest::creditor("Acme", "DE")),
            ),
            (
                "CreateApiKey",
                value(&ApiKeyRequest::new("k").role("collector")),
            ),
            (
                "InstructionRequest",
                value(&InstructionRequest::pause("r").resume_on("2026-01-01")),
            ),
            (
                "InstructionRequest",
                value(&InstructionRequest::close("r", "uncollectable")),
            ),
            (
                "InstructionRequest",
                value(&InstructionRequest::escalate("r").assessment(json!({}))),
            ),
            (
                "NewPayment",
                PaymentRequest::transfer("1.00", "2026-01-01")
                    .currency("EUR")
                    .for_invoice("I")
                    .json(),
            ),
            (
                "BillingInput",
                value(
                    &BillingRequest::new("Acme", &["Ring 1"])
                        .vat_id("DE1")
                        .vat_rate("19"),
                ),
            ),
        ];
        for (schema, body) in &bodies {
            assert_matches(&schemas, schema, body);
        }
    }

    #[test]
    fn an_invoice_is_issued_thirty_days_before_it_falls_due_unless_told() {
        assert_eq!(
            value(&InvoiceRequest::new("I-1", "1000.00", "2026-02-04")),
            json!({"number": "I-1", "issue_date": "2026-01-05", "due_date": "2026-02-04", "amount": "1000.00"})
        );
        assert_eq!(
            value(&InvoiceRequest::new("I-1", "1.00", "2026-03-01").issued("2025-12-01"))["issue_date"],
            "2025-12-01"
        );
    }

    #[test]
    fn a_case_sends_only_what_was_set() {
        assert_eq!(
            CaseRequest::new("R-1")
                .invoice(InvoiceRequest::new("I-1", "10.00", "2026-02-04"))
                .json(),
            json!({
                "debtor": {"legal_name": "Globex GmbH", "vat_id": "DE123456789", "country": "DE"},
                "currency": "EUR",
                "creditor_reference": "R-1",
                "invoices": [{"number": "I-1", "issue_date": "2026-01-05", "due_date": "2026-02-04", "amount": "10.00"}]
            })
        );
    }
}
