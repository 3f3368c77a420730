//! Settings for the time split: when the fiscal year starts, the default targets and their
//! tolerance, and targets of their own for particular quarters. A refusal shows under the form
//! that sent it.

use std::str::FromStr as _;

use egui::RichText;

use super::{theme, widgets};
use crate::model::fiscal::{FiscalQuarter, start_month_from_number};
use crate::model::split::Targets;
use crate::model::time_summary::{quarter_months, targets_text};
use crate::session::{Command, Inbox, Origin, Outbox, ViewModel};

/// The start month and the default targets.
const DEFAULTS: Origin = Origin::new("settings: time defaults");
/// A quarter's own targets, added or removed.
const QUARTER: Origin = Origin::new("settings: quarter targets");

/// The "Time split" section of Settings: what is being typed in it.
#[derive(Debug, Clone, Default)]
pub struct TimeSettingsForm {
    /// The default targets being edited; `None` shows the saved ones.
    defaults: Option<Targets>,
    defaults_error: Option<String>,
    quarter: String,
    /// The override being typed; `None` starts from the defaults.
    override_targets: Option<Targets>,
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
        time_settings_ui(ui, view, self, outbox);
    }
}

fn time_settings_ui(ui: &mut egui::Ui, view: &ViewModel, form: &mut TimeSettingsForm, outbox: &mut Outbox) {
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
    let saved = settings.default_targets;
    let mut defaults = form.defaults.unwrap_or(saved);
    ui.horizontal(|ui| {
        row_label(ui, "Default targets");
        targets_inputs_ui(ui, "default", &mut defaults);
    });
    let problem = defaults.validate().err().map(|e| e.to_string());
    widgets::form_row(ui, "", |ui| {
        let changed = defaults != saved;
        let save = ui.add_enabled(changed && problem.is_none(), egui::Button::new("Save targets"));
        if save.clicked() {
            outbox.send(DEFAULTS, Command::SetDefaultTargets(defaults));
        }
        if changed && ui.button("Revert").clicked() {
            defaults = saved;
        }
        match &problem {
            Some(message) => widgets::error_label(ui, &capitalised(message)),
            None if changed => {
                ui.label(RichText::new("Not saved yet").weak());
            }
            None => {
                ui.label(RichText::new(format!("Saved: {}", targets_text(&saved))).weak());
            }
        }
    });
    form.defaults = (defaults != saved).then_some(defaults);
    if let Some(error) = &form.defaults_error {
        widgets::error_label(ui, error);
    }

    ui.add_space(theme::SPACE_M);
    ui.label(RichText::new("Quarters with their own targets").strong());
    if settings.overrides.is_empty() {
        ui.label(RichText::new("None: every quarter uses the default targets.").weak());
    }
    for (quarter, targets) in &settings.overrides {
        widgets::form_row(ui, &quarter.to_string(), |ui| {
            ui.label(targets_text(targets));
            let remove =
                ui.button("Remove").on_hover_text(format!("{quarter} goes back to the default targets"));
            if remove.clicked() {
                outbox.send(QUARTER, Command::SetQuarterTargets { quarter: *quarter, targets: None });
            }
        });
    }
    let mut overriding = form.override_targets.unwrap_or(settings.default_targets);
    widgets::form_row(ui, "Quarter", |ui| {
        // Named explicitly: a field with a hint text is not named by its row's label.
        ui.add(egui::TextEdit::singleline(&mut form.quarter).hint_text("FY27 Q3").desired_width(90.0))
            .accessible_name("Quarter")
    });
    ui.horizontal(|ui| {
        row_label(ui, "Its targets");
        targets_inputs_ui(ui, "quarter", &mut overriding);
    });
    widgets::form_row(ui, "", |ui| {
        if ui.button("Save quarter targets").clicked() {
            form.override_error = None;
            match (FiscalQuarter::from_str(&form.quarter), overriding.validate()) {
                (Err(error), _) => form.override_error = Some(capitalised(&error.to_string())),
                (_, Err(error)) => form.override_error = Some(capitalised(&error.to_string())),
                (Ok(quarter), Ok(())) => {
                    outbox.send(QUARTER, Command::SetQuarterTargets { quarter, targets: Some(overriding) });
                    form.quarter.clear();
                    overriding = settings.default_targets;
                }
            }
        }
        if let Some(error) = &form.override_error {
            widgets::error_label(ui, error);
        }
    });
    form.override_targets = (overriding != settings.default_targets).then_some(overriding);
}

/// The label column of a row whose inputs carry their own labels.
fn row_label(ui: &mut egui::Ui, text: &str) {
    let size = egui::vec2(theme::FORM_LABEL_WIDTH, ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Center), |ui| {
        ui.set_min_size(size);
        ui.label(text);
    });
}

/// Four number fields: the three shares and the tolerance, each named for screen readers.
fn targets_inputs_ui(ui: &mut egui::Ui, which: &str, targets: &mut Targets) {
    let fields: [(&str, &mut u32, u32, &str); 4] = [
        ("Coaching", &mut targets.coaching_pct, 100, " %"),
        ("Market building", &mut targets.market_pct, 100, " %"),
        ("Business management", &mut targets.business_pct, 100, " %"),
        ("Tolerance ±", &mut targets.tolerance_pct, 50, " points"),
    ];
    for (label, value, max, suffix) in fields {
        let label_response = ui.label(label);
        ui.add(egui::DragValue::new(value).range(0..=max).suffix(suffix).speed(0.2))
            .labelled_by(label_response.id)
            .on_hover_text(format!("{label} ({which} targets)"));
    }
    let sum = targets.coaching_pct + targets.market_pct + targets.business_pct;
    let color = if sum == 100 { theme::ok_color(ui) } else { theme::error_color(ui) };
    ui.label(RichText::new(format!("= {sum} %")).color(color));
}

/// Messages from the model start in lower case to read well after a field name; alone they
/// start a sentence.
fn capitalised(message: &str) -> String {
    let mut chars = message.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
