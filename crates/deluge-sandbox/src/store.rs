//! The simulator's data: records per service and module, Books
//! organizations, OAuth tokens, the id counter and the mail outbox.
//!
//! The store converts to and from the seed shape ([`Seed`]), so a dump, a
//! state file and a seed are one format. Issued access tokens are kept in
//! memory only: they are secrets and never reach a dump or a state file.

use crate::seed::{BooksOrgSeed, BooksSeed, Mail, OAuthSeed, Record, RecordsSeed, Seed, SeedUser};
use deluge_connect::TaskService;
use deluge_connect::tasks::books_modules;
use indexmap::IndexMap;
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};

/// The first id when the seed gives no `id_start`.
const DEFAULT_ID_START: u64 = 4_000_000_000_100;
const DEFAULT_TOKEN_TTL_SECONDS: u64 = 3600;

/// CRM modules that exist in every org (integrations spec §6.3).
const CRM_STANDARD: &[&str] = &[
    "Leads",
    "Contacts",
    "Accounts",
    "Deals",
    "Tasks",
    "Events",
    "Calls",
    "Notes",
    "Products",
    "Quotes",
    "Sales_Orders",
    "Purchase_Orders",
    "Invoices",
    "Vendors",
    "Campaigns",
    "Cases",
    "Solutions",
    "Price_Books",
];

/// Bigin's modules (integrations spec §3.2).
const BIGIN_STANDARD: &[&str] = &[
    "Contacts",
    "Accounts",
    "Pipelines",
    "Products",
    "Tasks",
    "Events",
    "Calls",
    "Notes",
];

/// Mandatory fields when the seed does not list a module.
const DEFAULT_MANDATORY: &[(&str, &[&str])] = &[
    ("Leads", &["Last_Name"]),
    ("Contacts", &["Last_Name"]),
    ("Accounts", &["Account_Name"]),
    ("Deals", &["Deal_Name", "Stage"]),
    ("Pipelines", &["Deal_Name", "Stage"]),
];

#[derive(Clone, Debug)]
pub struct Store {
    pub user: SeedUser,
    pub next_id: u64,
    pub bigin: RecordStore,
    pub crm: RecordStore,
    pub books: IndexMap<String, BooksOrg>,
    pub oauth: OAuthState,
    pub outbox: Vec<Mail>,
    /// Whether the seed had these sections (kept for a faithful dump).
    had_user: bool,
}

/// The records of Bigin or of CRM.
#[derive(Clone, Debug)]
pub struct RecordStore {
    pub service: TaskService,
    pub seed: RecordsSeed,
}

#[derive(Clone, Debug)]
pub struct BooksOrg {
    pub name: String,
    /// Path (`contacts`) → records.
    pub collections: IndexMap<String, Vec<Record>>,
}

#[derive(Clone, Debug)]
pub struct OAuthState {
    pub config: Option<OAuthSeed>,
    /// Access token → expiry (seconds since the epoch).
    pub tokens: HashMap<String, i64>,
    pub issued: u64,
    pub revoked: HashSet<String>,
}

impl OAuthState {
    pub fn ttl_seconds(&self) -> u64 {
        self.config
            .as_ref()
            .and_then(|c| c.access_token_ttl_seconds)
            .unwrap_or(DEFAULT_TOKEN_TTL_SECONDS)
    }

    pub fn lenient(&self) -> bool {
        self.config
            .as_ref()
            .and_then(|c| c.lenient)
            .unwrap_or(false)
    }

    /// Whether the token endpoint accepts this refresh token.
    pub fn accepts_refresh_token(&self, token: &str) -> bool {
        if token.is_empty() || self.revoked.contains(token) {
            return false;
        }
        match self
            .config
            .as_ref()
            .and_then(|c| c.valid_refresh_tokens.as_ref())
        {
            None => true,
            Some(valid) => valid.iter().any(|v| v == "*" || v == token),
        }
    }
}

impl Store {
    pub fn from_seed(seed: Seed) -> Store {
        let mut store = Store {
            had_user: seed.user.is_some(),
            user: seed.user.unwrap_or_default(),
            next_id: seed.id_start.unwrap_or(DEFAULT_ID_START),
            bigin: RecordStore {
                service: TaskService::Bigin,
                seed: seed.bigin.unwrap_or_default(),
            },
            crm: RecordStore {
                service: TaskService::Crm,
                seed: seed.crm.unwrap_or_default(),
            },
            books: IndexMap::new(),
            oauth: OAuthState {
                config: seed.oauth,
                tokens: HashMap::new(),
                issued: 0,
                revoked: HashSet::new(),
            },
            outbox: seed.outbox,
        };
        for (org_id, org) in seed.books.map(|b| b.organizations).unwrap_or_default() {
            let mut collections = IndexMap::new();
            for (path, records) in org.collections {
                if let Some(module) = books_modules::by_path(&path) {
                    collections.insert(module.path.to_string(), records);
                }
            }
            store.books.insert(
                org_id,
                BooksOrg {
                    name: org.name,
                    collections,
                },
            );
        }
        store.normalize_ids();
        store
    }

    /// Seeded records may give ids as numbers or leave them out: every
    /// record gets a TEXT id so lookups by id are plain text compares.
    fn normalize_ids(&mut self) {
        let mut next = self.next_id;
        let mut fix = |record: &mut Record, field: &str| match record.get(field) {
            Some(Value::String(_)) => {}
            Some(Value::Number(n)) => {
                let text = n.to_string();
                record.insert(field.to_string(), Value::String(text));
            }
            _ => {
                record.insert(field.to_string(), Value::String(next.to_string()));
                next += 1;
            }
        };
        for records_store in [&mut self.bigin, &mut self.crm] {
            for records in records_store.seed.modules.values_mut() {
                records.iter_mut().for_each(|r| fix(r, "id"));
            }
        }
        for org in self.books.values_mut() {
            for (path, records) in org.collections.iter_mut() {
                if let Some(module) = books_modules::by_path(path) {
                    let field = module.id_field();
                    records.iter_mut().for_each(|r| fix(r, &field));
                }
            }
        }
        self.next_id = next;
    }

