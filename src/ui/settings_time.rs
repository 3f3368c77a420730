//! Settings for the time split: when the fiscal year starts, the default targets and their
//! tolerance, and targets of their own for particular quarters. A refusal shows under the form
//! that sent it.

use std::str::FromStr as _;

use egui::RichText;

use super::edit_in_place::{self, CommitField};
use super::{theme, widgets};
use crate::model::fiscal::{FiscalQuarter, start_month_from_number};
use crate::model::split::Targets;
use crate::model::time_summary::quarter_months;
use crate::session::{Command, Inbox, Origin, Outbox, ViewModel};

/// The start month and the default targets.
const DEFAULTS: Origin = Origin::new("settings: time defaults");
/// A quarter's own targets, added or removed.
const QUARTER: Origin = Origin::new("settings: quarter targets");
/// The fields of the default targets.
const DEFAULT_TARGETS: Origin = Origin::new("settings: default targets");
/// The fields of a quarter's own targets (keyed by the quarter).
const QUARTER_TARGETS: Origin = Origin::new("settings: a quarter's targets");

/// The "Time split" section of Settings: what is being typed in it.
#[derive(Debug, Clone, Default)]
pub struct TimeSettingsForm {
    /// A refusal of the start month or the one-on-one setting.
    defaults_error: Option<String>,
    /// The quarter being added.
    quarter: String,
    override_error: Option<String>,
}

impl TimeSettingsForm {
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, inbox: &mut Inbox, outbox: &mut Outbox) {
        if let Some(answer) = inbox.take(DEFAULTS) {
            self.defaults_error = answer.err();
        }
        if let Some(answer) = inbox.take(QUARTER) {
            self.override_error = answer.err();
        }
        time_settings_ui(ui, view, self, inbox, outbox);
    }
}

fn time_settings_ui(
    ui: &mut egui::Ui,
    view: &ViewModel,
    form: &mut TimeSettingsForm,
    inbox: &mut Inbox,
    outbox: &mut Outbox,
) {
    let settings = &view.time.settings;

    ui.add_space(theme::SPACE_L);
    ui.separator();
    ui.label(RichText::new("Time split").strong());
    ui.label(
        RichText::new(
            "How your own time should divide between coaching, market building and business management, \
             and when your fiscal year starts.",
        )
        .weak()
        .small(),
    );
    ui.add_space(theme::SPACE_S);

    let mut logs = view.time.logs_one_on_ones;
    widgets::form_row(ui, "One-on-ones", |ui| {
        let toggle = ui.checkbox(&mut logs, "A held one-on-one logs its time as coaching").on_hover_text(
            "Once something happens in a one-on-one, its length (30 min unless set) is logged on its day, \
                 with the architect, once; not when a calendar import already brought that meeting",
        );
        if toggle.changed() {
            outbox.send(DEFAULTS, Command::SetLogOneOnOneTime(logs));
        }
    });

    widgets::form_row(ui, "Fiscal year starts", |ui| {
        let mut month = settings.start_month;
        egui::ComboBox::from_id_salt("fiscal_start_month").selected_text(month.name()).show_ui(ui, |ui| {
            for number in 1..=12 {
                if let Ok(option) = start_month_from_number(number) {
                    ui.selectable_value(&mut month, option, option.name());
                }
            }
        });
        if month != settings.start_month {
            outbox.send(DEFAULTS, Command::SetFiscalStartMonth(month));
        }
        let current = FiscalQuarter::of(view.today, month);
        ui.label(RichText::new(format!("today is in {current}: {}", quarter_months(current, month))).weak());
    });

    ui.add_space(theme::SPACE_S);
    let refusal = ui
        .horizontal(|ui| {
            row_label(ui, "Default targets");
            targets_fields_ui(
                ui,
                inbox,
                outbox,
                DEFAULT_TARGETS,
                "default",
                settings.default_targets,
                Command::SetDefaultTargets,
            )
        })
        .inner;
    if let Some(error) = &refusal {
        widgets::error_label(ui, error);
    }
    if let Some(error) = &form.defaults_error {
        widgets::error_label(ui, error);
    }

    ui.add_space(theme::SPACE_M);
    ui.label(RichText::new("Quarters with their own targets").strong());
    if settings.overrides.is_empty() {
        ui.label(RichText::new("None: every quarter uses the default targets.").weak());
    }
    for (quarter, targets) in &settings.overrides {
        let quarter = *quarter;
        let refusal = ui
            .horizontal(|ui| {
                row_label(ui, &quarter.to_string());
                let origin = QUARTER_TARGETS.with_key(quarter_key(quarter));
                let which = quarter.to_string();
                let refusal = targets_fields_ui(ui, inbox, outbox, origin, &which, *targets, |targets| {
                    Command::SetQuarterTargets { quarter, targets: Some(targets) }
                });
                let remove =
                    ui.button("Remove").on_hover_text(format!("{quarter} goes back to the default targets"));
                if remove.clicked() {
                    outbox.send(QUARTER, Command::SetQuarterTargets { quarter, targets: None });
                }
                refusal
            })
            .inner;
        if let Some(error) = &refusal {
            widgets::error_label(ui, error);
        }
    }
    let mut add = false;
    widgets::form_row(ui, "Quarter", |ui| {
        // Named explicitly: a field with a hint text is not named by its row's label.
        let field = ui
            .add(egui::TextEdit::singleline(&mut form.quarter).hint_text("FY27 Q3").desired_width(90.0))
            .accessible_name("Quarter");
        add = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        add |= ui
            .button("Add quarter")
            .on_hover_text("The quarter starts with the default targets; change them in its row")
            .clicked();
        if let Some(error) = &form.override_error {
            widgets::error_label(ui, error);
        }
    });
    if add {
        form.override_error = None;
        match FiscalQuarter::from_str(&form.quarter) {
            Err(error) => form.override_error = Some(capitalised(&error.to_string())),
            Ok(quarter) if settings.overrides.contains_key(&quarter) => {
                form.override_error = Some(format!("{quarter} already has its own targets"));
            }
            Ok(quarter) => {
                outbox.send(
                    QUARTER,
                    Command::SetQuarterTargets { quarter, targets: Some(settings.default_targets) },
                );
                form.quarter.clear();
            }
        }
    }
}

