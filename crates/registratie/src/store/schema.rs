//! The tables of the counts, written down once and rendered for SQLite and for PostgreSQL, so
//! that both stores hold the same columns by construction. Days are `YYYY-MM-DD` text; "none"
//! is the empty string so that it can take part in the primary key.

/// The layout's version: `PRAGMA user_version` in SQLite, the table `cjg_versie` in PostgreSQL.
/// 1 was the single-site layout of SQLite only; 2 added the site to every count and named
/// staff tokens.
pub(crate) const VERSIE: i64 = 2;

/// What a column holds.
#[derive(Clone, Copy)]
enum Soort {
    Text,
    OptionalText,
    Bool,
    Count,
    Bytes,
    Id,
}

struct Table {
    naam: &'static str,
    kolommen: &'static [(&'static str, Soort, &'static str)],
    /// The primary key, when it is not an `Id` column.
    sleutel: &'static [&'static str],
}

use Soort::*;

const TABLES: &[Table] = &[
    Table {
        naam: "vragen",
        kolommen: &[
            ("site", Text, "the site's id"),
            ("dag", Text, ""),
            ("kanaal", Text, "online, loket, telefoon, chat, e-mail"),
            ("doelgroep", Text, "ouders, jongeren, professionals, onbekend"),
            ("thema", Text, "'' when unknown"),
            ("pagina", Text, "'' when no answer fit, or a desk question by theme"),
            ("urgent", Bool, ""),
            ("aantal", Count, ""),
        ],
        sleutel: &["site", "dag", "kanaal", "doelgroep", "thema", "pagina", "urgent"],
    },
    Table {
        naam: "termen",
        kolommen: &[
            ("site", Text, ""),
            ("dag", Text, ""),
            ("doelgroep", Text, ""),
            ("term", Text, "a stem of the site's vocabulary"),
            ("beantwoord", Bool, "true when the question found a page"),
            ("aantal", Count, ""),
        ],
        sleutel: &["site", "dag", "doelgroep", "term", "beantwoord"],
    },
    Table {
        naam: "onbeantwoord",
        kolommen: &[
            ("site", Text, ""),
            ("dag", Text, ""),
            ("doelgroep", Text, ""),
            ("termen", Text, "the question's known terms, sorted, space-separated"),
            ("aantal", Count, ""),
        ],
        sleutel: &["site", "dag", "doelgroep", "termen"],
    },
    Table {
        naam: "feedback",
        kolommen: &[
            ("site", Text, ""),
            ("dag", Text, ""),
            ("pagina", Text, ""),
            ("geholpen", Bool, "true for ja, false for nee"),
            ("bron", Text, "pagina, widget"),
            ("aantal", Count, ""),
        ],
        sleutel: &["site", "dag", "pagina", "geholpen", "bron"],
    },
    Table {
        naam: "toegang",
        kolommen: &[
            ("id", Id, ""),
            ("naam", Text, "the staff member the token was given to"),
            ("zout", Bytes, ""),
            ("hash", Bytes, "SHA-256 of zout and token; the token itself is never stored"),
            ("gemaakt", Text, "the day it was made"),
            ("ingetrokken", OptionalText, "the day it was revoked"),
        ],
        sleutel: &[],
    },
];

/// The SQL dialects the stores speak.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Sqlite,
    Postgres,
}

/// `CREATE TABLE` for every table, in `dialect`.
pub(crate) fn create_tables(dialect: Dialect) -> String {
    let mut sql = String::new();
    for table in TABLES {
        sql.push_str(&create_table(table, dialect, table.naam));
    }
    sql
}

fn create_table(table: &Table, dialect: Dialect, naam: &str) -> String {
    let mut regels: Vec<(String, &str)> = table
        .kolommen
        .iter()
        .map(|(kolom, soort, uitleg)| {
            let soort = match (soort, dialect) {
                (Text, _) => "TEXT NOT NULL",
                (OptionalText, _) => "TEXT",
                (Bool, Dialect::Sqlite) => "INTEGER NOT NULL",
                (Bool, Dialect::Postgres) => "BOOLEAN NOT NULL",
                (Count, Dialect::Sqlite) => "INTEGER NOT NULL",
                (Count, Dialect::Postgres) => "BIGINT NOT NULL",
                (Bytes, Dialect::Sqlite) => "BLOB NOT NULL",
                (Bytes, Dialect::Postgres) => "BYTEA NOT NULL",
                (Id, Dialect::Sqlite) => "INTEGER PRIMARY KEY",
                (Id, Dialect::Postgres) => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
            };
            (format!("    {kolom} {soort}"), *uitleg)
        })
        .collect();
    if !table.sleutel.is_empty() {
        regels.push((format!("    PRIMARY KEY ({})", table.sleutel.join(", ")), ""));
    }
    let laatste = regels.len() - 1;
    let mut sql = format!("CREATE TABLE {naam} (\n");
    for (i, (regel, uitleg)) in regels.into_iter().enumerate() {
        sql.push_str(&regel);
        if i < laatste {
            sql.push(',');
        }
        if !uitleg.is_empty() {
            sql.push_str(" -- ");
            sql.push_str(uitleg);
        }
        sql.push('\n');
    }
    let rest = if dialect == Dialect::Sqlite && !table.sleutel.is_empty() { " WITHOUT ROWID" } else { "" };
    sql.push_str(&format!("){rest};\n"));
    sql
}

/// SQLite from layout 1 (one site, one token) to 2: every count gets the site `cjg`, the old
/// token keeps working under the name `balie`.
pub(crate) fn sqlite_from_1() -> String {
    let mut sql = String::new();
    for table in TABLES {
        let oud = format!("{}_1", table.naam);
        sql.push_str(&format!("ALTER TABLE {} RENAME TO {oud};\n", table.naam));
        sql.push_str(&create_table(table, Dialect::Sqlite, table.naam));
        if table.naam == "toegang" {
            sql.push_str(&format!(
                "INSERT INTO toegang (naam, zout, hash, gemaakt) SELECT 'balie', zout, hash, dag FROM {oud};\n"
            ));
        } else {
            let kolommen: Vec<&str> = table.kolommen.iter().skip(1).map(|(kolom, _, _)| *kolom).collect();
            sql.push_str(&format!(
                "INSERT INTO {} (site, {}) SELECT '{}', {} FROM {oud};\n",
                table.naam,
                kolommen.join(", "),
                crate::sites::DEFAULT_SITE,
                kolommen.join(", ")
            ));
        }
        sql.push_str(&format!("DROP TABLE {oud};\n"));
    }
    sql
}

/// Every table name, to recognise a database that holds other things.
pub(crate) fn table_names() -> impl Iterator<Item = &'static str> {
    TABLES.iter().map(|t| t.naam)
}
