-- Fee invoices: what the agency bills its creditors (fees posted on their cases, commission
-- withheld from remittances, commission on payments made to the creditor directly), with VAT.
-- Invoices and credit notes are numbered without gaps per series and year and never changed or
-- deleted; a credit note cancels one invoice in full.

-- The details an invoice names its parties by (Article 226 of Directive 2006/112/EC): the
-- legal name and address of each, their VAT numbers, and for the agency its VAT rate.
CREATE TABLE billing_details (
    organisation_id TEXT PRIMARY KEY NOT NULL REFERENCES organisations (id),
    legal_name TEXT NOT NULL,
    -- Address lines separated by line feeds.
    address TEXT NOT NULL,
    vat_id TEXT,
    -- The agency's VAT rate in basis points (1900 is 19 %); unused for a creditor.
    vat_rate_bp INTEGER,
    updated_by TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- The last number given in each series and year, taken in the transaction that writes the
-- invoice, so a rolled back invoice leaves no gap.
CREATE TABLE fee_invoice_numbers (
    series TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_sequence BIGINT NOT NULL,
    PRIMARY KEY (series, year)
);

CREATE TABLE fee_invoices (
    id TEXT PRIMARY KEY NOT NULL,
    -- The creditor billed.
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    -- The invoice a credit note cancels; at most one credit note per invoice.
    credits_id TEXT UNIQUE REFERENCES fee_invoices (id),
    -- Why a credit note cancels its invoice.
    reason TEXT,
    -- INV for an invoice, CRN for a credit note; the printed number is series-year-sequence.
    series TEXT NOT NULL,
    year INTEGER NOT NULL,
    sequence BIGINT NOT NULL,
    currency TEXT NOT NULL,
    issue_date DATE NOT NULL,
    period_end DATE NOT NULL,
    -- standard, reverse_charge or outside_scope, with the rate charged in basis points.
    vat_treatment TEXT NOT NULL,
    vat_rate_bp INTEGER NOT NULL,
    -- The total is net + vat, the amount due total - withheld.
    net_minor BIGINT NOT NULL,
    vat_minor BIGINT NOT NULL,
    withheld_minor BIGINT NOT NULL,
    -- The parties as they stood on the day of issue (JSON), so later edits never rewrite it.
    seller TEXT NOT NULL,
    buyer TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (series, year, sequence)
);
CREATE INDEX fee_invoices_organisation_id ON fee_invoices (organisation_id, id);

CREATE TABLE fee_invoice_lines (
    id TEXT PRIMARY KEY NOT NULL,
    fee_invoice_id TEXT NOT NULL REFERENCES fee_invoices (id),
    position INTEGER NOT NULL,
    -- case_fee, remittance_commission or direct_payment_commission.
    source TEXT NOT NULL,
    -- What it bills: the posting, the remittance, or the direct payment (or its reversal).
    item TEXT NOT NULL,
    case_id TEXT REFERENCES cases (id),
    description TEXT NOT NULL,
    net_minor BIGINT NOT NULL
);
CREATE INDEX fee_invoice_lines_fee_invoice_id ON fee_invoice_lines (fee_invoice_id, position);
CREATE INDEX fee_invoice_lines_case_id ON fee_invoice_lines (case_id);

-- Each item billed by an invoice that stands: the key bills an item once, also for two runs at
-- the same moment; a credit note releases its invoice's items to the next run.
CREATE TABLE fee_invoice_items (
    item TEXT PRIMARY KEY NOT NULL,
    fee_invoice_id TEXT NOT NULL REFERENCES fee_invoices (id)
);
CREATE INDEX fee_invoice_items_fee_invoice_id ON fee_invoice_items (fee_invoice_id);