/// A quarter as a number, to key its fields.
fn quarter_key(quarter: FiscalQuarter) -> i64 {
    i64::from(quarter.fiscal_year()) * 10 + i64::from(quarter.quarter())
}

/// The label column of a row whose inputs carry their own labels.
fn row_label(ui: &mut egui::Ui, text: &str) {
    let size = egui::vec2(theme::FORM_LABEL_WIDTH, ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Center), |ui| {
        ui.set_min_size(size);
        ui.label(text);
    });
}

/// The four fields of a set of targets: the three shares and the tolerance, each named for
/// screen readers and saving itself; leaving one sends the whole set as typed (its refusal,
/// "they must add up to 100 %", is returned for the caller to show under the row, the typed
/// numbers stay to be corrected in another field). `origin` is the set's; each field adds its
/// position.
fn targets_fields_ui(
    ui: &mut egui::Ui,
    inbox: &mut Inbox,
    outbox: &mut Outbox,
    origin: Origin,
    which: &str,
    saved: Targets,
    to_command: impl FnOnce(Targets) -> Command,
) -> Option<String> {
    let fields: [(&str, u32, u32, &str); 4] = [
        ("Coaching", saved.coaching_pct, 100, "%"),
        ("Market building", saved.market_pct, 100, "%"),
        ("Business management", saved.business_pct, 100, "%"),
        ("Tolerance ±", saved.tolerance_pct, 50, "points"),
    ];
    let origins: [Origin; 4] = [0, 1, 2, 3].map(|i| origin.with_key(origin.key * 4 + i));
    let mut committed = None;
    let mut saved_now = false;
    for (index, (label, value, _, suffix)) in fields.iter().enumerate() {
        ui.label(*label);
        let text = value.to_string();
        let name = format!("{label} ({which} targets)");
        let field = CommitField::new(origins[index], &text, &name)
            .width(32.0)
            .max_chars(3)
            .error_shown_by_caller()
            .show(ui, inbox);
        field.response.on_hover_text(&name);
        ui.label(RichText::new(*suffix).weak());
        saved_now |= field.saved;
        if let Some(text) = field.text {
            committed = Some((index, text));
        }
    }
    let ctx = ui.ctx().clone();
    // Each field as it reads now: typed and not saved, or saved.
    let current = |index: usize, committed: &Option<(usize, String)>| match committed {
        Some((i, text)) if *i == index => text.clone(),
        _ => edit_in_place::typed_text(&ctx, origins[index]).unwrap_or_else(|| fields[index].1.to_string()),
    };
    let numbers: Vec<Result<u32, String>> = (0..4)
        .map(|i| {
            edit_in_place::parse_number(&fields[i].0.to_lowercase(), &current(i, &committed), 0, fields[i].2)
        })
        .collect();
    if let [Ok(coaching), Ok(market), Ok(business), _] = numbers[..] {
        let sum = coaching + market + business;
        let color = if sum == 100 { theme::ok_color(ui) } else { theme::error_color(ui) };
        ui.label(RichText::new(format!("= {sum} %")).color(color));
    }
    if saved_now {
        for origin in origins {
            edit_in_place::forget(&ctx, origin);
        }
    }
    let refusal = || origins.iter().find_map(|origin| edit_in_place::error_of(&ctx, *origin));
    let Some((index, _)) = committed else { return refusal() };
    let checked = match numbers[..] {
        [Ok(coaching_pct), Ok(market_pct), Ok(business_pct), Ok(tolerance_pct)] => {
            let targets = Targets { coaching_pct, market_pct, business_pct, tolerance_pct };
            targets.validate().map(|()| targets).map_err(|e| capitalised(&e.to_string()))
        }
        _ => Err(numbers.iter().find_map(|n| n.clone().err()).unwrap_or_default()),
    };
    match checked {
        Ok(targets) => outbox.send(origins[index], to_command(targets)),
        Err(message) => edit_in_place::refuse(&ctx, origins[index], message),
    }
    refusal()
}

/// Messages from the model start in lower case to read well after a field name; alone they
/// start a sentence.
fn capitalised(message: &str) -> String {
    let mut chars = message.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
