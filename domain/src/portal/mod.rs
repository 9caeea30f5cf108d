//! The debtor portal's rules: how an access code looks ([`access_code`]) and which language a
//! debtor reads ([`language`]), the EPC QR code's payload for paying by transfer ([`epc_qr`]), what a case's state says to a debtor ([`wording`]), which plans a debtor may agree alone ([`plan_limits`]), and the deadline of a data-protection request and what the portal says about a debtor's requests ([`requests`]). What the debtor sees and may do is decided in the use cases
//! (`solvo_app::portal`); these are the parts that need no data.

pub mod access_code;
pub mod epc_qr;
pub mod language;
pub mod plan_limits;
pub mod requests;
pub mod wording;
