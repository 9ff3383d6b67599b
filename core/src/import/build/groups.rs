//! Headings of groups: a perspective, an ambito, a strategic or operational objective, a
//! cruscotto (dashboard) with its manager, and the totals printed for them. The figure a
//! document prints for a group is kept as `published` wherever it stands in the row: in
//! the achievement column, in a later cell, or glued to the end of the title through the
//! debris of extraction (`… ROSSI **96,40%**`, `TOTALE 90,60 %`, `● ● ●`).

use super::indicator::take_parenthesis;
use super::roles::{fold, is_number_word, words, PERSON_TITLES};
use super::{Builder, Cell, Container, CruscottoDraft, Node, Shape};
use crate::decimal::Decimal;
use crate::diagnostic::{NoteKind, Param};
use crate::import::columns::Field;
use crate::import::values::{group_label, is_code, parse_percent, parse_verdict};
use crate::import::{Note, RowKind, RowRole};
use crate::plan::{Level, Perspective, Published, Verdict};

/// Words of a title that mark a dashboard continued from the previous page.
const CONTINUED: &[&str] = &["segue", "continua", "cont.", "seguito"];

/// Labels before a manager's name (`Dirigente: …`), followed by a colon.
const MANAGER_LABELS: &[&str] = &["dirigente", "responsabile", "referente", "manager", "titolare"];

/// The figures printed on a heading: a score, a verdict.
#[derive(Debug, Default, Clone, PartialEq)]
struct Figures {
    score: Option<Decimal>,
    verdict: Option<Verdict>,
}

/// A title's text without the figures glued to its end (`… ROSSI 96,40%`,
/// `… TOTALE 90,60 %`, bullets), and those figures. Works on whole words of the text.
fn split_trailing_figures(text: &str) -> (String, Figures) {
    let mut tokens: Vec<&str> = text.split_whitespace().collect();
    let mut figures = Figures::default();
    while let Some(last) = tokens.last() {
        if super::roles::is_bullet_only(last) {
            tokens.pop();
            continue;
        }
        // `96,40%`, or `96,40` `%` as two words.
        let (taken, candidate) = match tokens.len() {
            n if n >= 2 && *last == "%" => (2, format!("{}%", tokens[n - 2])),
            _ => (1, last.to_string()),
        };
        if figures.score.is_none() && candidate.contains('%') {
            if let Some(p) = parse_percent(&candidate) {
                figures.score = Some(p);
                tokens.truncate(tokens.len() - taken);
                // `TOTALE 90,60 %`, `Totale:`, `Punteggio`: the label of the figure.
                while let Some(label) = tokens.last() {
                    let f = fold(label);
                    let f = f.trim_end_matches(':');
                    if matches!(f, "totale" | "punteggio" | "risultato" | "score" | "=" | "-" | "–" | ":") {
                        tokens.pop();
                    } else {
                        break;
                    }
                }
                continue;
            }
        }
        break;
    }
    (tokens.join(" "), figures)
}

/// The text opens with a manager's label (`Dirigente:`) or a person's title (`Dott.`).
fn names_manager(text: &str) -> bool {
    let folded = fold(text);
    let first = words(&folded).first().map(|w| w.to_string()).unwrap_or_default();
    PERSON_TITLES.contains(&first.as_str()) || MANAGER_LABELS.iter().any(|l| folded.starts_with(l) && folded[l.len()..].trim_start().starts_with(':'))
}

