//! The team-wide views of the Team screen: goals needing attention, the skills heat-map with the
//! biggest gaps, certification coverage per solution area with upcoming expiries, and promotion
//! readiness. All read the prepared view model; a click on a person opens their page.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::architect_page::PageTab;
use super::dev_widgets::{self, ago, cert_state_pill};
use super::theme::Tone;
use super::theme::heat_step;
use super::{theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::certification::short_name;
use crate::model::{ArchitectId, Readiness, skills};
use crate::session::ViewModel;
use crate::session::dev_view::{EXPIRY_HORIZON_DAYS, HeatmapRow};

/// Which view the Team screen shows. The labels differ from the page's tabs on purpose, so
/// both can be on screen without being confused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TeamView {
    #[default]
    Roster,
    Goals,
    SkillGaps,
    Coverage,
    Readiness,
    /// Requisitions, candidates, interviews and hires (`ui::hiring`).
    Hiring,
}

impl TeamView {
    pub const ALL: [Self; 6] =
        [Self::Roster, Self::Goals, Self::SkillGaps, Self::Coverage, Self::Readiness, Self::Hiring];

    pub fn title(self) -> &'static str {
        match self {
            Self::Roster => "Roster",
            Self::Goals => "Goals",
            Self::SkillGaps => "Skill gaps",
            Self::Coverage => "Certification coverage",
            Self::Readiness => "Promotion readiness",
            Self::Hiring => "Hiring",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HeatmapOrder {
    #[default]
    Name,
    MostToGo,
}

#[derive(Default)]
pub struct TeamViews {
    pub heatmap_order: HeatmapOrder,
}

/// A person to open, and on which tab.
pub type OpenRequest = Option<(ArchitectId, PageTab)>;

impl TeamViews {
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, which: TeamView) -> OpenRequest {
        if view.development.current.is_empty() {
            widgets::empty_state(ui, "No one on the team yet", "Add architects on the roster first.");
            return None;
        }
        match which {
            TeamView::Roster | TeamView::Hiring => None,
            TeamView::Goals => goals_ui(ui, view),
            TeamView::SkillGaps => self.skills_ui(ui, view),
            TeamView::Coverage => coverage_ui(ui, view),
            TeamView::Readiness => readiness_ui(ui, view),
        }
    }

    fn skills_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel) -> OpenRequest {
        let dev = &view.development;
        let mut open = None;
        egui::Panel::right("biggest_gaps").resizable(false).exact_size(BIGGEST_GAPS_WIDTH).show(ui, |ui| {
            ui.add_space(theme::SPACE_S);
            ui.label(RichText::new("Biggest gaps").strong());
            ui.label(RichText::new("Levels from current to target, largest first").weak().small());
            ui.add_space(theme::SPACE_S);
            if dev.biggest_gaps.is_empty() {
                ui.label(RichText::new("No gaps: every rated skill is at its target.").weak());
            }
            egui::ScrollArea::vertical().id_salt("gaps_scroll").show(ui, |ui| {
                for gap in &dev.biggest_gaps {
                    ui.horizontal(|ui| {
                        egui::Frame::new()
                            .fill(heat_step(ui, Some(gap.gap)).fill)
                            .corner_radius(theme::RADIUS_S)
                            .inner_margin(egui::Margin::symmetric(6, 1))
                            .show(ui, |ui| {
                                ui.label(
                                    RichText::new(format!("+{}", gap.gap))
                                        .color(heat_step(ui, Some(gap.gap)).text),
                                )
                            });
                        ui.vertical(|ui| {
                            if widgets::elided_link(ui, &gap.name).clicked() {
                                open = Some((gap.architect, PageTab::Skills));
                            }
                            ui.label(
                                RichText::new(format!(
                                    "{}: {} › {}",
                                    gap.competency, gap.current, gap.target
                                ))
                                .small()
                                .weak(),
                            );
                        });
                    });
                }
            });
        });

        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Skills heat-map").strong());
            ui.label(RichText::new("current › target level; the colour is the gap").weak());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.selectable_value(&mut self.heatmap_order, HeatmapOrder::MostToGo, "Most to develop");
                ui.selectable_value(&mut self.heatmap_order, HeatmapOrder::Name, "By name");
                ui.label("Order");
            });
        });
        legend_ui(ui);
        ui.add_space(theme::SPACE_S);
        let mut rows: Vec<&HeatmapRow> = dev.heatmap.iter().collect();
        if self.heatmap_order == HeatmapOrder::MostToGo {
            rows.sort_by(|a, b| b.total_gap.cmp(&a.total_gap).then_with(|| a.name.cmp(&b.name)));
        }
        if let Some(request) = heatmap_ui(ui, view, &rows) {
            open = Some(request);
        }
        open
    }
}

