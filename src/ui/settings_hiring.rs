//! Settings for hiring: how long candidates are kept after their requisition closes, the
//! hiring profiles (named lists of the skills matrix's competencies an interview plan can
//! assess instead of the whole matrix), and the 30-60-90 onboarding template a hire's plan starts from (goals with the day they are due,
//! talking points for the first one-on-one; `{buddy}` becomes the buddy's name).

use egui::RichText;

use super::edit_in_place::{self, CommitField};
use super::{theme, widgets};
use crate::model::HiringProfileId;
use crate::model::architect::Choice as _;
use crate::model::candidate::PURGE_MONTHS_MAX;
use crate::model::goal::GoalKind;
use crate::model::hiring_profile::PROFILE_NAME_MAX_CHARS;
use crate::model::onboarding::{ITEM_DAY_MAX, ItemFields, ItemKind};
use crate::model::text::TEXT_MAX_CHARS;
use crate::model::words::plural;
use crate::session::{Command, HiringCommand, Inbox, Origin, Outbox, ViewModel};

const PURGE: Origin = Origin::new("settings: purge months");
const TEMPLATE: Origin = Origin::new("settings: onboarding template");
const PROFILE: Origin = Origin::new("settings: hiring profile");
/// A profile's name field (keyed by the profile).
const PROFILE_NAME: Origin = Origin::new("settings: hiring profile name");
/// A template item's text and day fields (keyed by the item).
const ITEM_TEXT: Origin = Origin::new("settings: template item text");
const ITEM_DAY: Origin = Origin::new("settings: template item day");

#[derive(Default)]
pub struct HiringSettings {
    /// A template item being added.
    form: Option<ItemFields>,
    /// The name of a profile being added.
    new_profile: String,
    /// The profile whose competencies are shown to tick.
    open_profile: Option<HiringProfileId>,
    error: Option<(Origin, String)>,
}

