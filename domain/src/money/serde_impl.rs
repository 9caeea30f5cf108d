//! Serde for money: `"EUR"` for a currency and `{"amount":"12.30","currency":"EUR"}` for an amount,
//! read back through the same strict parsers the API uses, so JSON can never smuggle in a float or
//! a third decimal.

use super::{Currency, Money};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error as _};

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Currency::parse(&code).map_err(D::Error::custom)
    }
}

/// The wire shape of an amount; private so the only way in is through `Money::parse`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MoneyWire {
    amount: String,
    currency: Currency,
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        MoneyWire {
            amount: self.amount_string(),
            currency: self.currency(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = MoneyWire::deserialize(deserializer)?;
        Money::parse(&wire.amount, wire.currency).map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_serialises_with_the_amount_as_a_string_at_currency_scale() {
        let m = Money::from_minor(1230, Currency::EUR);
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, r#"{"amount":"12.30","currency":"EUR"}"#);
        assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), m);
    }

    #[test]
    fn a_float_amount_or_a_third_decimal_is_refused_on_the_way_in() {
        assert!(serde_json::from_str::<Money>(r#"{"amount":12.3,"currency":"EUR"}"#).is_err());
        assert!(serde_json::from_str::<Money>(r#"{"amount":"12.345","currency":"EUR"}"#).is_err());
        assert!(serde_json::from_str::<Money>(r#"{"amount":"1","currency":"XXX"}"#).is_err());
        assert!(serde_json::from_str::<Money>(r#"{"amount":"1","currency":"EUR","x":1}"#).is_err());
    }

    #[test]
    fn a_currency_serialises_as_its_code() {
        assert_eq!(serde_json::to_string(&Currency::JPY).unwrap(), r#""JPY""#);
        assert_eq!(
            serde_json::from_str::<Currency>(r#""KWD""#).unwrap(),
            Currency::KWD
        );
    }
}
