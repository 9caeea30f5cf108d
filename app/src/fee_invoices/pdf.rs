//! A fee invoice or credit note as the PDF the creditor files: the figures formatted here, the
//! layout `solvo_pdf`'s.

use solvo_domain::invoicing::{DocumentKind, VatTreatment};
use solvo_domain::money::Money;

use super::figures;
use super::parties::Party;
use super::read::FeeInvoice;
use crate::error::AppError;

/// The PDF of `invoice`.
///
/// # Errors
/// [`AppError::Corrupt`] for a stored invoice that cannot be read back; internal errors when
/// the renderer fails.
pub fn render(invoice: &FeeInvoice) -> Result<Vec<u8>, AppError> {
    solvo_pdf::render(&document(invoice)?).map_err(AppError::internal)
}

fn document(invoice: &FeeInvoice) -> Result<solvo_pdf::InvoiceDocument, AppError> {
    let row = &invoice.row;
    let corrupt = |detail: &str| AppError::corrupt("fee invoice", &row.id, detail);
    let currency = row.currency;
    let kind = figures::kind(row)?;
    let rate = u32::try_from(row.vat_rate_bp).map_err(|_| corrupt("vat rate"))?;
    let vat = VatTreatment::parse(&row.vat_treatment, rate).ok_or_else(|| corrupt("vat"))?;
    let money = |minor: i64| grouped(Money::from_minor(minor, currency));
    let mut references = vec![
        ("Period to".to_owned(), row.period_end.to_string()),
        ("Currency".to_owned(), currency.code().to_owned()),
        (
            "Customer id".to_owned(),
            invoice.buyer.organisation_id.clone(),
        ),
    ];
    if let Some(number) = &invoice.credits_number {
        references.insert(0, ("Cancels invoice".to_owned(), number.clone()));
    }
    let mut totals = vec![
        total("Net", money(row.net_minor), false),
        total(&vat_label(vat), money(row.vat_minor), false),
        total("Total", money(figures::total_minor(row)?), true),
    ];
    if row.withheld_minor != 0 {
        totals.push(total(
            "Withheld from remittances",
            money(-row.withheld_minor),
            false,
        ));
        totals.push(total(
            "Amount due",
            money(figures::amount_due_minor(row)?),
            true,
        ));
    }
    let mut notes: Vec<String> = vat.mention().map(ToOwned::to_owned).into_iter().collect();
    if let Some(reason) = &row.reason {
        notes.push(format!("Reason: {reason}"));
    }
    if let Some((_, number)) = &invoice.credited_by {
        notes.push(format!("Cancelled by credit note {number}."));
    }
    if row.withheld_minor != 0 && kind == DocumentKind::Invoice {
        notes.push(
            "Commission withheld from remittances was paid by set-off; the amount due is what remains, VAT included."
                .to_owned(),
        );
    }
    Ok(solvo_pdf::InvoiceDocument {
        title: kind.title().to_owned(),
        number: figures::number(row)?,
        issue_date: row.issue_date.to_string(),
        references,
        seller: party(&invoice.seller),
        buyer: party(&invoice.buyer),
        lines: invoice
            .lines
            .iter()
            .map(|line| solvo_pdf::Line {
                description: line.description.clone(),
                detail: None,
                net: money(line.net_minor),
            })
            .collect(),
        totals,
        notes,
    })
}

fn total(label: &str, amount: String, emphasised: bool) -> solvo_pdf::Total {
    solvo_pdf::Total {
        label: label.to_owned(),
        amount,
        emphasised,
    }
}

fn party(party: &Party) -> solvo_pdf::Party {
    solvo_pdf::Party {
        name: party.legal_name.clone(),
        address_lines: party.address_lines.clone(),
        country: party.country.clone(),
        vat_id: party.vat_id.clone(),
    }
}

/// "VAT 19 %", "VAT 25.5 %", or why there is none.
fn vat_label(vat: VatTreatment) -> String {
    match vat {
        VatTreatment::Standard { rate_bp } => {
            format!("VAT {} %", figures::percent(i64::from(rate_bp)))
        }
        VatTreatment::ReverseCharge => "VAT (reverse charge)".to_owned(),
        VatTreatment::OutsideScope => "VAT (outside the scope)".to_owned(),
    }
}

/// `1,234,567.50`: the amount with its thousands grouped, as a finance team reads it.
fn grouped(money: Money) -> String {
    let plain = money.abs().amount_string();
    let (whole, fraction) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
    let mut out = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    if money.is_negative() {
        format!("-{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use solvo_domain::money::Currency;

    #[test]
    fn amounts_are_grouped_by_thousands() {
        let eur = |minor| grouped(Money::from_minor(minor, Currency::EUR));
        assert_eq!(eur(0), "0.00");
        assert_eq!(eur(99_999), "999.99");
        assert_eq!(eur(123_456), "1,234.56");
        assert_eq!(eur(-123_456_789), "-1,234,567.89");
        assert_eq!(
            grouped(Money::from_minor(1_000_000, Currency::JPY)),
            "1,000,000"
        );
    }

    #[test]
    fn vat_rates_print_without_trailing_zeros() {
        assert_eq!(
            vat_label(VatTreatment::Standard { rate_bp: 1900 }),
            "VAT 19 %"
        );
        assert_eq!(
            vat_label(VatTreatment::Standard { rate_bp: 2550 }),
            "VAT 25.5 %"
        );
        assert_eq!(
            vat_label(VatTreatment::Standard { rate_bp: 775 }),
            "VAT 7.75 %"
        );
    }
}
