//! Basis points: rates in the fee schedule are whole basis points (1 bp = 0.01 %), so a rate is
//! an exact integer in JSON and in the database, and 12.5 % is simply 1250.

use rust_decimal::Decimal;

/// 100 % in basis points.
pub(super) const FULL_BP: u32 = 10_000;

/// The rate as a fraction: 1250 bp is 0.125.
pub(super) fn fraction(rate_bp: u32) -> Decimal {
    Decimal::new(i64::from(rate_bp), 4)
}

/// The rate as a percentage for explanations: 1250 bp is "12.5%".
pub(super) fn label(rate_bp: u32) -> String {
    format!("{}%", Decimal::new(i64::from(rate_bp), 2).normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basis_points_print_as_plain_percentages() {
        assert_eq!(label(1250), "12.5%");
        assert_eq!(label(1500), "15%");
        assert_eq!(label(5), "0.05%");
        assert_eq!(fraction(1250).to_string(), "0.1250");
    }
}