/// The panel of the biggest gaps beside the heat-map: its lines wrap.
const BIGGEST_GAPS_WIDTH: f32 = 260.0;

/// A heat-map column header: the caption size, strong.
fn heading_text(text: &str) -> RichText {
    RichText::new(text).size(theme::TEXT_CAPTION).strong()
}

/// The least width of each competency column and the header's height: a column is never
/// narrower than the longest word of its name, so a name wraps between words, never inside
/// one ("Presentation s / kills"), and the header is as tall as the tallest wrapped name.
struct HeatmapHeaders {
    widths: Vec<f32>,
    height: f32,
}

impl HeatmapHeaders {
    /// The narrowest a competency column gets, for short names and the "3 > 4" in a cell.
    const MIN_WIDTH: f32 = 58.0;
    /// A header never grows taller than this many lines.
    const MAX_LINES: f32 = 4.0;

    fn measure<'a>(ui: &egui::Ui, names: impl Iterator<Item = &'a str>) -> Self {
        let font = egui::FontId::proportional(theme::TEXT_CAPTION);
        let color = ui.visuals().text_color();
        // A hair of room beside the longest word, so rounding never pushes it to a break.
        let margin = theme::SPACE_S;
        let row_height = ui.fonts_mut(|f| f.row_height(&font));
        let mut widths = Vec::new();
        let mut lines: f32 = 1.0;
        for name in names {
            let widest = name
                .split_whitespace()
                .map(|word| ui.fonts_mut(|f| f.layout_no_wrap(word.to_owned(), font.clone(), color).size().x))
                .fold(0.0, f32::max);
            let width = (widest + margin).max(Self::MIN_WIDTH);
            let wrapped = ui.fonts_mut(|f| f.layout(name.to_owned(), font.clone(), color, width - margin));
            lines = lines.max(wrapped.rows.len() as f32);
            widths.push(width);
        }
        let height = lines.min(Self::MAX_LINES) * row_height + 2.0 * theme::SPACE_S;
        Self { widths, height: height.max(theme::TABLE_ROW_HEIGHT) }
    }
}

fn legend_ui(ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        for (gap, text) in [
            (Some(0), "target met"),
            (Some(1), "1 level to go"),
            (Some(2), "2 levels"),
            (Some(3), "3 or more"),
            (None, "not rated"),
        ] {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 3.0, heat_step(ui, gap).fill);
            ui.label(RichText::new(text).small());
            ui.add_space(theme::SPACE_S);
        }
    });
}

fn heatmap_ui(ui: &mut egui::Ui, view: &ViewModel, rows: &[&HeatmapRow]) -> OpenRequest {
    let competencies = &view.development.competencies;
    let headers = HeatmapHeaders::measure(ui, competencies.iter().map(|c| c.name.as_str()));
    // The names give up room first (they elide, the full name on hover), down to their least;
    // below that the table scrolls sideways rather than run under the biggest gaps.
    let spacing = ui.spacing().item_spacing.x * (headers.widths.len() + 1) as f32;
    let left = ui.available_width() - headers.widths.iter().sum::<f32>() - spacing - TO_GO_WIDTH;
    let name_width = left.clamp(theme::NAME_COLUMN_MIN, theme::NAME_COLUMN_WIDTH);
    egui::ScrollArea::horizontal()
        .id_salt("skills_heatmap_sideways")
        .show(ui, |ui| heatmap_table(ui, view, rows, &headers, name_width))
        .inner
}

/// The "To go" column: a number up to two digits and its header.
const TO_GO_WIDTH: f32 = 44.0;

