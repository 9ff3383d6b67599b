//! Tables from the positions of a page's text: lines from baselines, table regions from
//! ruling lines (or, without rules, from runs of lines with several columns of text),
//! columns from the vertical rules (or from the gaps that every line of the region leaves
//! at the same x), rows from the horizontal rules (or one per line), cells that wrap over
//! several lines joined; then tables continued on the next page joined, with their
//! repeated heading dropped, and the page's running header and footer left out.
//!
//! What it builds for the whole class of layouts, not for one producer: a bordered table
//! (LibreOffice, Word), rules between rows only (a browser's print), or no rules at all.

use super::text::{Glyph, PageText, Rule};
use crate::import::columns::is_header_row;

/// A table found on one or more pages, as rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundTable {
    /// 1-based pages it is printed on, in order.
    pub pages: Vec<usize>,
    pub columns: usize,
    pub rows: Vec<FoundRow>,
    /// Its columns come from drawn rules (else from the text's gaps).
    pub ruled: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FoundRow {
    /// 1-based page.
    pub page: usize,
    pub cells: Vec<String>,
}

/// A line of text: glyphs on one baseline, left to right, cut into fragments where a gap
/// is wider than a space.
#[derive(Debug, Clone)]
struct Line {
    y: f32,
    size: f32,
    glyphs: Vec<Glyph>,
    /// (x0, x1) of each fragment.
    fragments: Vec<(f32, f32)>,
    text: String,
}

impl Line {
    fn x0(&self) -> f32 {
        self.fragments.first().map_or(0.0, |f| f.0)
    }
    fn x1(&self) -> f32 {
        self.fragments.last().map_or(0.0, |f| f.1)
    }
}

fn is_space(g: &Glyph) -> bool {
    g.text.chars().all(char::is_whitespace)
}

/// Text of glyphs in reading order: a space where one is printed or a gap leaves one.
fn join_glyphs<'g>(glyphs: impl Iterator<Item = &'g Glyph>) -> String {
    let mut out = String::new();
    let mut end: Option<f32> = None;
    let mut pending = false;
    for g in glyphs {
        if is_space(g) {
            pending = true;
            continue;
        }
        if let Some(e) = end {
            if (pending || g.x - e > 0.2 * g.size.max(1.0)) && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        }
        pending = false;
        out.push_str(&g.text);
        end = Some(g.x + g.width);
    }
    out.trim().to_string()
}

/// Glyphs grouped by baseline (within a third of their size), top to bottom, each group
/// left to right: a page's lines, or a cell's.
fn by_baseline<'g>(glyphs: impl IntoIterator<Item = &'g Glyph>) -> Vec<Vec<&'g Glyph>> {
    let mut sorted: Vec<&Glyph> = glyphs.into_iter().collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut groups: Vec<Vec<&Glyph>> = Vec::new();
    let mut line_y = f32::MIN;
    for g in sorted {
        match groups.last_mut() {
            Some(group) if (g.y - line_y).abs() <= (0.35 * g.size).max(1.0) => group.push(g),
            _ => {
                line_y = g.y;
                groups.push(vec![g]);
            }
        }
    }
    for group in &mut groups {
        group.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    groups
}

/// The page's lines, top to bottom.
fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    by_baseline(glyphs)
        .into_iter()
        .map(|group| group.into_iter().cloned().collect::<Vec<Glyph>>())
        .filter_map(|glyphs| {
            let size = glyphs.iter().filter(|g| !is_space(g)).map(|g| g.size).fold(0.0, f32::max);
            let y = glyphs.first().map_or(0.0, |g| g.y);
            let mut fragments: Vec<(f32, f32)> = Vec::new();
            for g in glyphs.iter().filter(|g| !is_space(g)) {
                match fragments.last_mut() {
                    Some(f) if g.x - f.1 <= 0.9 * size.max(1.0) => f.1 = f.1.max(g.x + g.width),
                    _ => fragments.push((g.x, g.x + g.width)),
                }
            }
            let text = join_glyphs(glyphs.iter());
            (!fragments.is_empty()).then_some(Line { y, size: size.max(1.0), glyphs, fragments, text })
        })
        .collect()
}