    /// The store in the seed's shape; `id_start` is the next id to hand out.
    pub fn to_seed(&self) -> Seed {
        let organizations = self
            .books
            .iter()
            .map(|(id, org)| {
                (
                    id.clone(),
                    BooksOrgSeed {
                        name: org.name.clone(),
                        collections: org.collections.clone(),
                    },
                )
            })
            .collect();
        Seed {
            user: self.had_user.then(|| self.user.clone()),
            id_start: Some(self.next_id),
            bigin: Some(self.bigin.seed.clone()),
            crm: Some(self.crm.seed.clone()),
            books: Some(BooksSeed { organizations }),
            oauth: self.oauth.config.clone(),
            outbox: self.outbox.clone(),
        }
    }

    pub fn new_id(&mut self) -> String {
        let id = self.next_id;
        self.next_id += 1;
        id.to_string()
    }

    pub fn records_mut(&mut self, service: TaskService) -> &mut RecordStore {
        match service {
            TaskService::Bigin => &mut self.bigin,
            _ => &mut self.crm,
        }
    }

    pub fn records(&self, service: TaskService) -> &RecordStore {
        match service {
            TaskService::Bigin => &self.bigin,
            _ => &self.crm,
        }
    }

    /// `{"name","id","email"}` of the seed user, as Zoho writes owners.
    pub fn user_ref(&self) -> Value {
        match &self.user.email {
            Some(email) => json!({"name": self.user.name, "id": self.user.id, "email": email}),
            None => json!({"name": self.user.name, "id": self.user.id}),
        }
    }
}

impl RecordStore {
    fn standard(&self) -> &'static [&'static str] {
        match self.service {
            TaskService::Bigin => BIGIN_STANDARD,
            _ => CRM_STANDARD,
        }
    }

    /// The module's name as stored, for a name in any case; `None` when
    /// the service has no such module.
    pub fn module_name(&self, name: &str) -> Option<String> {
        if let Some(found) = self
            .seed
            .modules
            .keys()
            .find(|k| k.eq_ignore_ascii_case(name))
        {
            return Some(found.clone());
        }
        self.standard()
            .iter()
            .find(|k| k.eq_ignore_ascii_case(name))
            .map(|k| k.to_string())
    }

    /// The records of a module (an existing module may have none yet).
    pub fn module(&self, name: &str) -> &[Record] {
        self.seed
            .modules
            .get(name)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn module_mut(&mut self, name: &str) -> &mut Vec<Record> {
        self.seed.modules.entry(name.to_string()).or_default()
    }

    pub fn find(&self, module: &str, id: &str) -> Option<&Record> {
        self.module(module)
            .iter()
            .find(|r| record_id(r) == Some(id))
    }

    /// Any record of any module with this id, with its module.
    pub fn find_anywhere(&self, id: &str) -> Option<(&str, &Record)> {
        self.seed.modules.iter().find_map(|(module, records)| {
            records
                .iter()
                .find(|r| record_id(r) == Some(id))
                .map(|r| (module.as_str(), r))
        })
    }

    pub fn mandatory(&self, module: &str) -> Vec<String> {
        if let Some((_, fields)) = self
            .seed
            .mandatory
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(module))
        {
            return fields.clone();
        }
        DEFAULT_MANDATORY
            .iter()
            .find(|(m, _)| m.eq_ignore_ascii_case(module))
            .map(|(_, f)| f.iter().map(|s| s.to_string()).collect())
            .unwrap_or_default()
    }

    pub fn unique(&self, module: &str) -> &[String] {
        self.seed
            .unique
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(module))
            .map(|(_, f)| f.as_slice())
            .unwrap_or(&[])
    }

    /// The module a declared lookup field points at.
    pub fn lookup_target(&self, module: &str, field: &str) -> Option<&str> {
        self.seed
            .lookups
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(module))
            .and_then(|(_, fields)| fields.get(field))
            .map(String::as_str)
    }

    /// The seeded users, or one active administrator made from `user`.
    pub fn users(&self, user: &SeedUser) -> Vec<Record> {
        if let Some(users) = &self.seed.users {
            return users.clone();
        }
        let (first, last) = match user.name.split_once(' ') {
            Some((f, l)) => (f, l),
            None => ("", user.name.as_str()),
        };
        let value = json!({
            "id": user.id,
            "full_name": user.name,
            "first_name": first,
            "last_name": last,
            "email": user.email.clone().unwrap_or_default(),
            "status": "active",
            "zuid": user.id,
            "role": {"name": "CEO", "id": user.id},
            "profile": {"name": "Administrator", "id": user.id},
            "time_zone": "UTC",
        });
        match value {
            Value::Object(map) => vec![map],
            _ => Vec::new(),
        }
    }

    pub fn org(&self, user: &SeedUser) -> Record {
        if let Some(org) = &self.seed.org {
            return org.clone();
        }
        let mut org = Record::new();
        org.insert("id".into(), Value::String(user.id.clone()));
        org.insert("company_name".into(), Value::String("Sandbox Org".into()));
        org.insert(
            "primary_email".into(),
            user.email.clone().map(Value::String).unwrap_or(Value::Null),
        );
        org
    }
}

/// A record's `id` as text.
pub fn record_id(record: &Record) -> Option<&str> {
    record.get("id").and_then(Value::as_str)
}
