//! Books modules as data (integrations spec §3.4): URL path, single-record
//! key, id field, the fields a create must give, and the number series of
//! transactions. The zoho.books tasks resolve a script's module name here
//! and the simulator models the same table, so a module is added or
//! corrected in one place.

/// What kind of record a module holds: it decides the default `status`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Contacts and items start `active`.
    Master,
    /// Invoices, estimates, ... start `draft` and get a number.
    Transaction,
    /// Payments, journals, projects, expenses: neither.
    Other,
}

/// A module the table knows, with what the simulator needs to model it.
#[derive(Debug)]
pub struct KnownModule {
    /// The URL path segment (`salesorders`).
    pub path: &'static str,
    /// The key of one record in responses (`salesorder`).
    pub singular: &'static str,
    /// The word used in messages (`sales order`).
    pub noun: &'static str,
    pub kind: Kind,
    /// Prefix of the `<singular>_number` series (`SO-`).
    pub number_prefix: &'static str,
    /// Fields a create must give.
    pub mandatory: &'static [&'static str],
    /// The field that must be unique, with the Books error code for a
    /// repeat.
    pub unique: Option<(&'static str, i64)>,
}

impl KnownModule {
    /// `contact_id`, `invoice_id`, ...
    pub fn id_field(&self) -> String {
        format!("{}_id", self.singular)
    }

    pub fn number_field(&self) -> String {
        format!("{}_number", self.singular)
    }
}

const fn module(
    path: &'static str,
    singular: &'static str,
    noun: &'static str,
    kind: Kind,
    number_prefix: &'static str,
    mandatory: &'static [&'static str],
) -> KnownModule {
    KnownModule {
        path,
        singular,
        noun,
        kind,
        number_prefix,
        mandatory,
        unique: None,
    }
}

pub static MODULES: &[KnownModule] = &[
    KnownModule {
        unique: Some(("contact_name", 3062)),
        ..module(
            "contacts",
            "contact",
            "contact",
            Kind::Master,
            "",
            &["contact_name"],
        )
    },
    KnownModule {
        unique: Some(("name", 1001)),
        ..module("items", "item", "item", Kind::Master, "", &["name"])
    },
    module(
        "invoices",
        "invoice",
        "invoice",
        Kind::Transaction,
        "INV-",
        &["customer_id"],
    ),
    module(
        "estimates",
        "estimate",
        "estimate",
        Kind::Transaction,
        "EST-",
        &["customer_id"],
    ),
    module(
        "salesorders",
        "salesorder",
        "sales order",
        Kind::Transaction,
        "SO-",
        &["customer_id"],
    ),
    module(
        "purchaseorders",
        "purchaseorder",
        "purchase order",
        Kind::Transaction,
        "PO-",
        &["vendor_id"],
    ),
    module(
        "bills",
        "bill",
        "bill",
        Kind::Transaction,
        "BILL-",
        &["vendor_id"],
    ),
    module(
        "creditnotes",
        "creditnote",
        "credit note",
        Kind::Transaction,
        "CN-",
        &["customer_id"],
    ),
    module(
        "recurringinvoices",
        "recurringinvoice",
        "recurring invoice",
        Kind::Transaction,
        "RI-",
        &["customer_id"],
    ),
    module(
        "retainerinvoices",
        "retainerinvoice",
        "retainer invoice",
        Kind::Transaction,
        "RET-",
        &["customer_id"],
    ),
    module(
        "expenses",
        "expense",
        "expense",
        Kind::Other,
        "",
        &["amount"],
    ),
    module(
        "projects",
        "project",
        "project",
        Kind::Other,
        "",
        &["project_name"],
    ),
    module(
        "journals",
        "journal",
        "journal",
        Kind::Other,
        "",
        &["journal_date"],
    ),
    module(
        "customerpayments",
        "payment",
        "payment",
        Kind::Other,
        "",
        &["customer_id", "amount"],
    ),
    module(
        "vendorpayments",
        "vendorpayment",
        "vendor payment",
        Kind::Other,
        "",
        &["vendor_id", "amount"],
    ),
];

/// A module by path, case-insensitively (`Invoices`, `invoices`).
pub fn by_path(path: &str) -> Option<&'static KnownModule> {
    MODULES.iter().find(|m| m.path.eq_ignore_ascii_case(path))
}

pub fn all_paths() -> Vec<&'static str> {
    MODULES.iter().map(|m| m.path).collect()
}

/// The Books module a script names, resolved for a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BooksModule {
    /// The URL path segment and list key (`salesorders`).
    pub path: String,
    /// The key of a single record and the stem of its id field
    /// (`salesorder`, `salesorder_id`).
    pub singular: String,
}

/// The module a script names (`Contacts`, `contacts`, `Sales_Orders`):
/// lower case without separators. A name not in the table keeps that form
/// as its path, so newer Books modules still reach the API.
pub fn books_module(name: &str) -> BooksModule {
    let path: String = name
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect();
    match MODULES.iter().find(|m| m.path == path) {
        Some(known) => BooksModule {
            path: known.path.to_string(),
            singular: known.singular.to_string(),
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
