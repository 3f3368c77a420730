//! The "Certifications" tab of an architect's page: each certification with its state badge and
//! expiry, and the forms to record one earned, record a renewal or remove a record.

use egui::RichText;

use super::architect_editor::named_date_input;
use super::dev_widgets::cert_state_pill;
use super::theme::info_color;
use super::{theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::certification::{CatalogueCert, CertState, EXPIRY_WARNING_DAYS, short_name};
use crate::model::{ArchitectId, CertId, CertRecordId, text};
use crate::session::dev_view::{CertRow, PersonDevelopment};
use crate::session::{Command, DevCommand, Inbox, Origin, Outbox, ViewModel};

/// The forms of the tab, each answered on its own: recording a certification, and per record
/// its renewal form and its removal.
const EARNED: Origin = Origin::new("certifications: earned");
const RENEWAL: Origin = Origin::new("certifications: renewal");
const REMOVE: Origin = Origin::new("certifications: remove");

fn renewal_of(record: CertRecordId) -> Origin {
    RENEWAL.with_key(record.0)
}

fn removal_of(record: CertRecordId) -> Origin {
    REMOVE.with_key(record.0)
}

#[derive(Default)]
pub struct CertsTab {
    /// The "record a certification" form: the catalogue entry and the date as typed.
    earned: Option<(Option<CertId>, String)>,
    /// The record being renewed and the date as typed.
    renewing: Option<(CertRecordId, String)>,
    confirm_remove: Option<CertRecordId>,
    /// The last refusal and the form it belongs to.
    error: Option<(Origin, String)>,
}

impl CertsTab {
    /// The answers to what the tab sent: a form that went through closes, a refusal shows
    /// beside the form that sent it.
    fn take_answers(&mut self, inbox: &mut Inbox) {
        if let Some(answer) = inbox.take(EARNED) {
            match answer {
                Ok(_) => self.earned = None,
                Err(message) => self.error = Some((EARNED, message)),
            }
        }
        while let Some((key, answer)) = inbox.take_named(RENEWAL.name) {
            match answer {
                Ok(_) => self.renewing = None,
                Err(message) => self.error = Some((RENEWAL.with_key(key), message)),
            }
        }
        while let Some((key, answer)) = inbox.take_named(REMOVE.name) {
            match answer {
                Ok(_) => self.confirm_remove = None,
                Err(message) => self.error = Some((REMOVE.with_key(key), message)),
            }
        }
    }

    fn send(&mut self, origin: Origin, command: DevCommand, outbox: &mut Outbox) {
        self.error = None;
        outbox.send(origin, Command::Development(command));
    }

    fn error_ui(&self, ui: &mut egui::Ui, origin: Origin) {
        if let Some((_, message)) = self.error.as_ref().filter(|(o, _)| *o == origin) {
            widgets::error_label(ui, message);
        }
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        architect: ArchitectId,
        person: &PersonDevelopment,
        inbox: &mut Inbox,
        outbox: &mut Outbox,
    ) {
        self.take_answers(inbox);
        ui.horizontal(|ui| {
            summary_ui(ui, &person.certs);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .add_enabled(self.earned.is_none(), egui::Button::new("➕ Record a certification"))
                    .clicked()
                {
                    self.earned = Some((None, view.today.to_string()));
                    self.error = None;
                }
            });
        });
        ui.label(
            RichText::new(
                "Fundamentals never expire. Role-based and specialty certifications are valid for a year; the free \
                 renewal opens six months before expiry and adds a year.",
            )
            .weak()
            .small(),
        );
        ui.add_space(theme::SPACE_M);
        if self.earned.is_some() {
            self.earned_form_ui(ui, view, architect, outbox);
            ui.add_space(theme::SPACE_M);
        }
        if person.certs.is_empty() {
            if self.earned.is_none() {
                widgets::empty_state(
                    ui,
                    "No certifications yet",
                    "Record one with “Record a certification”.",
                );
            }
            return;
        }
        for cert in &person.certs {
            self.cert_ui(ui, view, cert, outbox);
        }
    }

    fn earned_form_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        architect: ArchitectId,
        outbox: &mut Outbox,
    ) {
        let Self { earned, error, .. } = self;
        let Some((cert, earned_on)) = earned else { return };
        let mut record = None;
        let mut cancel = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("Record a certification").strong());
            widgets::form_row(ui, "Certification", |ui| {
                let catalogue = &view.development.catalogue;
                let shown = cert
                    .and_then(|id| catalogue.iter().find(|c| c.id == id))
                    .map_or_else(|| "Choose…".to_owned(), entry_text);
                egui::ComboBox::from_id_salt("earned_cert")
                    .selected_text(shown)
                    .width(ui.available_width().min(460.0))
                    .height(360.0)
                    .show_ui(ui, |ui| {
                        for entry in catalogue {
                            ui.selectable_value(cert, Some(entry.id), entry_text(entry));
                        }
                    });
            });
            widgets::form_row(ui, "Earned on", |ui| {
                named_date_input(ui, "earned_on", Some("Earned on"), earned_on, view.today);
            });
            ui.horizontal(|ui| {
                if ui.button(RichText::new("Record").strong()).clicked() {
                    record = Some(match (*cert, text::parse_date("earned date", earned_on)) {
                        (None, _) => Err("certification: choose one from the catalogue".to_owned()),
                        (_, Err(error)) => Err(error.to_string()),
                        (Some(cert), Ok(earned_on)) => {
                            Ok(DevCommand::RecordCertEarned { architect, cert, earned_on })
                        }
                    });
                }
                if ui.button("Cancel").clicked() {
                    cancel = true;
                }
            });
            if let Some((EARNED, message)) = error {
                widgets::error_label(ui, message);
            }
        });
        match record {
            Some(Ok(command)) => self.send(EARNED, command, outbox),
            Some(Err(message)) => self.error = Some((EARNED, message)),
            None => {}
        }
        if cancel {
            self.earned = None;
            self.error = None;
        }
    }

    fn cert_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, cert: &CertRow, outbox: &mut Outbox) {
        let id = cert.record.id;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(&cert.code).strong().monospace());
                ui.add(egui::Label::new(short_name(&cert.name)).truncate()).on_hover_text(&cert.name);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .small_button("🗑")
                        .accessible_name(format!("Remove {}", cert.code))
                        .on_hover_text("Remove this record (recorded by mistake)")
                        .clicked()
                    {
                        self.confirm_remove = Some(id);
                    }
                    // Only inside the window: earlier is refused by the lifecycle, later it lapsed.
                    let renewable = matches!(
                        cert.state,
                        Ok(CertState::RenewalWindowOpen { .. } | CertState::ExpiringSoon { .. })
                    );
                    if renewable
                        && self.renewing.is_none()
                        && ui.small_button("Renew…").accessible_name(format!("Renew {}", cert.code)).clicked()
                    {
                        self.renewing = Some((id, view.today.to_string()));
                        self.error = None;
                    }
                    match &cert.state {
                        Ok(state) => {
                            cert_state_pill(ui, *state).on_hover_text(state_help(cert, *state));
                        }
                        Err(problem) => {
                            widgets::status_badge(ui, "Dates need fixing", theme::Tone::Danger)
                                .on_hover_text(problem);
                        }
                    }
                });
            });
            ui.label(RichText::new(dates_line(cert)).weak());
            if self.renewing.as_ref().is_some_and(|(r, _)| *r == id) {
                self.renewal_form_ui(ui, view, cert, outbox);
            }
            if self.confirm_remove == Some(id) {
                ui.horizontal(|ui| {
                    ui.label(format!("Remove the record of {} and its renewals?", cert.code));
                    if ui.button(RichText::new("Remove").color(theme::error_color(ui))).clicked() {
                        self.send(removal_of(id), DevCommand::RemoveCertRecord(id), outbox);
                    }
                    if ui.button("Keep it").clicked() {
                        self.confirm_remove = None;
                    }
                });
            }
            self.error_ui(ui, removal_of(id));
        });
    }

    fn renewal_form_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, cert: &CertRow, outbox: &mut Outbox) {
        let Some((record, renewed_on)) = &mut self.renewing else { return };
        let record = *record;
        let mut action = None;
        let mut cancel = false;
        ui.horizontal(|ui| {
            ui.label("Renewed on");
            named_date_input(ui, &format!("renewed_{record}"), Some("Renewed on"), renewed_on, view.today);
            if ui.button(RichText::new("Record renewal").strong()).clicked() {
                action = Some(
                    text::parse_date("renewal date", renewed_on)
                        .map(|renewed_on| DevCommand::RecordCertRenewal { record, renewed_on })
                        .map_err(|e| e.to_string()),
                );
            }
            if ui.button("Cancel").clicked() {
                cancel = true;
            }
        });
        if cancel {
            self.renewing = None;
            self.error = None;
        }
        if let (Some(opens), Some(expires)) = (cert.window_opens_on, cert.expires_on) {
            ui.label(
                RichText::new(format!("The renewal window runs from {opens} to {expires}.")).weak().small(),
            );
        }
        self.error_ui(ui, renewal_of(record));
        match action {
            Some(Ok(command)) => self.send(renewal_of(record), command, outbox),
            Some(Err(message)) => self.error = Some((renewal_of(record), message)),
            None => {}
        }
    }
}