/// Splits a title at its separators (` - `, ` – `, ` — `, ` | `) into parts, and before a
/// person's title that follows a colon (`Dirigente area "X": Dott.ssa Y`).
fn parts(text: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for token in text.split_whitespace() {
        if matches!(token, "-" | "–" | "—" | "|") {
            out.push(String::new());
            continue;
        }
        // (`Dirigente: Dott.ssa Y` stays one part: its label is read below.)
        let after_colon = out.last().is_some_and(|p| p.ends_with(':') && !MANAGER_LABELS.contains(&fold(p.trim_end_matches(':')).trim()));
        if after_colon && PERSON_TITLES.contains(&fold(token).as_str()) {
            if let Some(last) = out.last_mut() {
                last.pop();
            }
            out.push(String::new());
        }
        let current = out.last_mut().expect("never empty");
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(token);
    }
    out.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

/// A dashboard's title: `01 Cruscotto Segretario generale - Dott.ssa ROSSI`,
/// `CRUSCOTTO - Area Promozione - Dirigente: Dott.ssa Bianchi`, `Cruscotto n. 2: Area
/// Servizi (segue)`, `Segreteria generale - Dott. Verdi (ad interim)`. Returns the name,
/// the manager (role and name after the separator, as printed), and whether the title
/// says it continues a dashboard of an earlier page.
fn dashboard_title(text: &str) -> (String, Option<String>, bool) {
    let mut continued = false;
    // `CRUSCOTTOﬁnanza`: the word glued to the next by a PDF copy, cut where the ASCII
    // word ends (a slice of the token itself).
    let tokens: Vec<&str> = text
        .split_whitespace()
        .flat_map(|t| match t.get(..9).filter(|head| head.eq_ignore_ascii_case("cruscotto")) {
            Some(_) if t.len() > 9 => vec![&t[..9], &t[9..]],
            _ => vec![t],
        })
        .collect();
    let kept: Vec<&str> = tokens
        .into_iter()
        .filter(|t| {
            let f = fold(t);
            let f = f.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '.' | ','));
            let cont = CONTINUED.contains(&f) || CONTINUED.contains(&format!("{f}.").as_str());
            continued |= cont;
            !cont
        })
        .collect();
    // Leading number, the word `Cruscotto` and its number (`n. 2:`).
    let mut start = 0;
    let mut seen_word = false;
    while let Some(token) = kept.get(start) {
        let f = fold(token);
        let bare = f.trim_end_matches([':', ',']);
        if bare.is_empty() || is_number_word(bare) || matches!(bare, "-" | "–" | "—" | "|") {
            start += 1;
        } else if !seen_word && (bare == "cruscotto" || bare == "cruscotti") {
            seen_word = true;
            start += 1;
        } else {
            break;
        }
    }
    let rest = kept[start..].join(" ");
    let mut name = String::new();
    let mut manager: Option<String> = None;
    let add_manager = |m: &str, manager: &mut Option<String>| {
        let m = m.trim().trim_start_matches([':', ' ']).trim();
        if m.is_empty() {
            return;
        }
        *manager = Some(match manager.take() {
            Some(before) => format!("{before} - {m}"),
            None => m.to_string(),
        });
    };
    for part in parts(&rest) {
        let folded = fold(&part);
        let first = words(&folded).first().map(|w| w.to_string()).unwrap_or_default();
        // `Dirigente: X`: the label goes, the person stays.
        let labelled = MANAGER_LABELS.iter().find(|l| folded.starts_with(*l) && folded[l.len()..].trim_start().starts_with(':'));
        if labelled.is_some() {
            let after = part.split_once(':').map_or("", |(_, after)| after);
            add_manager(after, &mut manager);
        } else if PERSON_TITLES.contains(&first.as_str()) || folded == "ad interim" || (!name.is_empty() && manager.is_none()) {
            add_manager(&part, &mut manager);
        } else if name.is_empty() {
            name = part;
        } else {
            name = format!("{name} - {part}");
        }
    }
    (name, manager, continued)
}

