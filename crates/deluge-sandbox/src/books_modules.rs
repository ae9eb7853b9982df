//! The Books modules the simulator models, as data (integrations spec
//! §3.4): URL path, single-record key, id field, the fields a create must
//! give, and the number series of transactions.

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

#[derive(Debug)]
pub struct BooksModule {
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

impl BooksModule {
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
) -> BooksModule {
    BooksModule {
        path,
        singular,
        noun,
        kind,
        number_prefix,
        mandatory,
        unique: None,
    }
}

pub static MODULES: &[BooksModule] = &[
    BooksModule {
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
    BooksModule {
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
pub fn by_path(path: &str) -> Option<&'static BooksModule> {
    MODULES.iter().find(|m| m.path.eq_ignore_ascii_case(path))
}

pub fn all_paths() -> Vec<&'static str> {
    MODULES.iter().map(|m| m.path).collect()
}
