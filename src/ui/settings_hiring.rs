//! Settings for hiring: how long candidates are kept after their requisition closes, the
//! hiring profiles (named lists of the skills matrix's competencies an interview plan can
//! assess instead of the whole matrix), and the 30-60-90 onboarding template a hire's plan starts from (goals with the day they are due,
//! talking points for the first one-on-one; `{buddy}` becomes the buddy's name).

use egui::RichText;

use super::{theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::candidate::PURGE_MONTHS_MAX;
use crate::model::goal::GoalKind;
use crate::model::hiring_profile::PROFILE_NAME_MAX_CHARS;
use crate::model::onboarding::{ITEM_DAY_MAX, ItemFields, ItemKind};
use crate::model::text::TEXT_MAX_CHARS;
use crate::model::words::plural;
use crate::model::{HiringProfileId, TemplateItemId};
use crate::session::{Command, HiringCommand, Inbox, Origin, Outbox, ViewModel};

const PURGE: Origin = Origin::new("settings: purge months");
const TEMPLATE: Origin = Origin::new("settings: onboarding template");
const PROFILE: Origin = Origin::new("settings: hiring profile");

#[derive(Default)]
pub struct HiringSettings {
    /// The months as being edited; `None` shows the stored number.
    purge_months: Option<u32>,
    /// A template item being added (`None` id) or edited.
    form: Option<(Option<TemplateItemId>, ItemFields)>,
    /// The name of a profile being added.
    new_profile: String,
    /// A profile being renamed, with the name as typed.
    renaming: Option<(HiringProfileId, String)>,
    /// The profile whose competencies are shown to tick.
    open_profile: Option<HiringProfileId>,
    error: Option<(Origin, String)>,
}

impl HiringSettings {
    fn take_answers(&mut self, inbox: &mut Inbox) {
        if let Some(answer) = inbox.take(PURGE) {
            match answer {
                Ok(_) => {
                    self.purge_months = None;
                    self.error = None;
                }
                Err(message) => self.error = Some((PURGE, message)),
            }
        }
        if let Some(answer) = inbox.take(TEMPLATE) {
            match answer {
                Ok(_) => {
                    self.form = None;
                    self.error = None;
                }
                Err(message) => self.error = Some((TEMPLATE, message)),
            }
        }
        while let Some((_, answer)) = inbox.take_named(PROFILE.name) {
            match answer {
                Ok(_) => {
                    self.error = None;
                    self.renaming = None;
                    self.new_profile.clear();
                }
                Err(message) => self.error = Some((PROFILE, message)),
            }
        }
    }

    /// The hiring profiles: add, rename, delete, and tick the competencies each assesses.
    fn profiles_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        let hiring = &view.hiring;
        let mut send = |command: HiringCommand| outbox.send(PROFILE, Command::Hiring(command));
        ui.add_space(theme::SPACE_M);
        ui.label(RichText::new("Hiring profiles").strong());
        ui.label(
            RichText::new(
                "A hiring profile is the list of competencies an interview plan assesses for a kind of role (a \
                 junior role need not be interviewed on everything the team grows into). A requisition without \
                 one assesses the whole skills matrix.",
            )
            .weak(),
        );
        for profile in &hiring.profiles {
            let open = self.open_profile == Some(profile.id);
            ui.horizontal(|ui| match &mut self.renaming {
                Some((id, name)) if *id == profile.id => {
                    let field = ui.add(
                        egui::TextEdit::singleline(name)
                            .char_limit(PROFILE_NAME_MAX_CHARS)
                            .desired_width(theme::NAME_FIELD_WIDTH),
                    );
                    field.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Profile name")
                    });
                    if ui.button("Save name").clicked() {
                        send(HiringCommand::RenameProfile { id: profile.id, name: name.clone() });
                    }
                    if ui.button("Cancel").clicked() {
                        self.renaming = None;
                    }
                }
                _ => {
                    let toggle = if open { "Hide competencies" } else { "Show competencies" };
                    ui.label(RichText::new(&profile.name).strong());
                    ui.label(
                        RichText::new(format!(
                            "{} of {}",
                            plural(profile.competencies.len(), "competency"),
                            hiring.competencies.len()
                        ))
                        .weak(),
                    );
                    if ui
                        .small_button(toggle)
                        .on_hover_text(format!("The competencies of {}", profile.name))
                        .clicked()
                    {
                        self.open_profile = if open { None } else { Some(profile.id) };
                    }
                    if ui.small_button("Rename").clicked() {
                        self.renaming = Some((profile.id, profile.name.clone()));
                    }
                    if ui
                        .small_button("Delete profile")
                        .on_hover_text(format!("Delete {} (Ctrl+Z brings it back)", profile.name))
                        .clicked()
                    {
                        send(HiringCommand::DeleteProfile(profile.id));
                    }
                }
            });
            if open {
                ui.indent(("profile", profile.id.0), |ui| {
                    for competency in &hiring.competencies {
                        let mut included = profile.competencies.contains(&competency.id);
                        let label = format!("{} in {}", competency.name, profile.name);
                        let response = ui.checkbox(&mut included, &competency.name);
                        response.widget_info(|| {
                            egui::WidgetInfo::selected(egui::Role::CheckBox, true, included, &label)
                        });
                        if response.changed() {
                            send(HiringCommand::SetProfileCompetency {
                                profile: profile.id,
                                competency: competency.id,
                                included,
                            });
                        }
                    }
                });
            }
        }
        ui.horizontal(|ui| {
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.new_profile)
                    .char_limit(PROFILE_NAME_MAX_CHARS)
                    .hint_text("e.g. Junior architect")
                    .desired_width(theme::NAME_FIELD_WIDTH),
            );
            field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New profile name"));
            if ui.button("➕ Add profile").clicked() {
                send(HiringCommand::AddProfile(self.new_profile.clone()));
            }
        });
        self.error_ui(ui, PROFILE);
    }

    fn error_ui(&self, ui: &mut egui::Ui, origin: Origin) {
        if let Some((_, message)) = self.error.as_ref().filter(|(o, _)| *o == origin) {
            widgets::error_label(ui, message);
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, inbox: &mut Inbox, outbox: &mut Outbox) {
        self.take_answers(inbox);
        let hiring = &view.hiring;
        ui.add_space(theme::SPACE_L);
        ui.separator();
        ui.label(RichText::new("Hiring").strong());
        ui.label(
            RichText::new(
                "Candidates are people outside the company: their records are due for deletion a number of months \
                 after their requisition closes (earlier if you set a date on the candidate).",
            )
            .weak(),
        );
        widgets::form_row(ui, "Delete candidates", |ui| {
            let months = self.purge_months.get_or_insert(hiring.purge_months);
            ui.add(egui::DragValue::new(months).range(1..=PURGE_MONTHS_MAX).suffix(" months after closing"));
            if *months != hiring.purge_months && ui.button("Save").clicked() {
                outbox.send(PURGE, Command::Hiring(HiringCommand::SetPurgeMonths(i64::from(*months))));
            }
        });
        self.error_ui(ui, PURGE);
        self.profiles_ui(ui, view, outbox);

        ui.add_space(theme::SPACE_M);
        ui.label(RichText::new("Onboarding template (30-60-90)").strong());
        ui.label(
            RichText::new(
                "Goals go into a new hire's development plan, due that many days after the start; talking points \
                 go on their first one-on-one. {buddy} becomes the buddy's name.",
            )
            .weak(),
        );
        let count = hiring.template.len();
        for (index, item) in hiring.template.iter().enumerate() {
            ui.horizontal(|ui| {
                let kind = match item.fields.kind {
                    ItemKind::Goal => format!("Day {} · {}", item.fields.day, item.fields.goal_kind.label()),
                    ItemKind::TalkingPoint => "First 1:1".to_owned(),
                };
                ui.add_sized([170.0, 18.0], egui::Label::new(RichText::new(kind).weak()).truncate());
                ui.add(egui::Label::new(&item.fields.text).truncate());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .small_button("🗑")
                        .on_hover_text("Remove from the template (Ctrl+Z brings it back)")
                        .clicked()
                    {
                        outbox.send(TEMPLATE, Command::Hiring(HiringCommand::DeleteTemplateItem(item.id)));
                    }
                    if ui.small_button("✏").on_hover_text("Edit").clicked() {
                        self.form = Some((Some(item.id), item.fields.clone()));
                    }
                    if index + 1 < count && ui.small_button("⏷").on_hover_text("Move down").clicked() {
                        outbox.send(
                            TEMPLATE,
                            Command::Hiring(HiringCommand::MoveTemplateItem { id: item.id, up: false }),
                        );
                    }
                    if index > 0 && ui.small_button("⏶").on_hover_text("Move up").clicked() {
                        outbox.send(
                            TEMPLATE,
                            Command::Hiring(HiringCommand::MoveTemplateItem { id: item.id, up: true }),
                        );
                    }
                });
            });
        }
        match &mut self.form {
            None => {
                if ui.button("➕ Add to the template").clicked() {
                    self.form = Some((None, ItemFields { day: 30, ..ItemFields::default() }));
                }
            }
            Some((id, fields)) => {
                let mut cancel = false;
                theme::card_frame(ui).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        for kind in ItemKind::ALL {
                            ui.radio_value(&mut fields.kind, *kind, kind.label());
                        }
                    });
                    if fields.kind == ItemKind::Goal {
                        widgets::form_row(ui, "Due on day", |ui| {
                            ui.add(egui::DragValue::new(&mut fields.day).range(0..=ITEM_DAY_MAX));
                        });
                        widgets::form_row(ui, "Kind of goal", |ui| {
                            egui::ComboBox::from_id_salt("template_goal_kind")
                                .selected_text(fields.goal_kind.label())
                                .show_ui(ui, |ui| {
                                    for kind in GoalKind::ALL {
                                        ui.selectable_value(&mut fields.goal_kind, *kind, kind.label());
                                    }
                                });
                        });
                    }
                    widgets::text_row(ui, "Text", &mut fields.text, TEXT_MAX_CHARS);
                    ui.horizontal(|ui| {
                        if ui.add(theme::primary_button(ui, "Save item")).clicked() {
                            let command = match id {
                                Some(id) => {
                                    HiringCommand::UpdateTemplateItem { id: *id, fields: fields.clone() }
                                }
                                None => HiringCommand::AddTemplateItem(fields.clone()),
                            };
                            outbox.send(TEMPLATE, Command::Hiring(command));
                        }
                        if ui.button("Cancel").clicked() {
                            cancel = true;
                        }
                    });
                });
                if cancel {
                    self.form = None;
                }
            }
        }
        self.error_ui(ui, TEMPLATE);
    }
}