impl Builder<'_> {
    /// The text cells of a heading joined, without the figures glued to them, and the
    /// figures printed anywhere in the row: the achievement column first, then any
    /// percentage not under PESO, then one glued to the text.
    fn heading_text_and_figures(&self, cells: &[Cell]) -> (String, Figures) {
        // A title split over cells: a cell that names the manager is a part of its own
        // (`… | RESPONSABILE: DOTT. NERI`), any other continues the text (`Servizio
        // Anagrafico certificativo | e Sportello Pisa - Dott. Fontana`).
        let mut joined = String::new();
        let mut glued = Figures::default();
        for cell in cells.iter().filter(|c| matches!(c.shape, Shape::Text | Shape::GroupLabel)) {
            let (text, figures) = split_trailing_figures(&cell.cleaned);
            glued.score = glued.score.or(figures.score);
            if text.is_empty() {
                continue;
            }
            if !joined.is_empty() {
                joined.push_str(if names_manager(&text) { " - " } else { " " });
            }
            joined.push_str(&text);
        }
        let mut figures = Figures::default();
        let in_achievement = cells.iter().find(|c| self.field_of(c.col) == Some(Field::Achievement)).and_then(|c| parse_percent(&c.cleaned));
        let elsewhere = cells
            .iter()
            .rev()
            .filter(|c| self.field_of(c.col) != Some(Field::Weight))
            .filter(|c| matches!(c.shape, Shape::Percent | Shape::Number))
            .find_map(|c| parse_percent(&c.cleaned));
        figures.score = in_achievement.or(elsewhere).or(glued.score).map(|score| self.percent_of_sheet(score, cells));
        figures.verdict = cells.iter().find_map(|c| parse_verdict(&c.cleaned));
        (joined, figures)
    }

    /// An XLSX sheet keeps a percent-formatted 96,40 % as 0,964: a heading's figure of 1
    /// or less printed without `%` is such a fraction.
    fn percent_of_sheet(&self, score: Decimal, cells: &[Cell]) -> Decimal {
        let bare = !cells.iter().any(|c| c.raw.contains('%'));
        if self.fractions && bare && score.abs() <= Decimal::ONE {
            score.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(score)
        } else {
            score
        }
    }

    /// A dashboard's heading opens a cruscotto; the indicators that follow are its items.
    pub(super) fn cruscotto_heading(&mut self, index: usize, cells: &[Cell]) {
        self.finish_pending();
        let (text, mut figures) = self.heading_text_and_figures(cells);
        // A dashboard has no weight: a percentage under PESO (a total printed in the
        // first column) is its score too.
        if figures.score.is_none() {
            figures.score = cells.iter().filter(|c| c.shape == Shape::Percent).find_map(|c| parse_percent(&c.cleaned));
        }
        let (mut name, manager, continued) = dashboard_title(&text);
        let published = Published { score: figures.score, verdict: figures.verdict, ..Published::default() };
        // Two headings with no indicator between them (a title, then the heading that
        // names the manager) are one cruscotto: the later one says more.
        let count = self.cruscotti.len();
        if let Some(last) = self.cruscotti.last_mut().filter(|c| c.items.is_empty()) {
            if !name.is_empty() {
                last.name = name;
            }
            last.manager = manager.or(last.manager.take());
            last.published.score = published.score.or(last.published.score);
            last.published.verdict = published.verdict.or(last.published.verdict);
            let code = last.code.clone();
            self.opened(index, Container::Cruscotto(count - 1), code, None);
            return;
        }
        // A dashboard continued on the next page, its title repeated: the same one.
        let same = |c: &CruscottoDraft| {
            !name.is_empty() && fold(&c.name) == fold(&name) && (manager.is_none() || c.manager.as_deref().map(fold) == manager.as_deref().map(fold))
        };
        if let Some(existing) = self.cruscotti.iter().position(same) {
            let c = &mut self.cruscotti[existing];
            c.published.score = c.published.score.or(published.score);
            let code = c.code.clone();
            self.opened(index, Container::Cruscotto(existing), code, Some(NoteKind::SameCruscotto));
            return;
        }
        if continued {
            if let Some(last) = count.checked_sub(1) {
                let code = self.cruscotti[last].code.clone();
                self.opened(index, Container::Cruscotto(last), code, Some(NoteKind::SameCruscotto));
                return;
            }
        }
        let code = format!("C{}", count + 1);
        if name.is_empty() {
            name = manager.clone().unwrap_or_else(|| format!("Cruscotto {}", count + 1));
        }
        self.cruscotti.push(CruscottoDraft { code: code.clone(), name, manager, published, items: Vec::new() });
        self.open = [None; 3];
        self.opened(index, Container::Cruscotto(count), code, None);
    }

    fn opened(&mut self, index: usize, container: Container, code: String, note: Option<NoteKind>) {
        self.container = container;
        self.last_group = None;
        let row = &mut self.rows[index];
        row.kind = RowKind::Group;
        row.code = Some(code);
        row.note = note.map(Note::new);
    }

    /// `TOTALE … 96,49 %`: the published figure of the open cruscotto or objective, or of
    /// the ente when nothing is open.
    pub(super) fn total_row(&mut self, index: usize, cells: &[Cell]) {
        self.finish_pending();
        let (text, figures) = self.heading_text_and_figures(cells);
        // `Totale obiettivo operativo OO 01.04.02`: the node it names, else what is open.
        let named = text
            .split_whitespace()
            .map(|w| w.trim_end_matches([':', ',']))
            .collect::<Vec<_>>()
            .windows(2)
            .flat_map(|pair| [pair[1].to_string(), format!("{}{}", pair[0], pair[1])])
            .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
            .find_map(|w| self.nodes.iter().rposition(|n| squeeze(&n.code) == squeeze(&w)));
        // `Performance complessiva dell'ente`: the ente's, whatever is open.
        let names_ente = words(&fold(&text)).contains(&"ente");
        let container = match named {
            Some(node) => Container::Node(node),
            None if names_ente => Container::Ente,
            None => self.container,
        };
        if figures.score.is_none() && figures.verdict.is_none() {
            self.total_awaiting_figure = true;
            self.total_target = container;
        }
        self.publish(container, figures);
        self.rows[index].kind = RowKind::Group;
        self.rows[index].note = Some(Note::new(NoteKind::Total));
    }

    /// A figure alone on the row after a total that printed none.
    pub(super) fn figure_of_total(&mut self, index: usize, cells: &[Cell]) {
        let (_, figures) = self.heading_text_and_figures(cells);
        let figures = Figures { score: figures.score.or_else(|| cells.iter().find_map(|c| parse_percent(&c.cleaned))), ..figures };
        self.publish(self.total_target, figures);
        self.rows[index].kind = RowKind::Group;
        self.rows[index].note = Some(Note::new(NoteKind::TotalFigure));
    }

    fn publish(&mut self, container: Container, figures: Figures) {
        let published = match container {
            Container::Cruscotto(i) => &mut self.cruscotti[i].published,
            Container::Node(i) => &mut self.nodes[i].published,
            Container::Ente => &mut self.ente_published,
        };
        if let Some(score) = figures.score {
            published.score.get_or_insert(score);
        }
        if let Some(verdict) = figures.verdict {
            published.verdict.get_or_insert(verdict);
        }
    }

    /// A row opening a perspective, an ambito or an objective (`role`), from a code and
    /// name (`01.01 - …`), a level's words (`Obiettivo strategico 2: …`), or a bare label
    /// whose level its column or the user's correction gives.
    pub(super) fn group_row(&mut self, index: usize, cells: &[Cell], role: RowRole) {
        self.finish_pending();
        // `Obiettivo strategico | OS_01.02 - …`: the level's words and the label may
        // stand in cells of their own.
        let is_text = |c: &Cell| matches!(c.shape, Shape::Text | Shape::GroupLabel);
        if !cells.iter().any(is_text) {
            // Figures only, marked as a heading: nothing names the group.
            self.rows[index].note = Some(Note::new(NoteKind::HeadingWithoutName));
            return;
        }
        let text = cells.iter().filter(|c| is_text(c)).map(|c| c.cleaned.as_str()).collect::<Vec<_>>().join(" ");
        let (text, printed_weight) = printed_weight(text);
        let (label_text, glued) = split_trailing_figures(&text);
        let figures: Vec<Cell> = cells.iter().filter(|c| !is_text(c)).cloned().collect();
        let worded = level_words(&label_text);
        let texts: Vec<&Cell> = cells.iter().filter(|c| is_text(c)).collect();
        let in_two_cells = (texts.len() >= 2 && is_code(&texts[0].cleaned))
            .then(|| (texts[0].cleaned.clone(), split_trailing_figures(&texts[1..].iter().map(|c| c.cleaned.as_str()).collect::<Vec<_>>().join(" ")).0));
        // A label standing in a cell of its own among label words (`OBIETTIVO | TITOLO |
        // 1.1 - …`, `MISSIONE | | 011 - …`).
        let cell_label = texts.iter().skip(1).find_map(|c| group_label(&c.cleaned));
        // Whether the number was read from the level's words (`Obiettivo strategico 2`)
        // rather than printed as a code (`1.1 - …`).
        let from_words = cell_label.is_none() && worded.is_some();
        let (mut code, mut name) = match (&worded, group_label(&label_text), in_two_cells, cell_label) {
            (_, _, _, Some(label)) => label,
            (Some((number, name)), _, _, None) => (number.clone(), name.clone()),
            (None, Some(label), _, None) => label,
            (None, None, Some(label), None) => label,
            (None, None, None, None) => (String::new(), label_text.clone()),
        };
        let first_word = words(&fold(&label_text)).first().map(|w| w.to_string());
        match first_word.as_deref() {
            Some("missione") if role == RowRole::Area => {
                self.mission = Some((code.clone(), name));
                let row = &mut self.rows[index];
                row.kind = RowKind::Group;
                row.code = Some(code);
                row.note = Some(Note::new(NoteKind::Mission));
                return;
            }
            Some("programma") if role == RowRole::Area => {
                if let Some((mission, mission_name)) = &self.mission {
                    code = format!("{mission}-{code}");
                    name = format!("{mission_name} – {name}");
                }
            }
            _ => {}
        }
        if role == RowRole::Perspective {
            self.perspective = perspective(&name);
            let row = &mut self.rows[index];
            row.kind = RowKind::Group;
            row.code = (!code.is_empty()).then_some(code);
            row.note = Some(match self.perspective {
                Some(p) => Note::with(NoteKind::Perspective, [Param::Perspective(p)]),
                None => Note::new(NoteKind::PerspectiveUnknown),
            });
            return;
        }
        let level = match role {
            RowRole::Area => Level::Area,
            RowRole::Strategic => Level::Strategic,
            _ => Level::Operational,
        };
        let code = if code.is_empty() {
            format!("{}{}", level_prefix(level), self.nodes.len() + 1)
        } else if from_words && !code.chars().any(|c| c.is_ascii_alphabetic()) {
            // `Obiettivo strategico 2` and `Ambito 2` are not the same node.
            format!("{}{code}", level_prefix(level))
        } else {
            code
        };
        self.open_node(index, level, code, name, &figures);
        if let Container::Node(node) = self.container {
            if let Some(score) = glued.score {
                self.nodes[node].published.score.get_or_insert(score);
            }
            if printed_weight.is_some() {
                self.nodes[node].weight = self.nodes[node].weight.or(printed_weight);
            }
        }
    }

    /// The text of a row continuing the name of the last heading read: its name goes on,
    /// and a weight it prints (`… risorse (Peso: 16,66%)` wrapped onto the next line) is
    /// the node's, as it would be on the heading's own row.
    pub(super) fn continue_name(&mut self, node: usize, text: &str) {
        let (text, weight) = printed_weight(text.to_string());
        let n = &mut self.nodes[node];
        n.name = format!("{} {text}", n.name).trim().to_string();
        n.weight = n.weight.or(weight);
    }

    pub(super) fn open_node(&mut self, index: usize, level: Level, code: String, name: String, figures: &[Cell]) {
        let slot = level_slot(level);
        let parent = (0..slot).rev().find_map(|s| self.open[s]);
        // `AS 01` in a summary and `AS_01 - …` in the detail are one node; a node
        // first listed in a summary (under whatever was open) moves under the parent
        // its detailed heading stands under.
        let key = (level_slot(level), squeeze(&code));
        let found = self.node_index.get(&key).copied();
        // The same code under another parent, once the first has its content, is another
        // node (a plan annex repeats `2.1` under two programmes).
        let has_content = |n: usize| !self.nodes[n].indicators.is_empty() || self.nodes.iter().any(|c| c.parent == Some(n));
        // A code whose number extends its first parent's (`OS_01.01` under `AS_01`) names
        // the same node wherever it is printed again: section 3.2 of a report repeats the
        // strategic objectives of 3.1, with no ambito heading, to list their operational
        // ones. The node stays where it is, and its ancestors are open again.
        let numbered_under_its_parent = |n: usize| self.nodes[n].parent.is_some_and(|p| extends(&code, &self.nodes[p].code));
        let parent = match found.filter(|&n| parent.is_some() && self.nodes[n].parent != parent && numbered_under_its_parent(n)) {
            Some(existing) => {
                let mut ancestor = self.nodes[existing].parent;
                for s in (0..slot).rev() {
                    self.open[s] = ancestor.filter(|&a| level_slot(self.nodes[a].level) == s);
                    if self.open[s].is_some() {
                        ancestor = ancestor.and_then(|a| self.nodes[a].parent);
                    }
                }
                self.nodes[existing].parent
            }
            None => parent,
        };
        let (found, code) = match found {
            Some(existing) if parent.is_some() && self.nodes[existing].parent != parent && has_content(existing) => {
                let mut k = 2;
                while self.nodes.iter().any(|n| n.code == format!("{code}-{k}")) {
                    k += 1;
                }
                (None, format!("{code}-{k}"))
            }
            other => (other, code),
        };
        let node = match found {
            Some(existing) => {
                if parent.is_some() && parent != Some(existing) {
                    self.nodes[existing].parent = parent;
                }
                if self.nodes[existing].name.chars().all(|c| !c.is_lowercase()) && name.chars().any(char::is_lowercase) {
                    self.nodes[existing].name = name; // the detail's name, not the summary's capitals
                }
                existing
            }
            None => {
                self.node_index.entry((slot, squeeze(&code))).or_insert(self.nodes.len());
                self.nodes.push(Node {
                    code: code.clone(),
                    level,
                    name,
                    parent,
                    perspective: self.perspective,
                    weight: None,
                    published: Published::default(),
                    indicators: Vec::new(),
                });
                self.nodes.len() - 1
            }
        };
        self.open[slot] = Some(node);
        for s in slot + 1..3 {
            self.open[s] = None;
        }
        self.container = Container::Node(node);
        self.last_group = Some(node);
        // Figures printed on the row: by their column, else the weight and achievement
        // columns in order (an unplaced single figure is the achievement).
        let mut unplaced = Vec::new();
        for cell in figures {
            match (self.field_of(cell.col), cell.shape) {
                (_, Shape::Verdict) => self.nodes[node].published.verdict = parse_verdict(&cell.cleaned),
                (Some(Field::Weight), _) => self.nodes[node].weight = parse_percent(&cell.cleaned),
                (Some(Field::Achievement), _) => self.nodes[node].published.score = parse_percent(&cell.cleaned),
                (Some(Field::Verdict), _) => self.nodes[node].published.verdict = parse_verdict(&cell.cleaned),
                (_, Shape::Percent | Shape::Number) => unplaced.push(cell),
                _ => {}
            }
        }
        let candidates: Vec<Field> = self.fields.iter().map(|(_, f)| *f).filter(|f| matches!(f, Field::Weight | Field::Achievement)).collect();
        let targets: Vec<Field> = if !candidates.is_empty() && unplaced.len() >= candidates.len() { candidates } else { vec![Field::Achievement] };
        for (cell, field) in unplaced.iter().zip(targets) {
            let value = parse_percent(&cell.cleaned);
            match field {
                Field::Weight => self.nodes[node].weight = value,
                _ => self.nodes[node].published.score = value,
            }
        }
        self.rows[index].kind = RowKind::Group;
        self.rows[index].code = Some(code);
    }

    /// A label in an AMBITO / OBIETTIVO column of an indicator row (a flat table repeats
    /// the objective on every row): open that node, or reopen it.
    pub(super) fn context_from_cell(&mut self, cell: &Cell, field: Field) {
        if field == Field::Group {
            if let Some((code, name)) = group_label(&cell.cleaned) {
                if fold(&code).starts_with("bsc") {
                    self.perspective = perspective(&name);
                }
            }
            return;
        }
        let level = match field {
            Field::Area => Level::Area,
            Field::Strategic => Level::Strategic,
            _ => Level::Operational,
        };
        let (code, name) = group_label(&cell.cleaned).unwrap_or_else(|| {
            let existing = self.nodes.iter().find(|n| n.name == cell.cleaned && n.level == level).map(|n| n.code.clone());
            (existing.unwrap_or_else(|| format!("{}{}", level_prefix(level), self.nodes.len() + 1)), cell.cleaned.clone())
        });
        let index = self.rows.len() - 1;
        let kind = self.rows[index].kind;
        let code_before = self.rows[index].code.clone();
        self.open_node(index, level, code, name, &[]);
        self.rows[index].kind = kind;
        self.rows[index].code = code_before;
    }
}