/// "AZ-305 · Azure Solutions Architect Expert (Role-based)".
fn entry_text(entry: &CatalogueCert) -> String {
    format!("{} · {} ({})", entry.code, short_name(&entry.name), entry.kind.label())
}

/// "Role-based · earned 2025-03-10 · renewed 2026-01-05 · expires 2027-03-10".
fn dates_line(cert: &CertRow) -> String {
    let mut parts = vec![cert.kind.label().to_owned(), format!("earned {}", cert.record.earned_on)];
    if !cert.record.renewals.is_empty() {
        let renewals = cert.record.renewals.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
        parts.push(format!("renewed {renewals}"));
    }
    match cert.expires_on {
        Some(expires_on) if matches!(cert.state, Ok(CertState::Expired { .. })) => {
            parts.push(format!("expired {expires_on}"));
        }
        Some(expires_on) => parts.push(format!("expires {expires_on}")),
        None => parts.push("never expires".to_owned()),
    }
    parts.join(" · ")
}

fn state_help(cert: &CertRow, state: CertState) -> String {
    match (state, cert.window_opens_on) {
        (CertState::Valid, Some(opens)) => format!("The free renewal opens on {opens}"),
        (CertState::RenewalWindowOpen { closes_on }, _) => {
            format!("Renew free any day until {closes_on}; each renewal adds a year")
        }
        (CertState::ExpiringSoon { expires_on, .. }, _) => format!(
            "Within {EXPIRY_WARNING_DAYS} days of expiry on {expires_on}: renew now (the window is open)"
        ),
        (CertState::Expired { expired_on }, _) => {
            format!(
                "Expired on {expired_on}: it cannot be renewed, only earned again (record it with its new date)"
            )
        }
        (CertState::NeverExpires, _) => "Fundamentals certifications never expire".to_owned(),
        (CertState::Valid, None) => String::new(),
    }
}

/// "5 certifications · 1 expiring · 1 expired".
fn summary_ui(ui: &mut egui::Ui, certs: &[CertRow]) {
    let count = |f: fn(&CertState) -> bool| certs.iter().filter(|c| c.state.as_ref().is_ok_and(f)).count();
    let window = count(|s| matches!(s, CertState::RenewalWindowOpen { .. }));
    let expiring = count(|s| matches!(s, CertState::ExpiringSoon { .. }));
    let expired = count(|s| matches!(s, CertState::Expired { .. }));
    let current = certs.iter().filter(|c| c.is_current()).count();
    ui.label(RichText::new(format!("{current} current")).strong());
    if window > 0 {
        ui.label(RichText::new(format!("· {window} in the renewal window")).color(info_color(ui)));
    }
    if expiring > 0 {
        ui.label(RichText::new(format!("· {expiring} expiring soon")).color(theme::warn_color(ui)));
    }
    if expired > 0 {
        ui.label(RichText::new(format!("· {expired} expired")).color(theme::error_color(ui)));
    }
}
