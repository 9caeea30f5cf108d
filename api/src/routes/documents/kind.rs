//! What a document is, as the creditor and the collector file it.

use serde::{Deserialize, Serialize};
use solvo_app::AppError;
use utoipa::ToSchema;

/// The kind of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// The contract or terms the claim rests on.
    Contract,
    /// An invoice of the claim.
    Invoice,
    /// Proof that goods or services were delivered (delivery note, signed receipt).
    ProofOfDelivery,
    /// Letters and emails exchanged with the debtor.
    Correspondence,
    /// Anything else.
    Other,
}

/// Every kind, in the order the documentation lists them.
const ALL_KINDS: [DocumentKind; 5] = [
    DocumentKind::Contract,
    DocumentKind::Invoice,
    DocumentKind::ProofOfDelivery,
    DocumentKind::Correspondence,
    DocumentKind::Other,
];

impl DocumentKind {
    /// The wire and stored name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Contract => "contract",
            Self::Invoice => "invoice",
            Self::ProofOfDelivery => "proof_of_delivery",
            Self::Correspondence => "correspondence",
            Self::Other => "other",
        }
    }

    /// Reads a wire name; `None` for anything else.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        ALL_KINDS.into_iter().find(|kind| kind.as_str() == raw)
    }

    /// Reads a stored kind, treating an unknown one as corrupt data.
    ///
    /// # Errors
    /// [`AppError::Internal`].
    pub fn stored(raw: &str) -> Result<Self, AppError> {
        Self::parse(raw).ok_or_else(|| {
            AppError::Internal(anyhow::anyhow!("stored document kind `{raw}` is unknown"))
        })
    }

    /// The accepted names, for error messages.
    #[must_use]
    pub fn names() -> String {
        ALL_KINDS.map(Self::as_str).join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_name() {
        for kind in ALL_KINDS {
            assert_eq!(DocumentKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(DocumentKind::parse("Invoice"), None);
    }
}