/// Values within `gap` of each other made one (their mean), sorted.
fn cluster(mut values: Vec<f32>, gap: f32) -> Vec<f32> {
    values.sort_by(f32::total_cmp);
    let mut out: Vec<(f32, usize)> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some((sum, n)) if v - *sum / *n as f32 <= gap => {
                *sum += v;
                *n += 1;
            }
            _ => out.push((v, 1)),
        }
    }
    out.into_iter().map(|(sum, n)| sum / n as f32).collect()
}

/// A table's place on a page and how its columns and rows are cut.
#[derive(Debug, Clone)]
struct Region {
    top: f32,
    bottom: f32,
    left: f32,
    right: f32,
    /// Horizontal rules' y inside it (ruled tables).
    rows: Vec<f32>,
    /// Vertical rules' x (empty: columns from the text).
    columns: Vec<f32>,
    /// Rules between rows only (no vertical rules): the first row may stand above the
    /// first rule, which is its bottom border.
    open_top: bool,
}

/// Horizontal rules at one height that touch made one, with the x where pieces met (a
/// browser draws each cell's border apart: where they meet are the column boundaries).
fn joined_horizontal(rules: &[Rule]) -> Vec<(Rule, Vec<f32>)> {
    let mut pieces: Vec<&Rule> = rules.iter().filter(|r| r.horizontal()).collect();
    pieces.sort_by(|a, b| a.y0.total_cmp(&b.y0).then(a.x0.total_cmp(&b.x0)));
    let mut out: Vec<(Rule, Vec<f32>)> = Vec::new();
    for p in pieces {
        match out.last_mut() {
            Some((r, joints)) if (p.y0 - r.y0).abs() <= 0.8 && p.x0 <= r.x1 + 2.0 => {
                if p.x0 >= r.x1 - 2.0 {
                    joints.push((p.x0 + r.x1) / 2.0);
                }
                r.x1 = r.x1.max(p.x1);
            }
            _ => out.push((*p, Vec::new())),
        }
    }
    out.retain(|(r, _)| r.x1 - r.x0 >= 15.0);
    out
}

/// Regions drawn by rules: horizontal rules joined by vertical rules, or, on a page with
/// no vertical rules, stacked closely.
fn ruled_regions(rules: &[Rule]) -> Vec<Region> {
    let horizontal = joined_horizontal(rules);
    let vertical: Vec<&Rule> = rules.iter().filter(|r| !r.horizontal() && r.y1 - r.y0 >= 4.0).collect();
    let mut regions: Vec<(Region, Vec<f32>)> = Vec::new();
    for (h, joints) in horizontal {
        let joined = regions.last_mut().filter(|(r, all)| {
            let overlap = h.x1.min(r.right) - h.x0.max(r.left);
            let shorter = (h.x1 - h.x0).min(r.right - r.left);
            let bridged = vertical.iter().any(|v| v.y0 <= r.bottom + 2.0 && v.y1 >= h.y0 - 2.0 && v.x0 >= r.left - 2.0 && v.x0 <= r.right + 2.0);
            // The same cells' borders: pieces meeting where the region's met.
            let same_cells = joints.len() >= 2 && joints.iter().all(|j| all.iter().any(|a| (a - j).abs() <= 2.0));
            overlap > 0.5 * shorter && (bridged || (vertical.is_empty() && (same_cells || h.y0 - r.bottom <= 60.0)))
        });
        match joined {
            Some((r, all)) => {
                r.bottom = h.y0;
                r.left = r.left.min(h.x0);
                r.right = r.right.max(h.x1);
                r.rows.push(h.y0);
                all.extend(joints);
            }
            None => regions.push((
                Region { top: h.y0, bottom: h.y0, left: h.x0, right: h.x1, rows: vec![h.y0], columns: Vec::new(), open_top: vertical.is_empty() },
                joints,
            )),
        }
    }
    regions.retain(|(r, _)| r.rows.len() >= 2 && r.bottom - r.top >= 4.0);
    let mut out = Vec::new();
    for (mut r, joints) in regions {
        r.rows = cluster(std::mem::take(&mut r.rows), 1.5);
        let mut xs: Vec<f32> =
            vertical.iter().filter(|v| v.x0 >= r.left - 2.0 && v.x0 <= r.right + 2.0 && v.y1 > r.top + 1.0 && v.y0 < r.bottom - 1.0).map(|v| v.x0).collect();
        if xs.is_empty() && !joints.is_empty() {
            // Joints where at least a third of the rules meet.
            let needed = (r.rows.len() / 3).max(2);
            let mut sorted = joints.clone();
            sorted.sort_by(f32::total_cmp);
            for x in cluster(joints, 2.0) {
                if sorted.iter().filter(|j| (**j - x).abs() <= 2.0).count() >= needed {
                    xs.push(x);
                }
            }
        }
        if !xs.is_empty() {
            let mut columns = cluster(xs, 2.0);
            if columns.first().is_none_or(|x| *x - r.left > 3.0) {
                columns.insert(0, r.left);
            }
            if columns.last().is_none_or(|x| r.right - *x > 3.0) {
                columns.push(r.right);
            }
            r.columns = columns;
        }
        out.push(r);
    }
    out
}