fn heatmap_table(
    ui: &mut egui::Ui,
    view: &ViewModel,
    rows: &[&HeatmapRow],
    headers: &HeatmapHeaders,
    name_width: f32,
) -> OpenRequest {
    let competencies = &view.development.competencies;
    let mut open = None;
    let mut table = TableBuilder::new(ui)
        .id_salt("skills_heatmap")
        .striped(false)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(name_width).clip(true));
    for width in &headers.widths {
        table = table.column(Column::remainder().at_least(*width).clip(true));
    }
    table
        .column(Column::exact(TO_GO_WIDTH))
        .header(headers.height, |mut header| {
            header.col(|ui| {
                ui.label(RichText::new("Architect").strong());
            });
            for competency in competencies {
                header.col(|ui| {
                    // The column is at least as wide as the longest word: the name wraps
                    // between words only.
                    ui.add(egui::Label::new(heading_text(&competency.name)).wrap())
                        .on_hover_text(&competency.name);
                });
            }
            header.col(|ui| {
                ui.label(heading_text("To go")).on_hover_text("Levels to go, all competencies");
            });
        })
        .body(|body| {
            body.rows(theme::TABLE_ROW_HEIGHT_ROOMY, rows.len(), |mut row| {
                let heat = rows[row.index()];
                row.col(|ui| {
                    if widgets::name_button(ui, &heat.name, "Open their skills").clicked() {
                        open = Some((heat.architect, PageTab::Skills));
                    }
                });
                for (cell, competency) in heat.cells.iter().zip(competencies) {
                    row.col(|ui| {
                        let rect = ui.max_rect().shrink2(egui::vec2(2.0, 2.0));
                        let gap = cell.map(|(current, target)| skills::gap(current, target));
                        let step = heat_step(ui, gap);
                        ui.painter().rect_filled(rect, 3.0, step.fill);
                        let (text, hover) = match cell {
                            Some((current, target)) => (
                                format!("{current} › {target}"),
                                format!(
                                    "{} · {}: level {current} ({}), target {target} ({})",
                                    heat.name,
                                    competency.name,
                                    skills::level_label(*current),
                                    skills::level_label(*target)
                                ),
                            ),
                            None => {
                                ("–".to_owned(), format!("{} · {}: not rated", heat.name, competency.name))
                            }
                        };
                        ui.put(
                            rect,
                            egui::Label::new(RichText::new(text).color(step.text)).selectable(false),
                        )
                        .on_hover_text(hover);
                    });
                }
                row.col(|ui| {
                    if heat.cells.iter().all(Option::is_none) {
                        ui.label(RichText::new("–").weak()).on_hover_text("Not rated yet");
                    } else if heat.total_gap > 0 {
                        ui.label(heat.total_gap.to_string());
                    } else {
                        ui.label(RichText::new("0").color(theme::ok_color(ui)))
                            .on_hover_text("Every target met");
                    }
                });
            });
        });
    open
}

fn goals_ui(ui: &mut egui::Ui, view: &ViewModel) -> OpenRequest {
    let rows = &view.development.attention;
    let count = |f: fn(&crate::session::dev_view::AttentionRow) -> bool| rows.iter().filter(|r| f(r)).count();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Goals that need attention").strong());
        widgets::status_badge(ui, &format!("{} overdue", count(|r| r.flags.overdue)), Tone::Danger);
        widgets::status_badge(ui, &format!("{} stalled", count(|r| r.flags.stalled)), Tone::Warning);
        widgets::status_badge(ui, &format!("{} due soon", count(|r| r.flags.due_soon)), Tone::Info);
    });
    ui.label(
        RichText::new(format!(
            "Open goals past their target date, without progress for {} days or more, or due within 30 days.",
            view.development.stalled_days
        ))
        .weak()
        .small(),
    );
    ui.add_space(theme::SPACE_M);
    if rows.is_empty() {
        widgets::empty_state(
            ui,
            "Nothing needs attention",
            "Every open goal is moving and none is due soon.",
        );
        return None;
    }
    let mut open = None;
    TableBuilder::new(ui)
        .id_salt("attention")
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(theme::NAME_COLUMN_WIDTH).at_least(theme::NAME_COLUMN_MIN).clip(true))
        .column(Column::remainder().at_least(180.0).clip(true))
        .column(Column::exact(60.0))
        .column(Column::exact(90.0))
        .column(Column::initial(330.0).clip(true))
        .header(theme::TABLE_ROW_HEIGHT, |mut header| {
            for title in ["Architect", "Goal", "Progress", "Target", "Needs attention"] {
                header.col(|ui| {
                    ui.label(RichText::new(title).strong());
                });
            }
        })
        .body(|body| {
            body.rows(theme::TABLE_ROW_HEIGHT_ROOMY, rows.len(), |mut row| {
                let r = &rows[row.index()];
                row.col(|ui| {
                    if widgets::name_button(ui, &r.name, "Open their plan").clicked() {
                        open = Some((r.architect, PageTab::Plan));
                    }
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&r.description).truncate()).on_hover_text(&r.description);
                });
                row.col(|ui| {
                    ui.label(format!("{} %", r.progress_pct));
                });
                row.col(|ui| {
                    ui.label(r.target_on.map(|d| d.to_string()).unwrap_or_default());
                });
                row.col(|ui| dev_widgets::goal_flags_ui(ui, r.flags, r.days_to_target, r.days_since_moved));
            });
        });
    open
}

