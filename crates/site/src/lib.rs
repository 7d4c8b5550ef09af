//! Builds a CJG site: `content/` (Markdown with TOML front matter) through `templates/`
//! (tera) into `public/`, with every broken input reported by file and line.
//!
//! [`Site::load`] reads and checks everything; [`Site::build`] writes the output atomically.

mod assets;
mod config;
mod context;
mod error;
mod front_matter;
mod hulplijnen;
mod library;
mod markdown;
mod output;
mod scaffold;
mod service_worker;
mod site;
mod slug;
mod source;
mod templates;
mod timings;

pub use assets::{part_path, Asset, AssetCache};
pub use config::{Config, Contact, Registratie};
pub use error::{BuildErrors, ConfigProblem, FrontMatterProblem, HulplijnProblem, LinkProblem, Location, SiteError};
pub use front_matter::{Aanbod, FrontMatter};
pub use hulplijnen::{parse as parse_hulplijnen, tel, Hulplijn};
pub use library::{Kind, Library, Page};
pub use markdown::Heading;
pub use scaffold::{new_entry, today, NewKind};
pub use site::{OutputFile, Site};
pub use timings::Timings;