fn inside(line: &Line, r: &Region) -> bool {
    line.y > r.top && line.y < r.bottom + 0.2 * line.size && line.x1() > r.left && line.x0() < r.right
}

/// What a page gives: its tables, and whether prose stands before the first and after
/// the last (a table with nothing after it may continue on the next page).
struct PageTables {
    tables: Vec<FoundTable>,
    prose_before: bool,
    prose_after: bool,
}

/// Running headers and footers: lines in the page's top or bottom 12 % whose text,
/// without its digits, is printed on another page too, and bare page numbers there.
fn furniture(pages: &[(PageText, Vec<Line>)]) -> Vec<Vec<bool>> {
    let key = |l: &Line| l.text.chars().filter(|c| !c.is_ascii_digit() && !c.is_whitespace()).collect::<String>().to_lowercase();
    let margin = |l: &Line, p: &PageText| l.y < p.height * 0.12 || l.y > p.height * 0.88;
    let mut seen: std::collections::HashMap<String, std::collections::BTreeSet<usize>> = std::collections::HashMap::new();
    for (i, (page, lines)) in pages.iter().enumerate() {
        for l in lines.iter().filter(|l| margin(l, page) && l.fragments.len() <= 2) {
            seen.entry(key(l)).or_default().insert(i);
        }
    }
    pages
        .iter()
        .map(|(page, lines)| {
            lines
                .iter()
                .map(|l| {
                    let k = key(l);
                    margin(l, page) && l.fragments.len() <= 2 && (k.is_empty() || k == "pagina" || k == "pag." || seen.get(&k).is_some_and(|s| s.len() >= 2))
                })
                .collect()
        })
        .collect()
}

/// Regions of text laid out in columns, on a page without rules: runs of lines with two
/// or more fragments, with the single lines between them (wrapped cells, group rows).
fn text_regions(lines: &[Line], skip: &[bool]) -> Vec<Region> {
    let mut regions = Vec::new();
    let mut current: Option<(Region, usize)> = None;
    let mut singles = 0;
    for (i, l) in lines.iter().enumerate() {
        if skip[i] {
            continue;
        }
        let tabular = l.fragments.len() >= 2;
        match (&mut current, tabular) {
            (Some((r, n)), true) => {
                r.bottom = l.y;
                r.left = r.left.min(l.x0());
                r.right = r.right.max(l.x1());
                *n += 1;
                singles = 0;
            }
            (Some(_), false) if singles < 2 => singles += 1,
            (Some(_), false) => {
                if let Some((r, n)) = current.take() {
                    if n >= 2 {
                        regions.push(r);
                    }
                }
                singles = 0;
            }
            (None, true) => {
                current =
                    Some((Region { top: l.y - l.size, bottom: l.y, left: l.x0(), right: l.x1(), rows: Vec::new(), columns: Vec::new(), open_top: false }, 1))
            }
            (None, false) => {}
        }
    }
    if let Some((r, n)) = current {
        if n >= 2 {
            regions.push(r);
        }
    }
    regions
}

