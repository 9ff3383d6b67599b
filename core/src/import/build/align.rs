//! Placing the cells of a row under the headings by content as well as position: a
//! table copied from a PDF loses its empty cells, so after a page break a row may be
//! shifted by one or more columns.

use super::{Cell, Shape};
use crate::import::columns::Field;
use crate::import::values::{parse_actual, parse_unit};

/// Past this many cells × headings a row is placed by position only.
const ALIGN_LIMIT: usize = 100_000;

/// Places the cells of a row under the headings: each cell goes to at most one heading,
/// in the headings' order, maximising how well the contents fit (a ratio under VALORI
/// MISURE, a comparison under TARGET, …) with a bonus for the cell's own column. So a
/// row that lost its empty cells in a PDF still lands under the right headings.
/// Returns, for each cell, the index in `fields` it was placed under.
pub(super) fn align(cells: &[Cell], fields: &[(usize, Field)]) -> Vec<Option<usize>> {
    let (n, m) = (cells.len(), fields.len());
    if n == 0 || m == 0 {
        return vec![None; n];
    }
    if n.saturating_mul(m) > ALIGN_LIMIT {
        return cells.iter().map(|c| fields.iter().position(|(col, f)| *col == c.col && fit(c, *f, true).is_some())).collect();
    }
    const UNPLACED: i32 = -3;
    let mut dp = vec![vec![0i32; m + 1]; n + 1];
    for i in 1..=n {
        dp[i][0] = dp[i - 1][0] + UNPLACED;
        for j in 1..=m {
            let (col, field) = fields[j - 1];
            let mut best = dp[i - 1][j] + UNPLACED;
            best = best.max(dp[i][j - 1]);
            if let Some(score) = fit(&cells[i - 1], field, cells[i - 1].col == col) {
                best = best.max(dp[i - 1][j - 1] + score);
            }
            dp[i][j] = best;
        }
    }
    let mut out = vec![None; n];
    let (mut i, mut j) = (n, m);
    while i > 0 {
        if j > 0 {
            let (col, field) = fields[j - 1];
            if let Some(score) = fit(&cells[i - 1], field, cells[i - 1].col == col) {
                if dp[i][j] == dp[i - 1][j - 1] + score {
                    out[i - 1] = Some(j - 1);
                    i -= 1;
                    j -= 1;
                    continue;
                }
            }
            if dp[i][j] == dp[i][j - 1] {
                j -= 1;
                continue;
            }
        }
        i -= 1;
    }
    out
}

/// How well a cell fits under a heading (`None`: it cannot be there), with a bonus when
/// it sits in that heading's own column.
fn fit(cell: &Cell, field: Field, own_column: bool) -> Option<i32> {
    use Shape::*;
    // `N.V.` is a verdict and a status both: it may stand under CONSUNTIVO or GRADO too.
    let s = match cell.shape {
        Verdict if field != Field::Verdict && parse_actual(&cell.cleaned).is_some() => Status,
        s => s,
    };
    let base = match field {
        Field::Weight => match s {
            Percent => Some(3),
            Number => Some(2),
            _ => None,
        },
        Field::Achievement => match s {
            Percent => Some(3),
            Number => Some(2),
            Status => Some(1),
            _ => None,
        },
        Field::Target => match s {
            Target => Some(4),
            Percent | Number | Quantity | Date => Some(1),
            _ => None,
        },
        Field::Measures => match s {
            Ratio => Some(4),
            Percent | Number | Quantity | Date | Status => Some(2),
            _ => None,
        },
        Field::Actual => match s {
            Ratio => Some(2),
            Percent | Number | Quantity | Date | Status => Some(3),
            _ => None,
        },
        Field::Verdict => match s {
            Verdict => Some(4),
            Status => Some(1),
            _ => None,
        },
        Field::Deviation => match s {
            Percent | Number | Quantity | Status => Some(1),
            _ => None,
        },
        Field::Unit => parse_unit(&cell.cleaned).map(|_| 2),
        Field::Code => {
            let token = !cell.cleaned.contains(' ') && cell.cleaned.len() <= 30 && cell.cleaned.chars().any(|c| c.is_ascii_digit());
            (token && (own_column || s == Text)).then_some(1)
        }
        Field::Indicator => match s {
            Text | GroupLabel => Some(2),
            _ if own_column => Some(0),
            _ => None,
        },
        Field::Description | Field::Algorithm => match s {
            Text | GroupLabel => Some(1),
            _ if own_column => Some(0),
            _ => None,
        },
        Field::Group | Field::Area | Field::Strategic | Field::Operational => match s {
            GroupLabel => Some(2),
            Text if own_column => Some(1),
            _ => None,
        },
        Field::Ignore => None,
    };
    base.map(|b| b + if own_column { 2 } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::build::test_cells as cells;

    const SEED_FIELDS: [(usize, Field); 12] = [
        (0, Field::Group),
        (1, Field::Area),
        (2, Field::Strategic),
        (3, Field::Operational),
        (4, Field::Weight),
        (5, Field::Indicator),
        (6, Field::Algorithm),
        (7, Field::Measures),
        (8, Field::Actual),
        (9, Field::Target),
        (10, Field::Achievement),
        (11, Field::Verdict),
    ];

    fn placed(row: &[(usize, &str)]) -> Vec<Option<Field>> {
        align(&cells(row), &SEED_FIELDS).into_iter().map(|s| s.map(|s| SEED_FIELDS[s].1)).collect()
    }

    #[test]
    fn rows_shifted_after_a_page_break_land_under_their_headings() {
        use Field::*;
        let page1 = [(0, "100,00%"), (2, "n atti"), (3, "n atti / n"), (5, "46 N. / 47 N."), (6, "97,87 %"), (7, ">= 70,00 %"), (8, "100,00%")];
        assert_eq!(placed(&page1), [Weight, Indicator, Algorithm, Measures, Actual, Target, Achievement].map(Some));
        let page2 = [(0, "100,00%"), (1, "Realizzazione"), (2, "Realizzazione"), (3, "31-12-2023"), (4, "31-12-2023"), (5, "Entro 31-12-2023"), (6, "100,00%")];
        assert_eq!(placed(&page2), [Weight, Indicator, Algorithm, Measures, Actual, Target, Achievement].map(Some));
        let aligned = [(4, "20"), (5, "Nome"), (9, ">= 3"), (10, "100")];
        assert_eq!(placed(&aligned), [Weight, Indicator, Target, Achievement].map(Some));
    }
}