/// `Obiettivo strategico 2: Semplificazione` → (`2`, `Semplificazione`); `Ambito
/// strategico - Digitale` → (``, `Digitale`). `None` when the text does not open with a
/// level's words.
fn level_words(text: &str) -> Option<(String, String)> {
    const OPENERS: &[&str] = &["obiettivo", "obbiettivo", "ambito", "area", "prospettiva", "missione", "programma"];
    const SECOND: &[&str] = &["strategico", "operativo", "strategica"];
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let first = fold(tokens.first()?);
    if !OPENERS.contains(&first.trim_end_matches(':')) {
        return None;
    }
    let mut at = 1;
    if tokens.get(1).is_some_and(|t| SECOND.contains(&fold(t).trim_end_matches(':'))) {
        at = 2;
    }
    let mut number = String::new();
    while let Some(token) = tokens.get(at) {
        let f = fold(token);
        let bare = f.trim_end_matches([':', '.', ')']);
        if matches!(bare, "-" | "–" | "—" | "" | "n" | "n°" | "titolo" | "codice") {
            at += 1;
        } else if number.is_empty() && (super::codes::is_code_word(token) || (!bare.is_empty() && bare.chars().all(|c| c.is_ascii_digit() || c == '.'))) {
            number = token.trim_end_matches([':', ')', '.']).to_string();
            at += 1;
        } else if number.is_empty()
            && tokens.get(at + 1).is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()) && super::codes::is_code_word(t))
            && token.chars().all(|c| c.is_ascii_uppercase())
            && token.len() <= 4
        {
            // `OO 01.01.01`: letters, one space, the number.
            number = format!("{token} {}", tokens[at + 1].trim_end_matches([':', ')', '.']));
            at += 2;
        } else {
            break;
        }
    }
    // `… qualità DESCRIZIONE: Promuovere …`: a block written whole in one cell; the name
    // ends where the next label begins.
    let end = tokens[at..]
        .iter()
        .position(|t| t.len() > 1 && t.ends_with(':') && t.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()))
        .map_or(tokens.len(), |p| at + p);
    let name = tokens[at..end].join(" ");
    let name = name.trim_start_matches([':', '-', '–', ' ']).trim().to_string();
    (!name.is_empty()).then_some((number, name))
}