fn coverage_ui(ui: &mut egui::Ui, view: &ViewModel) -> OpenRequest {
    let dev = &view.development;
    let mut open = None;
    ui.label(RichText::new("Coverage by solution area").strong());
    ui.label(
        RichText::new(
            "Certified: holds a current role-based or specialty certification. Fundamentals never expire.",
        )
        .weak()
        .small(),
    );
    ui.add_space(theme::SPACE_S);
    egui::Grid::new("coverage").striped(true).spacing([18.0, 6.0]).show(ui, |ui| {
        for title in [
            "Solution area",
            "Architects",
            "Certified",
            "Fundamentals only",
            "None",
            "Expiring in 90 days",
            "Held",
        ] {
            ui.label(RichText::new(title).strong());
        }
        ui.end_row();
        for area in &dev.coverage {
            ui.label(&area.area);
            ui.label(area.architects.to_string());
            let share = area.certified as f32 / area.architects.max(1) as f32;
            share_bar(ui, share, &format!("{} of {}", area.certified, area.architects));
            ui.label(area.fundamentals_only.to_string());
            let none = RichText::new(area.uncertified.to_string());
            ui.label(if area.uncertified > 0 { none.color(theme::warn_color(ui)) } else { none });
            let expiring = RichText::new(area.expiring.to_string());
            ui.label(if area.expiring > 0 { expiring.color(theme::warn_color(ui)) } else { expiring });
            let held = area
                .held
                .iter()
                .map(|(code, count)| if *count > 1 { format!("{code} ×{count}") } else { code.clone() })
                .collect::<Vec<_>>()
                .join(", ");
            dev_widgets::fixed_label(ui, 300.0, RichText::new(&held).monospace()).on_hover_text(&held);
            ui.end_row();
        }
    });

    ui.add_space(theme::SPACE_L);
    ui.label(
        RichText::new(format!("Expiring in the next {EXPIRY_HORIZON_DAYS} days ({})", dev.expiring.len()))
            .strong(),
    );
    ui.add_space(theme::SPACE_S);
    if dev.expiring.is_empty() {
        ui.label(RichText::new("Nothing expires in the next 90 days.").weak());
        return None;
    }
    TableBuilder::new(ui)
        .id_salt("expiring")
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(95.0))
        .column(Column::initial(theme::NAME_COLUMN_WIDTH).at_least(theme::NAME_COLUMN_MIN).clip(true))
        .column(Column::exact(70.0))
        .column(Column::remainder().at_least(160.0).clip(true))
        .column(Column::exact(170.0))
        .header(theme::TABLE_ROW_HEIGHT, |mut header| {
            for title in ["Expires", "Architect", "Code", "Certification", "State"] {
                header.col(|ui| {
                    ui.label(RichText::new(title).strong());
                });
            }
        })
        .body(|body| {
            body.rows(theme::TABLE_ROW_HEIGHT_ROOMY, dev.expiring.len(), |mut row| {
                let r = &dev.expiring[row.index()];
                row.col(|ui| {
                    ui.label(r.expires_on.to_string());
                });
                row.col(|ui| {
                    if widgets::name_button(ui, &r.name, "Open their certifications").clicked() {
                        open = Some((r.architect, PageTab::Certifications));
                    }
                });
                row.col(|ui| {
                    ui.label(RichText::new(&r.code).monospace());
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(short_name(&r.cert_name)).truncate()).on_hover_text(&r.cert_name);
                });
                row.col(|ui| {
                    cert_state_pill(ui, r.state);
                });
            });
        });
    open
}

