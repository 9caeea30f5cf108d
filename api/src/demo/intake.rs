//! The placement request a creditor would have sent for a planned case.

use super::catalogue::{self, DebtorSeed};
use super::plan::CaseSpec;
use crate::routes::debtors::{AddressInput, ContactInput, DebtorInput};
use solvo_app::cases::input::{InvoiceInput, PlaceCase};
use solvo_app::debtors::DebtorKind;

/// The request body a creditor would have sent.
pub(super) fn request(spec: &CaseSpec) -> PlaceCase {
    PlaceCase {
        debtor: Some(debtor(spec.debtor)),
        debtor_id: None,
        currency: spec.currency.to_owned(),
        creditor_reference: spec.reference.clone(),
        jurisdiction: None,
        invoices: spec
            .invoices
            .iter()
            .map(|invoice| InvoiceInput {
                number: invoice.number.clone(),
                issue_date: invoice.issue_date,
                due_date: invoice.due_date,
                amount: format!(
                    "{}.{:02}",
                    invoice.amount_minor / 100,
                    invoice.amount_minor % 100
                ),
            })
            .collect(),
        contractual_interest_rate: spec.contractual_rate.map(ToOwned::to_owned),
        notes: spec.notes.map(ToOwned::to_owned),
        quote_id: None,
    }
}

fn debtor(seed: &DebtorSeed) -> DebtorInput {
    let domain = format!("{}.example", catalogue::slug(seed.name));
    DebtorInput {
        kind: DebtorKind::default(),
        legal_name: seed.name.to_owned(),
        registration_number: None,
        vat_id: Some(catalogue::vat_id(seed)),
        country: seed.country.to_owned(),
        address: Some(AddressInput {
            line1: Some(seed.street.to_owned()),
            line2: None,
            postal_code: Some(seed.postal_code.to_owned()),
            city: Some(seed.city.to_owned()),
            region: None,
            country: None,
        }),
        contacts: vec![ContactInput {
            name: seed.contact.to_owned(),
            email: Some(format!("accounts@{domain}")),
            phone: None,
            role: Some("accounts payable".to_owned()),
        }],
        preferred_language: Some(seed.language.to_owned()),
    }
}