impl HiringSettings {
    fn take_answers(&mut self, inbox: &mut Inbox) {
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
                    self.new_profile.clear();
                }
                Err(message) => self.error = Some((PROFILE, message)),
            }
        }
    }

    /// The hiring profiles: add, rename, delete, and tick the competencies each assesses.
    fn profiles_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, inbox: &mut Inbox, outbox: &mut Outbox) {
        let hiring = &view.hiring;
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
            ui.horizontal(|ui| {
                let toggle = if open { "Hide competencies" } else { "Show competencies" };
                let origin = PROFILE_NAME.with_key(profile.id.0);
                let name = format!("Name of the profile {}", profile.name);
                CommitField::new(origin, &profile.name, &name)
                    .width(theme::NAME_FIELD_WIDTH)
                    .max_chars(PROFILE_NAME_MAX_CHARS)
                    .show_and_send(ui, inbox, outbox, |typed| {
                        let name = typed.to_owned();
                        Ok(Command::Hiring(HiringCommand::RenameProfile { id: profile.id, name }))
                    });
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
                if ui
                    .small_button("Delete profile")
                    .on_hover_text(format!("Delete {} (Ctrl+Z brings it back)", profile.name))
                    .clicked()
                {
                    outbox.send(PROFILE, Command::Hiring(HiringCommand::DeleteProfile(profile.id)));
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
                            let command = HiringCommand::SetProfileCompetency {
                                profile: profile.id,
                                competency: competency.id,
                                included,
                            };
                            outbox.send(PROFILE, Command::Hiring(command));
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
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("➕ Add profile").clicked() || entered {
                outbox.send(PROFILE, Command::Hiring(HiringCommand::AddProfile(self.new_profile.clone())));
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
            let months = hiring.purge_months.to_string();
            CommitField::new(PURGE, &months, "Delete candidates").width(40.0).max_chars(3).show_and_send(
                ui,
                inbox,
                outbox,
                |typed| {
                    let months = edit_in_place::parse_number("months", typed, 1, PURGE_MONTHS_MAX)?;
                    Ok(Command::Hiring(HiringCommand::SetPurgeMonths(i64::from(months))))
                },
            );
            ui.label("months after closing");
        });
        self.profiles_ui(ui, view, inbox, outbox);

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
                // Each part of an item is a field of its own that saves when left.
                let update = |fields: ItemFields| {
                    Command::Hiring(HiringCommand::UpdateTemplateItem { id: item.id, fields })
                };
                // The type, day and kind in a column of one width, so the texts line up.
                let size = egui::vec2(380.0, ui.spacing().interact_size.y);
                let layout = egui::Layout::left_to_right(egui::Align::Center);
                ui.allocate_ui_with_layout(size, layout, |ui| {
                    ui.set_min_size(size);
                    // Goal or talking point, applied when chosen (a goal made of a talking
                    // point is due on day 30; a talking point has no day).
                    let mut kind = item.fields.kind;
                    egui::ComboBox::from_id_salt(("template_item_type", item.id.0))
                        .width(110.0)
                        .selected_text(kind.label())
                        .show_ui(ui, |ui| {
                            for choice in ItemKind::ALL {
                                ui.selectable_value(&mut kind, *choice, choice.label());
                            }
                        })
                        .response
                        .accessible_name(format!("Type of template item {}", index + 1));
                    if kind != item.fields.kind {
                        let day = match kind {
                            ItemKind::Goal if item.fields.day == 0 => 30,
                            _ => item.fields.day,
                        };
                        outbox.send(TEMPLATE, update(ItemFields { kind, day, ..item.fields.clone() }));
                    }
                    match item.fields.kind {
                        ItemKind::Goal => {
                            ui.label("day");
                            let day = item.fields.day.to_string();
                            let name = format!("Day of template item {}", index + 1);
                            CommitField::new(ITEM_DAY.with_key(item.id.0), &day, &name)
                                .width(36.0)
                                .max_chars(4)
                                .show_and_send(ui, inbox, outbox, |typed| {
                                    let day = edit_in_place::parse_number(
                                        "day",
                                        typed,
                                        0,
                                        u32::from(ITEM_DAY_MAX),
                                    )?;
                                    let day = u16::try_from(day).unwrap_or(ITEM_DAY_MAX);
                                    Ok(update(ItemFields { day, ..item.fields.clone() }))
                                });
                            let mut goal_kind = item.fields.goal_kind;
                            egui::ComboBox::from_id_salt(("template_item_kind", item.id.0))
                                .width(150.0)
                                .truncate()
                                .selected_text(goal_kind.label())
                                .show_ui(ui, |ui| {
                                    for kind in GoalKind::ALL {
                                        ui.selectable_value(&mut goal_kind, *kind, kind.label());
                                    }
                                })
                                .response
                                .accessible_name(format!("Kind of template item {}", index + 1));
                            if goal_kind != item.fields.goal_kind {
                                outbox
                                    .send(TEMPLATE, update(ItemFields { goal_kind, ..item.fields.clone() }));
                            }
                        }
                        ItemKind::TalkingPoint => {
                            ui.label(RichText::new("on the first 1:1").weak());
                        }
                    }
                });
                let name = format!("Text of template item {}", index + 1);
                CommitField::new(ITEM_TEXT.with_key(item.id.0), &item.fields.text, &name)
                    // Room left for the buttons on the right.
                    .width((ui.available_width() - 110.0).max(theme::NAME_FIELD_WIDTH))
                    .max_chars(TEXT_MAX_CHARS)
                    .show_and_send(ui, inbox, outbox, |typed| {
                        Ok(update(ItemFields { text: typed.to_owned(), ..item.fields.clone() }))
                    });
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .small_button("🗑")
                        .on_hover_text("Remove from the template (Ctrl+Z brings it back)")
                        .clicked()
                    {
                        outbox.send(TEMPLATE, Command::Hiring(HiringCommand::DeleteTemplateItem(item.id)));
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
                    self.form = Some(ItemFields { day: 30, ..ItemFields::default() });
                }
            }
            Some(fields) => {
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
                        if ui
                            .add(theme::primary_button(ui, "Add"))
                            .on_hover_text("Add to the template")
                            .clicked()
                        {
                            let command = HiringCommand::AddTemplateItem(fields.clone());
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
