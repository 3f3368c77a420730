//! Every integration test, in one binary: eframe, wgpu and SQLite are linked once instead of
//! once per file, which is most of the time an incremental `cargo test` takes. Each module is
//! one story (the command line, the store, a screen); run one with
//! `cargo test --test suite cli_time::`.

mod common;

mod beside_window;
mod business;
mod business_csv;
mod business_migration;
mod cli;
mod cli_business;
mod cli_data;
mod cli_development;
mod cli_hiring;
mod cli_import_ics;
mod cli_report;
mod cli_review;
mod cli_time;
mod data_safety;
mod development;
mod hiring;
mod hiring_profiles;
mod hiring_start;
mod ics_bad_input;
mod ics_fixtures;
mod ics_rfc5545;
mod install;
mod keyboard;
mod mutation;
mod name_matching;
mod one_on_ones;
mod prep_development;
mod report_prep;
mod review;
mod search;
mod session;
mod snapshots;
mod snapshots_business;
mod snapshots_development;
mod snapshots_hiring;
mod snapshots_one_on_ones;
mod snapshots_review;
mod snapshots_time;
mod store_calendar;
mod store_development_restore;
mod store_open;
mod store_time;
mod ui_badges;
mod ui_business;
mod ui_calendar_rules;
mod ui_development;
mod ui_hiring;
mod ui_idle;
mod ui_import;
mod ui_import_review;
mod ui_notes;
mod ui_one_on_ones;
mod ui_palette;
mod ui_review;
mod ui_review_words;
mod ui_team;
mod ui_this_week;
mod ui_time;
mod ui_type_ahead;
mod ui_weekly_loop;
mod weekly_loop;