pub(super) fn perspective(name: &str) -> Option<Perspective> {
    let n = fold(name);
    if n.contains("utent") || n.contains("impres") {
        Some(Perspective::UtentiImpreseTerritorio)
    } else if n.contains("process") {
        Some(Perspective::ProcessiInterni)
    } else if n.contains("apprend") || n.contains("crescita") {
        Some(Perspective::ApprendimentoCrescita)
    } else if n.contains("econom") || n.contains("finanz") {
        Some(Perspective::EconomicoFinanziaria)
    } else {
        None
    }
}

/// The level a code's prefix says: `AS_`, `OS_`, `OO_` (also `AS 01`, `OO 01.01.01`).
pub(super) fn level_of_prefix(code: &str) -> Option<Level> {
    let prefix: String = code.chars().take_while(|c| c.is_ascii_alphabetic()).collect::<String>().to_ascii_uppercase();
    match prefix.as_str() {
        "AS" | "A" | "AMB" => Some(Level::Area),
        "OS" | "S" => Some(Level::Strategic),
        "OO" | "IO" | "OB" | "OP" | "O" => Some(Level::Operational),
        _ => None,
    }
}

/// The level a code's shape gives: a prefix (`AS_`, `OS_`, `OO_`/`IO_`) or the number of
/// dotted parts (see `deep_codes`).
pub(super) fn level_of(code: &str, deep_codes: bool) -> Level {
    if let Some(level) = level_of_prefix(code) {
        return level;
    }
    let prefix: String = code.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let digits: String = code.chars().skip(prefix.chars().count()).collect();
    let digits = digits.trim_start_matches(['_', ' ', '.']);
    let parts = digits.split('.').count();
    match (deep_codes, parts) {
        (true, 1) => Level::Area,
        (true, 2) => Level::Strategic,
        (true, _) => Level::Operational,
        (false, 1) if digits.chars().count() >= 3 => Level::Area,
        (false, 1) => Level::Strategic,
        (false, _) => Level::Operational,
    }
}