/// A bar for "3 of 4 certified": green when most of the area is, amber from half, red below,
/// with the count written on it. Drawn by hand so an empty bar still reads as a bar.
fn share_bar(ui: &mut egui::Ui, share: f32, text: &str) {
    let color = if share >= 0.75 {
        theme::ok_color(ui)
    } else if share >= 0.5 {
        theme::warn_color(ui)
    } else {
        theme::error_color(ui)
    };
    let (rect, response) = ui.allocate_exact_size(egui::vec2(120.0, 18.0), egui::Sense::hover());
    let painter = ui.painter();
    painter.rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);
    let mut filled = rect;
    filled.set_width(rect.width() * share.clamp(0.0, 1.0));
    painter.rect_filled(filled, 4.0, color.gamma_multiply(0.45));
    painter.rect_stroke(
        rect,
        4.0,
        egui::Stroke::new(1.0, color.gamma_multiply(0.6)),
        egui::StrokeKind::Inside,
    );
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(13.0),
        ui.visuals().strong_text_color(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
}

fn readiness_tone(readiness: Readiness) -> Tone {
    match readiness {
        Readiness::ReadyNow => Tone::Ok,
        Readiness::OneToTwoYears => Tone::Info,
        Readiness::ThreePlusYears | Readiness::NotAssessed => Tone::Neutral,
    }
}

fn readiness_ui(ui: &mut egui::Ui, view: &ViewModel) -> OpenRequest {
    let rows = &view.development.readiness;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Who is ready for what, and since when").strong());
        for readiness in Readiness::ALL {
            let count = rows.iter().filter(|r| r.readiness == *readiness).count();
            widgets::status_badge(ui, &format!("{}: {count}", readiness.label()), readiness_tone(*readiness));
        }
    });
    ui.label(
        RichText::new("Set on each architect's profile: target role, readiness, date assessed, evidence.")
            .weak()
            .small(),
    );
    ui.add_space(theme::SPACE_M);
    let mut open = None;
    TableBuilder::new(ui)
        .id_salt("readiness")
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(theme::NAME_COLUMN_WIDTH).at_least(theme::NAME_COLUMN_MIN).clip(true))
        .column(Column::initial(190.0).clip(true))
        .column(Column::initial(190.0).clip(true))
        .column(Column::exact(110.0))
        .column(Column::exact(190.0))
        .column(Column::remainder().at_least(120.0).clip(true))
        .header(theme::TABLE_ROW_HEIGHT, |mut header| {
            for title in ["Architect", "Level now", "Ready for", "Readiness", "Assessed", "Evidence"] {
                header.col(|ui| {
                    ui.label(RichText::new(title).strong());
                });
            }
        })
        .body(|body| {
            body.rows(theme::TABLE_ROW_HEIGHT_ROOMY, rows.len(), |mut row| {
                let r = &rows[row.index()];
                row.col(|ui| {
                    if widgets::name_button(ui, &r.name, "Open their profile").clicked() {
                        open = Some((r.architect, PageTab::Profile));
                    }
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&r.level).truncate());
                });
                row.col(|ui| {
                    let target = if r.target_role.is_empty() { "Not set" } else { r.target_role.as_str() };
                    ui.add(egui::Label::new(target).truncate());
                });
                row.col(|ui| {
                    widgets::status_badge(ui, r.readiness.label(), readiness_tone(r.readiness));
                });
                row.col(|ui| {
                    let text = r.assessed_on.map_or_else(String::new, |on| {
                        format!("{on} ({})", ago((view.today - on).num_days()))
                    });
                    ui.label(text);
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(RichText::new(&r.evidence).small()).truncate())
                        .on_hover_text(&r.evidence);
                });
            });
        });
    open
}
