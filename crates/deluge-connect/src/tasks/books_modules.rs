//! Books module names: URL path segment and single-record JSON key
//! (integrations spec §3.4). Kept as a table so a module can be added or
//! corrected in one line; the simulator reads the same table.

/// One Books module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BooksModule {
    /// The URL path segment and list key (`salesorders`).
    pub path: String,
    /// The key of a single record and the stem of its id field
    /// (`salesorder`, `salesorder_id`).
    pub singular: String,
}

/// (path, singular) of the modules scripts use.
const MODULES: &[(&str, &str)] = &[
    ("contacts", "contact"),
    ("invoices", "invoice"),
    ("salesorders", "salesorder"),
    ("purchaseorders", "purchaseorder"),
    ("estimates", "estimate"),
    ("bills", "bill"),
    ("creditnotes", "creditnote"),
    ("items", "item"),
    ("expenses", "expense"),
    ("recurringinvoices", "recurringinvoice"),
    ("retainerinvoices", "retainerinvoice"),
    ("projects", "project"),
    ("journals", "journal"),
    ("customerpayments", "payment"),
    ("vendorpayments", "vendorpayment"),
];

/// The module a script names (`Contacts`, `contacts`, `Sales_Orders`):
/// lower case without separators. A name not in the table keeps that form
/// as its path, so newer Books modules still reach the API.
pub fn books_module(name: &str) -> BooksModule {
    let path: String = name
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect();
    match MODULES.iter().find(|(p, _)| *p == path) {
        Some((p, singular)) => BooksModule {
            path: p.to_string(),
            singular: singular.to_string(),
        },
        None => BooksModule {
            singular: path.strip_suffix('s').unwrap_or(&path).to_string(),
            path,
        },
    }
}

/// The id field of a record of this module (`contact_id`).
impl BooksModule {
    pub fn id_field(&self) -> String {
        format!("{}_id", self.singular)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_case_insensitively_without_separators() {
        assert_eq!(books_module("Contacts").path, "contacts");
        assert_eq!(books_module("SalesOrders").path, "salesorders");
        assert_eq!(books_module("sales_orders").singular, "salesorder");
        assert_eq!(books_module("Invoices").id_field(), "invoice_id");
    }

    #[test]
    fn payments_have_their_own_singular() {
        assert_eq!(books_module("CustomerPayments").singular, "payment");
        assert_eq!(books_module("vendorpayments").singular, "vendorpayment");
    }

    #[test]
    fn unknown_modules_keep_their_normalised_name() {
        let module = books_module("VendorCredits");
        assert_eq!(module.path, "vendorcredits");
        assert_eq!(module.singular, "vendorcredit");
    }
}
