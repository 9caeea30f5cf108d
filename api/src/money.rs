//! Money on the wire: `{"amount": "1234.56", "currency": "EUR"}`, the amount a decimal string with
//! the currency's minor units. Parsing lives with the use cases (`solvo_app::money`).

use serde::Serialize;
use solvo_domain::money::Money;
use utoipa::ToSchema;

/// An amount of money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct MoneyView {
    /// Decimal string with the currency's minor units, e.g. `"1234.50"`.
    #[schema(example = "1234.50")]
    pub amount: String,
    /// ISO 4217 code.
    #[schema(value_type = solvo_app::wire_names::CurrencyCode, example = "EUR")]
    pub currency: String,
}

impl From<Money> for MoneyView {
    fn from(money: Money) -> Self {
        Self {
            amount: money.amount_string(),
            currency: money.currency().code().to_owned(),
        }
    }
}
