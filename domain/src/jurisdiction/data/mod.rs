//! One reviewed data module per jurisdiction, and the registry that lists them.
//!
//! Each file encodes one jurisdiction, gives the statute and article of every rule in its
//! `legal_basis`, and names its section of `docs/law.md` at the top. A rule that no source
//! confirms is left out and recorded as a `Gap` with the reason.

mod common;

mod ae;
mod ar;
mod at;
mod au_nsw;
mod au_vic;
mod be;
mod bg;
mod br;
mod ca_bc;
mod ca_on;
mod ca_qc;
mod ch;
mod cl;
mod cn;
mod co;
mod cy;
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
mod hr;
mod hu;
mod ie;
mod il;
mod r#in;
mod is;
mod it;
mod jp;
mod kr;
mod lt;
mod lu;
mod lv;
mod mt;
mod mx;
mod my;
mod nl;
mod no;
mod nz;
mod pl;
mod pt;
mod ro;
mod sa;
mod se;
mod sg;
mod si;
mod sk;
mod th;
mod tr;
mod tw;
mod us_ca;
mod us_fl;
mod us_il;
mod us_ny;
mod us_tx;
mod za;

use super::Jurisdiction;

/// Every jurisdiction, ordered by code.
pub(super) static ALL: [Jurisdiction; 62] = [
    ae::AE,
    ar::AR,
    at::AT,
    au_nsw::AU_NSW,
    au_vic::AU_VIC,
    be::BE,
    bg::BG,
    br::BR,
    ca_bc::CA_BC,
    ca_on::CA_ON,
    ca_qc::CA_QC,
    ch::CH,
    cl::CL,
    cn::CN,
    co::CO,
    cy::CY,
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
    hr::HR,
    hu::HU,
    ie::IE,
    il::IL,
    r#in::IN,
    is::IS,
    it::IT,
    jp::JP,
    kr::KR,
    lt::LT,
    lu::LU,
    lv::LV,
    mt::MT,
    mx::MX,
    my::MY,
    nl::NL,
    no::NO,
    nz::NZ,
    pl::PL,
    pt::PT,
    ro::RO,
    sa::SA,
    se::SE,
    sg::SG,
    si::SI,
    sk::SK,
    th::TH,
    tr::TR,
    tw::TW,
    us_ca::US_CA,
    us_fl::US_FL,
    us_il::US_IL,
    us_ny::US_NY,
    us_tx::US_TX,
    za::ZA,
];