/// A code as compared between a summary and its detail, or a total that names it:
/// letters and digits only, in lower case (`AS 01`, `AS_01` and `as01` are one code).
/// Whether `code`'s number extends `parent`'s: `OS_01.01` and `AS_01`, `01.02.03` and
/// `01.02` (not `2.1` and `011`, nor `01.10` and `01.1`).
fn extends(code: &str, parent: &str) -> bool {
    let number = |c: &str| c.trim_start_matches(|ch: char| ch.is_ascii_alphabetic() || matches!(ch, '_' | ' ' | '-')).to_string();
    let (child, parent) = (number(code), number(parent));
    !parent.is_empty() && parent.chars().any(|c| c.is_ascii_digit()) && child.strip_prefix(&parent).is_some_and(|rest| rest.starts_with('.') && rest.len() > 1)
}

fn squeeze(code: &str) -> String {
    code.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn level_slot(level: Level) -> usize {
    match level {
        Level::Area => 0,
        Level::Strategic => 1,
        Level::Operational => 2,
    }
}

pub(super) fn level_prefix(level: Level) -> &'static str {
    match level {
        Level::Area => "AS_",
        Level::Strategic => "OS_",
        Level::Operational => "OO_",
    }
}

/// A heading's text without the weight it prints, and that weight: `… (Peso: 50,00%)`, or
/// `… PESO: 14,00%` inside a block written whole in one cell.
fn printed_weight(text: String) -> (String, Option<Decimal>) {
    if let Some((before, weight, after)) = take_parenthesis(&text, "(peso:") {
        return (format!("{before} {after}").trim().to_string(), parse_percent(&weight));
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let weight = tokens.windows(2).find(|pair| fold(pair[0]) == "peso:").and_then(|pair| parse_percent(pair[1]));
    (text, weight)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_shapes_give_levels() {
        assert_eq!(level_of("011", false), Level::Area);
        assert_eq!(level_of("01", false), Level::Strategic);
        assert_eq!(level_of("01.01", false), Level::Operational);
        assert_eq!(level_of("01", true), Level::Area);
        assert_eq!(level_of("01.01", true), Level::Strategic);
        assert_eq!(level_of("OS_02.03", false), Level::Strategic);
        assert_eq!(level_of("AS_01", true), Level::Area);
    }

    fn title(text: &str) -> (String, Option<String>, bool) {
        dashboard_title(&split_trailing_figures(text).0)
    }

    #[test]
    fn dashboard_titles_in_the_shapes_reports_print() {
        let some = |s: &str| Some(s.to_string());
        assert_eq!(title("01 Cruscotto Segretario generale - Dott.ssa ROSSI"), ("Segretario generale".into(), some("Dott.ssa ROSSI"), false));
        assert_eq!(
            title("CRUSCOTTO - Area Promozione e sviluppo del territorio - Dirigente: Dott.ssa Maria Bianchi"),
            ("Area Promozione e sviluppo del territorio".into(), some("Dott.ssa Maria Bianchi"), false)
        );
        assert_eq!(title("Cruscotto n. 2: Area Servizi (segue)"), ("Area Servizi".into(), None, true));
        assert_eq!(
            title("03 cruscotto Dirigente area \"Anagrafe\" ad interim - Dott. Verdi"),
            ("Dirigente area \"Anagrafe\" ad interim".into(), some("Dott. Verdi"), false)
        );
        assert_eq!(title("Segreteria generale - Dott. Neri - ad interim"), ("Segreteria generale".into(), some("Dott. Neri - ad interim"), false));
        assert_eq!(title("02 Cruscotto Uﬃcio ﬁnanziario - Dott. Gıallı"), ("Uﬃcio ﬁnanziario".into(), some("Dott. Gıallı"), false));
    }

    #[test]
    fn figures_glued_to_a_title_are_taken_off_it() {
        let (text, figures) = split_trailing_figures("01 Cruscotto Segretario generale - Dott.ssa ROSSI 96,40% ● ● ●");
        assert_eq!(text, "01 Cruscotto Segretario generale - Dott.ssa ROSSI");
        assert_eq!(figures.score, Some(Decimal::from_scaled(9640, 2)));
        let (text, figures) = split_trailing_figures("CRUSCOTTO X - Y TOTALE 90,60 %");
        assert_eq!(text, "CRUSCOTTO X - Y");
        assert_eq!(figures.score, Some(Decimal::from_scaled(9060, 2)));
        assert_eq!(split_trailing_figures("Piano 2023").0, "Piano 2023");
    }

    #[test]
    fn a_level_named_in_words() {
        assert_eq!(level_words("Obiettivo strategico 2: Semplificazione"), Some(("2".into(), "Semplificazione".into())));
        assert_eq!(level_words("OBIETTIVO OPERATIVO 1.3 - Digitale"), Some(("1.3".into(), "Digitale".into())));
        assert_eq!(level_words("Ambito strategico: Imprese"), Some((String::new(), "Imprese".into())));
        assert_eq!(level_words("Obiettivi operativi con indicatori"), None);
    }
}
