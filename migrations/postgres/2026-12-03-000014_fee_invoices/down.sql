DROP TABLE fee_invoice_items;
DROP TABLE fee_invoice_lines;
DROP TABLE fee_invoices;
DROP TABLE fee_invoice_numbers;
DROP TABLE billing_details;
