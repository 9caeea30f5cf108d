//! One reviewed data module per jurisdiction, and the registry that lists them.
//!
//! Each file encodes one jurisdiction, gives the statute and article of every rule in its
//! `legal_basis`, and names its section of `docs/law.md` at the top. A rule that no source
//! confirms is left out and recorded as a `Gap` with the reason.

mod common;

mod ae;
mod at;
mod au_nsw;
mod be;
mod br;
mod ca_on;
mod ch;
mod cn;
mod cz;
mod de;
mod dk;
mod ee;
mod es;
mod fi;
mod fr;
mod gb_eng;
mod gb_sct;
mod gr;
mod hk;
mod hu;
mod ie;
mod it;
mod jp;
mod lu;
mod mt;
mod mx;
mod nl;
mod no;
mod nz;
mod pl;
mod pt;
mod se;
mod sg;
mod si;
mod sk;
mod us_ca;
mod us_ny;
mod za;

use super::Jurisdiction;

/// Every jurisdiction, ordered by code.
pub(super) static ALL: [Jurisdiction; 38] = [
    ae::AE,
    at::AT,
    au_nsw::AU_NSW,
    be::BE,
    br::BR,
    ca_on::CA_ON,
    ch::CH,
    cn::CN,
    cz::CZ,
    de::DE,
    dk::DK,
    ee::EE,
    es::ES,
    fi::FI,
    fr::FR,
    gb_eng::GB_ENG,
    gb_sct::GB_SCT,
    gr::GR,
    hk::HK,
    hu::HU,
    ie::IE,
    it::IT,
    jp::JP,
    lu::LU,
    mt::MT,
    mx::MX,
    nl::NL,
    no::NO,
    nz::NZ,
    pl::PL,
    pt::PT,
    se::SE,
    sg::SG,
    si::SI,
    sk::SK,
    us_ca::US_CA,
    us_ny::US_NY,
    za::ZA,
];