/// Column boundaries from the text: the x-ranges of the fragments of lines with several
/// fragments, merged; a gap between merged ranges is a boundary.
fn text_columns(lines: &[&Line], region: &Region) -> Vec<f32> {
    let mut spans: Vec<(f32, f32)> = lines.iter().filter(|l| l.fragments.len() >= 2).flat_map(|l| l.fragments.iter().copied()).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f32, f32)> = Vec::new();
    for (a, b) in spans {
        match merged.last_mut() {
            Some(m) if a <= m.1 + 1.0 => m.1 = m.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let mut bounds = vec![region.left.min(merged.first().map_or(region.left, |m| m.0)) - 1.0];
    for w in merged.windows(2) {
        bounds.push((w[0].1 + w[1].0) / 2.0);
    }
    bounds.push(region.right.max(merged.last().map_or(region.right, |m| m.1)) + 1.0);
    bounds
}

/// The column of `x` among `bounds` (clamped to the first and last).
fn column_of(x: f32, bounds: &[f32]) -> usize {
    let n = bounds.len().saturating_sub(1).max(1);
    bounds.iter().skip(1).position(|b| x < *b).unwrap_or(n - 1).min(n - 1)
}

/// A cell's text from its glyphs, line by line: a line ending in `-` or `/` glued to a
/// word or number (`31-12-` / `2023`) joins the next without a space. (A word too wide
/// for its column, which a producer breaks anywhere, `RAGGIUNGIM` / `ENTO`, is not told
/// apart from two words: it keeps a space.)
fn cell_text(glyphs: &[&Glyph]) -> String {
    let mut out = String::new();
    for line in by_baseline(glyphs.iter().copied()) {
        append_line(&mut out, &join_glyphs(line.into_iter()));
    }
    out
}

/// `text`, the next line of a cell, after `out`: a line ending in `-` or `/` glued to a
/// word or number joins it without a space.
fn append_line(out: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    let mut tail = out.chars().rev();
    let glued = matches!((tail.next(), tail.next()), (Some('-' | '/'), Some(c)) if c.is_alphanumeric());
    if !out.is_empty() && !glued {
        out.push(' ');
    }
    out.push_str(text);
}

/// The rows of one region.
fn region_rows(lines: &[&Line], region: &Region, page: usize) -> (Vec<FoundRow>, usize, bool) {
    let ruled = region.columns.len() >= 2;
    let bounds = if ruled { region.columns.clone() } else { text_columns(lines, region) };
    let columns = bounds.len().saturating_sub(1).max(1);
    // Rows: one per band between horizontal rules when the rules separate rows (most
    // bands hold one line), else one per line.
    let bands: Vec<Vec<&Line>> = if region.rows.len() >= 2 {
        let mut bands: Vec<Vec<&Line>> = vec![Vec::new(); region.rows.len() + 1];
        for l in lines {
            let band = region.rows.iter().position(|y| l.y - 0.2 * l.size < *y).unwrap_or(region.rows.len());
            bands[band].push(l);
        }
        bands.retain(|b| !b.is_empty());
        // Rules between rows, or only around the table and its heading (a few rules, many
        // lines between them).
        if region.rows.len() >= 4 || bands.len() * 3 >= lines.len() {
            bands
        } else {
            split_bands(bands)
        }
    } else {
        lines.iter().map(|l| vec![*l]).collect()
    };
    let rows = bands
        .into_iter()
        .filter_map(|band| {
            let mut cells: Vec<Vec<&Glyph>> = vec![Vec::new(); columns];
            for l in band {
                if ruled {
                    for g in &l.glyphs {
                        cells[column_of(g.x + g.width / 2.0, &bounds)].push(g);
                    }
                } else {
                    // Fragment by fragment, so that a fragment stays in the column it starts in.
                    let mut f = 0;
                    for g in &l.glyphs {
                        while f + 1 < l.fragments.len() && g.x >= l.fragments[f + 1].0 - 0.01 {
                            f += 1;
                        }
                        cells[column_of(l.fragments[f].0 + 0.5, &bounds)].push(g);
                    }
                }
            }
            let mut cells: Vec<String> = cells.iter().map(|c| cell_text(c)).collect();
            // As a copy from the PDF gives them: no empty cells after the last.
            while cells.last().is_some_and(String::is_empty) {
                cells.pop();
            }
            (!cells.is_empty()).then_some(FoundRow { page, cells })
        })
        .collect();
    (rows, columns, ruled)
}

/// Bands holding several rows (rules around the table only): cut where the gap between
/// lines is wider than the band's line spacing, else one row per line.
fn split_bands(bands: Vec<Vec<&Line>>) -> Vec<Vec<&Line>> {
    let mut out = Vec::new();
    for band in bands {
        let gaps: Vec<f32> = band.windows(2).map(|w| w[1].y - w[0].y).collect();
        let least = gaps.iter().copied().fold(f32::MAX, f32::min);
        let uneven = gaps.iter().any(|g| *g > least * 1.3);
        let mut row: Vec<&Line> = Vec::new();
        for (i, l) in band.into_iter().enumerate() {
            if i > 0 && (!uneven || gaps[i - 1] > least * 1.3) {
                out.push(std::mem::take(&mut row));
            }
            row.push(l);
        }
        out.push(row);
    }
    out
}

fn page_tables(page: &PageText, lines: &[Line], skip: &[bool], number: usize) -> PageTables {
    let mut regions = ruled_regions(&page.rules);
    // A first row above the first rule: the lines just above it, each close to the next.
    for r in regions.iter_mut().filter(|r| r.open_top) {
        let mut edge = r.top;
        let below = lines.iter().find(|l| l.y > r.top).map(|l| l.size);
        for l in lines.iter().rev().filter(|l| l.y < r.top && l.x0() >= r.left - 2.0 && l.x1() <= r.right + 2.0) {
            // The table's own text: as close as its lines, in its size (not the prose's).
            let size_differs = below.is_some_and(|s| (l.size - s).abs() > 0.1 * s);
            if edge - l.y > 1.3 * l.size || size_differs {
                break;
            }
            edge = l.y - l.size;
        }
        r.top = edge;
    }
    // A ruled region holds no running header: lines inside are never skipped.
    let in_ruled: Vec<bool> = lines.iter().map(|l| regions.iter().any(|r| inside(l, r))).collect();
    let skip: Vec<bool> = skip.iter().zip(&in_ruled).map(|(s, r)| *s && !r).collect();
    let others: Vec<bool> = skip.iter().zip(&in_ruled).map(|(s, r)| *s || *r).collect();
    regions.extend(text_regions(lines, &others));
    regions.sort_by(|a, b| a.top.total_cmp(&b.top));
    let mut tables = Vec::new();
    let mut used = vec![false; lines.len()];
    for r in &regions {
        let members: Vec<&Line> = lines.iter().enumerate().filter(|(i, l)| !skip[*i] && !used[*i] && inside(l, r)).map(|(_, l)| l).collect();
        for (i, l) in lines.iter().enumerate() {
            if !skip[i] && inside(l, r) {
                used[i] = true;
            }
        }
        if members.is_empty() {
            continue;
        }
        let (rows, columns, ruled) = region_rows(&members, r, number);
        if !rows.is_empty() {
            tables.push((r.top, r.bottom, FoundTable { pages: vec![number], columns, rows, ruled }));
        }
    }
    let prose: Vec<f32> = lines.iter().enumerate().filter(|(i, _)| !skip[*i] && !used[*i]).map(|(_, l)| l.y).collect();
    let prose_before = tables.first().is_some_and(|(top, _, _)| prose.iter().any(|y| y < top));
    let prose_after = tables.last().is_some_and(|(_, bottom, _)| prose.iter().any(|y| y > bottom));
    PageTables { tables: tables.into_iter().map(|t| t.2).collect(), prose_before, prose_after }
}

fn fold(cells: &[String]) -> String {
    cells.iter().map(|c| c.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()).filter(|c| !c.is_empty()).collect::<Vec<_>>().join("\t")
}

/// The table's heading row: the first that names the columns, else its first row.
fn heading(table: &FoundTable) -> Option<&FoundRow> {
    table.rows.iter().find(|r| is_header_row(&r.cells)).or(table.rows.first())
}

/// Whether `first`, the first row of a ruled table's page after the repeated heading, is
/// the rest of `last`, the previous page's last row, that the page break cut: a producer
/// breaks a row by carrying over the lines its taller cells did not fit, so the rest has
/// text only under cells `last` filled, and fewer of them; and it opens no row of its
/// own, nor is `last` a heading. A row opens itself with a code: a cell that is a
/// labelled code (`OS_03.04 - …`), or a code among the first words of its first cell,
/// alone or after the words of its level (`OS 01.03`, `13.02.1`, `Obiettivo operativo
/// OO_01.02.03 - …`).
fn continues_row(last: &FoundRow, first: &FoundRow) -> bool {
    use crate::import::values::{group_label, is_code};
    let filled = |r: &FoundRow| r.cells.iter().filter(|c| !c.trim().is_empty()).count();
    let under_filled = first.cells.iter().enumerate().all(|(i, c)| c.trim().is_empty() || last.cells.get(i).is_some_and(|l| !l.trim().is_empty()));
    let opens_row = first.cells.iter().any(|c| group_label(c).is_some())
        || first.cells.iter().find(|c| !c.trim().is_empty()).is_some_and(|c| {
            let words: Vec<&str> = c.split_whitespace().take(3).map(|w| w.trim_matches(|ch: char| matches!(ch, '(' | ')' | ':' | ',' | ';'))).collect();
            words.iter().any(|w| is_code(w)) || words.windows(2).any(|pair| is_code(&pair.join(" ")))
        });
    filled(first) > 0 && filled(first) < filled(last) && under_filled && !opens_row && !is_header_row(&last.cells)
}

/// Every table of the pages, in reading order, a table continued on the next page joined.
/// `pages` are the pages' texts with their 1-based numbers.
pub fn tables(pages: &[(usize, PageText)]) -> Vec<FoundTable> {
    let with_lines: Vec<(PageText, Vec<Line>)> = pages.iter().map(|(_, p)| (p.clone(), lines(&p.glyphs))).collect();
    let skips = furniture(&with_lines);
    let mut out: Vec<FoundTable> = Vec::new();
    let mut open = false; // the last table ended its page with no prose after it
    let mut last_page = 0;
    for (((number, _), (page, lines)), skip) in pages.iter().zip(&with_lines).zip(&skips) {
        let found = page_tables(page, lines, skip, *number);
        let continues_from = open && last_page + 1 == *number && !found.prose_before;
        for (i, table) in found.tables.into_iter().enumerate() {
            let previous = out.last_mut().filter(|p| i == 0 && continues_from && p.columns == table.columns);
            match previous {
                Some(p) => {
                    let head = heading(p).map(|h| fold(&h.cells));
                    let mut rows = table.rows.into_iter().peekable();
                    // The heading repeated at the top of the page is dropped.
                    if rows.peek().is_some_and(|r| Some(fold(&r.cells)) == head) {
                        rows.next();
                    }
                    // The rest of a row the page break cut (its band is one row).
                    if p.ruled && table.ruled {
                        if let (Some(last), Some(first)) = (p.rows.last_mut(), rows.peek()) {
                            if continues_row(last, first) {
                                for (cell, more) in last.cells.iter_mut().zip(&first.cells) {
                                    append_line(cell, more);
                                }
                                rows.next();
                            }
                        }
                    }
                    p.rows.extend(rows);
                    if !p.pages.contains(number) {
                        p.pages.push(*number);
                    }
                }
                None => out.push(table),
            }
        }
        open = !found.prose_after && out.last().is_some_and(|t| t.pages.last() == Some(number));
        last_page = *number;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(x: f32, y: f32, text: &str) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut x = x;
        for c in text.chars() {
            out.push(Glyph { x, y, width: 5.0, size: 10.0, text: c.to_string() });
            x += 5.0;
        }
        out
    }

    fn page(words: &[(f32, f32, &str)], rules: Vec<Rule>) -> PageText {
        PageText { width: 595.0, height: 842.0, glyphs: words.iter().flat_map(|(x, y, t)| word(*x, *y, t)).collect(), rules, images: 0, cut_short: false }
    }

    fn cells(t: &FoundTable) -> Vec<Vec<&str>> {
        t.rows.iter().map(|r| r.cells.iter().map(String::as_str).collect()).collect()
    }

    #[test]
    fn columns_from_gaps_and_one_row_per_line_without_rules() {
        let p = page(
            &[
                (50.0, 100.0, "PESO"),
                (150.0, 100.0, "INDICATORE"),
                (300.0, 100.0, "TARGET"),
                (50.0, 115.0, "60%"),
                (150.0, 115.0, "Pratiche"),
                (300.0, 115.0, ">= 90 %"),
            ],
            vec![],
        );
        let t = tables(&[(1, p)]);
        assert_eq!(t.len(), 1);
        assert_eq!(cells(&t[0]), [vec!["PESO", "INDICATORE", "TARGET"], vec!["60%", "Pratiche", ">= 90 %"]]);
    }

    #[test]
    fn ruled_cells_join_wrapped_lines_and_glue_a_broken_date() {
        let h = |y: f32| Rule { x0: 40.0, y0: y, x1: 400.0, y1: y };
        let v = |x: f32| Rule { x0: x, y0: 90.0, x1: x, y1: 150.0 };
        let p = page(
            &[
                (50.0, 100.0, "PESO"),
                (150.0, 100.0, "INDICATORE"),
                (300.0, 100.0, "TARGET"),
                (50.0, 120.0, "60%"),
                (150.0, 120.0, "Pratiche"),
                (150.0, 132.0, "evase"),
                (300.0, 120.0, "Entro 31-12-"),
                (300.0, 132.0, "2023"),
            ],
            vec![h(90.0), h(108.0), h(150.0), v(40.0), v(140.0), v(290.0), v(400.0)],
        );
        let t = tables(&[(1, p)]);
        assert_eq!(cells(&t[0]), [vec!["PESO", "INDICATORE", "TARGET"], vec!["60%", "Pratiche evase", "Entro 31-12-2023"]]);
        assert!(t[0].ruled);
    }

    #[test]
    fn a_table_continued_on_the_next_page_is_one_and_its_repeated_heading_dropped() {
        let one = page(
            &[(50.0, 100.0, "PESO"), (150.0, 100.0, "INDICATORE"), (300.0, 100.0, "TARGET"), (50.0, 115.0, "60%"), (150.0, 115.0, "A"), (300.0, 115.0, "1")],
            vec![],
        );
        let two = page(
            &[(50.0, 100.0, "PESO"), (150.0, 100.0, "INDICATORE"), (300.0, 100.0, "TARGET"), (50.0, 115.0, "40%"), (150.0, 115.0, "B"), (300.0, 115.0, "2")],
            vec![],
        );
        let t = tables(&[(1, one), (2, two)]);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].pages, [1, 2]);
        assert_eq!(cells(&t[0]).len(), 3);
    }

    /// A ruled page of three columns: its heading, and `rows` of (y, cells) below it, each
    /// row's band closed by a rule; the last band reaches the page's foot.
    fn ruled_page(rows: &[(f32, [&str; 3])]) -> PageText {
        let xs = [40.0, 140.0, 290.0, 400.0];
        let mut words = vec![(50.0, 100.0, "PESO"), (150.0, 100.0, "INDICATORE"), (300.0, 100.0, "TARGET")];
        let mut rules = vec![Rule { x0: 40.0, y0: 90.0, x1: 400.0, y1: 90.0 }, Rule { x0: 40.0, y0: 108.0, x1: 400.0, y1: 108.0 }];
        let mut bottom = 108.0;
        for (y, cells) in rows {
            for (i, c) in cells.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
                words.push((xs[i] + 10.0, *y, c));
            }
            bottom = y + 8.0;
            rules.push(Rule { x0: 40.0, y0: bottom, x1: 400.0, y1: bottom });
        }
        rules.extend(xs.iter().map(|x| Rule { x0: *x, y0: 90.0, x1: *x, y1: bottom }));
        page(&words, rules)
    }

    #[test]
    fn a_row_cut_by_the_page_break_is_one_row_and_a_new_row_there_is_not() {
        let one = ruled_page(&[(120.0, ["60%", "Pratiche", ">= 90 %"]), (140.0, ["40%", "Domande evase", ">= 10 N."])]);
        // The rest of "Domande evase …" carried over; then a row of its own.
        let two = ruled_page(&[(120.0, ["", "entro trenta giorni", ""]), (140.0, ["", "OS_02 - Altro obiettivo", ""])]);
        let t = tables(&[(1, one), (2, two)]);
        assert_eq!(
            cells(&t[0]),
            [
                vec!["PESO", "INDICATORE", "TARGET"],
                vec!["60%", "Pratiche", ">= 90 %"],
                vec!["40%", "Domande evase entro trenta giorni", ">= 10 N."],
                vec!["", "OS_02 - Altro obiettivo"]
            ]
        );
    }

    #[test]
    fn a_row_opening_with_a_label_after_a_page_break_stays_a_row() {
        let one = ruled_page(&[(120.0, ["60%", "Pratiche evase", ">= 90 %"])]);
        for opening in [["Obiettivo", "OS_03.04 - Promuovere", ""], ["Obiettivo operativo OO_01.02.03 - Adozione Intranet", "", ""], ["OS 01.03", "", ""]] {
            let two = ruled_page(&[(120.0, opening)]);
            let t = tables(&[(1, one.clone()), (2, two)]);
            assert_eq!(cells(&t[0]).len(), 3, "{opening:?}");
        }
    }

    #[test]
    fn prose_is_no_table() {
        let p = page(&[(50.0, 100.0, "La Camera di commercio ha misurato i risultati del 2023."), (50.0, 115.0, "Seguono le tabelle.")], vec![]);
        assert!(tables(&[(1, p)]).is_empty());
    }
}
